"""The fixture stacks of test/fixtures/stacks.ts, written in idiomatic Python.

Each builder makes the same stack as its TypeScript twin (same construct ids,
same order, same regions), so that both synthesize to the one reviewed file
test/fixtures/expected/<name>.json (with the flavour's own `terraform` block, see
test_fixtures.py).
"""
import json
from typing import Callable, Dict

from cdktf import App, TerraformOutput, TerraformStack, TerraformVariable
from cdktf_cdktf_provider_aws.iam_role import IamRole
from cdktf_cdktf_provider_aws.provider import AwsProvider
from cdktf_cdktf_provider_aws.sfn_state_machine import SfnStateMachine

from cdktf_eventbridge_connection import (
    ApiDestination,
    ApiDestinationPipe,
    ApiDestinationTarget,
    ApiKeyConnection,
    Authorization,
    BasicConnection,
    Connection,
    DynamoDbStartingPosition,
    HttpInvokeTask,
    HttpMethod,
    HttpParameter,
    KinesisStartingPosition,
    OAuthConnection,
    OnPartialBatchItemFailure,
    PipeDesiredState,
    PipeSource,
    RequestBodyEncoding,
    SecretValue,
    StepFunctionsHttpTaskGrant,
    UrlEncodingArrayFormat,
)
from stacks import new_stack


def api_key(app: App) -> TerraformStack:
    """API key from a JSON field of a Secrets Manager secret."""
    stack = new_stack(app, "api-key", region="eu-west-1")
    ApiKeyConnection(
        stack,
        "PagerDuty",
        connection_name="pagerduty-events",
        description="Sends incidents to PagerDuty",
        api_key_name="Authorization",
        api_key_value=SecretValue.secrets_manager("prod/pagerduty", json_field="token"),
        header_parameters={"Content-Type": HttpParameter.from_string("application/json")},
    )
    return stack


def basic(app: App) -> TerraformStack:
    """Basic authentication with the password in SSM, invocation parameters."""
    stack = new_stack(app, "basic", region="us-east-1")
    BasicConnection(
        stack,
        "Jira",
        description="Creates Jira issues",
        username="eventbridge@example.com",
        password=SecretValue.ssm_secure_string("/integrations/jira/api-token"),
        query_string_parameters={"project": HttpParameter.from_string("OPS")},
        body_parameters={"source": HttpParameter.from_string("eventbridge")},
    )
    return stack


def oauth(app: App) -> TerraformStack:
    """OAuth client credentials with a sensitive variable and OAuth parameters."""
    stack = new_stack(app, "oauth", region="us-east-1")
    client_secret = TerraformVariable(
        stack,
        "salesforce_client_secret",
        type="string",
        sensitive=True,
        description="The Salesforce connected app client secret",
    )
    OAuthConnection(
        stack,
        "Salesforce",
        connection_name="salesforce",
        authorization_endpoint="https://login.salesforce.com/services/oauth2/token",
        http_method=HttpMethod.POST,
        client_id="3MVG9abcdefghijklmnop",
        client_secret=SecretValue.from_terraform_variable(client_secret),
        oauth_body_parameters={"grant_type": HttpParameter.from_string("client_credentials")},
        oauth_header_parameters={
            "Content-Type": HttpParameter.from_string("application/x-www-form-urlencoded"),
        },
        oauth_query_string_parameters={"scope": HttpParameter.from_string("api")},
    )
    return stack


def everything(app: App) -> TerraformStack:
    """Every option: the general construct, a second region, KMS, private API, imports."""
    stack = new_stack(app, "everything", region="us-east-1")
    west = AwsProvider(stack, "west", region="us-west-2", alias="west")
    signing_key = TerraformVariable(stack, "signing_key", type="string", sensitive=True)

    partner = Connection(
        stack,
        "Partner",
        description="Private partner API in us-west-2",
        authorization=Authorization.oauth(
            authorization_endpoint="https://auth.partner.example/oauth2/token",
            http_method=HttpMethod.PUT,
            client_id="partner-client",
            client_secret=SecretValue.secrets_manager(
                "arn:aws:secretsmanager:us-west-2:123456789012:secret:partner-AbCdEf",
                json_field="client_secret",
                version_stage="AWSCURRENT",
            ),
            body_parameters={"audience": HttpParameter.from_string("https://api.partner.example")},
            header_parameters={
                "X-Signing-Key": HttpParameter.from_secret(SecretValue.from_terraform_variable(signing_key)),
            },
            query_string_parameters={"tenant": HttpParameter.from_string("acme")},
        ),
        header_parameters={
            "X-Api-Version": HttpParameter.from_string("2024-01-01"),
            "X-Tenant-Token": HttpParameter.from_secret(SecretValue.ssm_secure_string("/partner/tenant-token")),
        },
        query_string_parameters={"region": HttpParameter.from_string("us-west-2")},
        body_parameters={"origin": HttpParameter.from_secret(SecretValue.from_token(signing_key.string_value))},
        kms_key_identifier="alias/eventbridge-connections",
        resource_configuration_arn=(
            "arn:aws:vpc-lattice:us-west-2:123456789012:resourceconfiguration/rcfg-0123456789abcdef0"
        ),
        provider=west,
    )

    by_arn = Connection.from_connection_arn(
        stack,
        "ByArn",
        "arn:aws:events:us-east-1:123456789012:connection/legacy-webhook/2d1e7f3a-8b9c-4d5e-a6f7-0a1b2c3d4e5f",
    )
    by_attributes = Connection.from_connection_attributes(
        stack,
        "ByAttributes",
        connection_arn="arn:aws:events:us-east-1:123456789012:connection/billing/7c6b5a49-3827-4165-9e8d-7f6a5b4c3d2e",
        connection_secret_arn=(
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:events!connection/billing/1a2b3c-XyZ123"
        ),
    )
    by_name = Connection.from_connection_name(stack, "ByName", "shared-monitoring")

    TerraformOutput(stack, "partner_arn", value=partner.connection_arn)
    TerraformOutput(stack, "partner_secret_arn", value=partner.connection_secret_arn)
    TerraformOutput(stack, "legacy_name", value=by_arn.connection_name)
    TerraformOutput(stack, "billing_secret_arn", value=by_attributes.connection_secret_arn)
    TerraformOutput(stack, "monitoring_arn", value=by_name.connection_arn)
    TerraformOutput(stack, "monitoring_secret_arn", value=by_name.connection_secret_arn)
    return stack


def api_destination(app: App) -> TerraformStack:
    """An API destination on an imported connection, two rule targets and a Step Functions grant."""
    stack = new_stack(app, "api-destination", region="eu-west-1")
    connection = Connection.from_connection_attributes(
        stack,
        "Partner",
        connection_arn="arn:aws:events:eu-west-1:123456789012:connection/partner/7c6b5a49-3827-4165-9e8d-7f6a5b4c3d2e",
        connection_secret_arn=(
            "arn:aws:secretsmanager:eu-west-1:123456789012:secret:events!connection/partner/1a2b3c-XyZ123"
        ),
    )
    destination = ApiDestination(
        stack,
        "Orders",
        connection=connection,
        endpoint="https://api.partner.example/v1/orders/*",
        http_method=HttpMethod.PUT,
        rate_limit_per_second=10,
        description="Orders to the partner",
    )
    target = ApiDestinationTarget(
        stack,
        "ToPartner",
        rule_name="order-placed",
        event_bus_name="shop",
        api_destination=destination,
        target_id="partner-orders",
        path_parameter_values=["$.detail.orderId"],
        header_parameters={"X-Shop-Event-Id": "$.id"},
        query_string_parameters={"tenant": "acme"},
        input_transformer={
            "input_paths_map": {"orderId": "$.detail.orderId", "total": "$.detail.total"},
            "input_template": '{"order": <orderId>, "amount": <total>}',
        },
        maximum_event_age_in_seconds=3600,
        maximum_retry_attempts=20,
        dead_letter_queue_arn="arn:aws:sqs:eu-west-1:123456789012:partner-orders-dlq",
    )
    legacy = ApiDestination.from_api_destination_arn(
        stack,
        "Legacy",
        "arn:aws:events:eu-west-1:123456789012:api-destination/legacy/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d",
    )
    ApiDestinationTarget(
        stack,
        "ToLegacy",
        rule_name="order-placed",
        event_bus_name="shop",
        api_destination=legacy,
        # Compact, as JavaScript's JSON.stringify writes it.
        input=json.dumps({"type": "ping"}, separators=(",", ":")),
        role_arn="arn:aws:iam::123456789012:role/eventbridge-legacy",
    )
    grant = StepFunctionsHttpTaskGrant(
        stack,
        "StepFunctions",
        connection=connection,
        endpoint="https://api.partner.example/*",
        http_method=HttpMethod.POST,
        state_machine_arn="arn:aws:states:eu-west-1:123456789012:stateMachine:payments",
        role_name="payments-state-machine",
    )
    TerraformOutput(stack, "api_destination_arn", value=destination.api_destination_arn)
    TerraformOutput(stack, "target_role_arn", value=target.role_arn)
    TerraformOutput(stack, "legacy_name", value=legacy.api_destination_name)
    TerraformOutput(stack, "grant_policy", value=grant.policy_json)
    return stack


def pipes(app: App) -> TerraformStack:
    """Pipes to API destinations: SQS with a filter and an enrichment, Kinesis, DynamoDB."""
    stack = new_stack(app, "pipes", region="eu-west-1")
    connection = ApiKeyConnection(
        stack,
        "Partner",
        connection_name="partner",
        api_key_name="x-api-key",
        api_key_value=SecretValue.ssm_secure_string("/partner/api-key"),
    )
    orders = ApiDestination(
        stack,
        "Orders",
        connection=connection,
        endpoint="https://api.partner.example/v1/orders/*",
        http_method=HttpMethod.POST,
    )
    lookup = ApiDestination(
        stack,
        "Lookup",
        connection=connection,
        endpoint="https://api.partner.example/v1/customers/*",
        http_method=HttpMethod.GET,
    )
    from_queue = ApiDestinationPipe(
        stack,
        "FromQueue",
        pipe_name="orders-to-partner",
        description="Placed orders from the queue to the partner",
        source=PipeSource.sqs_queue(
            "arn:aws:sqs:eu-west-1:123456789012:orders", batch_size=1, maximum_batching_window_in_seconds=0
        ),
        # Compact, as JavaScript's JSON.stringify writes it.
        filters=[json.dumps({"body": {"type": ["order.placed"]}}, separators=(",", ":"))],
        enrichment={
            "api_destination": lookup,
            "path_parameter_values": ["$.body.customerId"],
            "header_parameters": {"X-Step": "enrich"},
            "query_string_parameters": {"fields": "tier"},
            "input_template": '{"customer": <$.body.customerId>}',
        },
        api_destination=orders,
        path_parameter_values=["$.body.orderId"],
        header_parameters={"X-Order-Id": "$.body.orderId"},
        query_string_parameters={"tenant": "acme"},
        input_template='{"order": <$.body>}',
    )
    ApiDestinationPipe(
        stack,
        "FromStream",
        source=PipeSource.kinesis_stream(
            "arn:aws:kinesis:eu-west-1:123456789012:stream/orders",
            starting_position=KinesisStartingPosition.AT_TIMESTAMP,
            starting_position_timestamp="2026-01-31T12:00:00Z",
            batch_size=100,
            maximum_batching_window_in_seconds=10,
            maximum_record_age_in_seconds=3600,
            maximum_retry_attempts=5,
            parallelization_factor=2,
            on_partial_batch_item_failure=OnPartialBatchItemFailure.AUTOMATIC_BISECT,
            dead_letter_queue_arn="arn:aws:sqs:eu-west-1:123456789012:orders-stream-dlq",
        ),
        api_destination=orders,
    )
    ApiDestinationPipe(
        stack,
        "FromTable",
        source=PipeSource.dynamo_db_stream(
            "arn:aws:dynamodb:eu-west-1:123456789012:table/orders/stream/2026-01-31T12:00:00.000",
            starting_position=DynamoDbStartingPosition.TRIM_HORIZON,
        ),
        api_destination=orders,
        desired_state=PipeDesiredState.STOPPED,
        role_arn="arn:aws:iam::123456789012:role/orders-table-pipe",
    )
    TerraformOutput(stack, "pipe_arn", value=from_queue.pipe_arn)
    TerraformOutput(stack, "pipe_role_arn", value=from_queue.role_arn)
    return stack


def state_machine(app: App) -> TerraformStack:
    """A state machine of two HTTP tasks (JSONPath, then JSONata), each granting the machine's role."""
    stack = new_stack(app, "state-machine", region="us-east-1")
    connection = ApiKeyConnection(
        stack,
        "Stripe",
        connection_name="stripe",
        api_key_name="Authorization",
        api_key_value=SecretValue.secrets_manager("prod/stripe", json_field="bearer"),
    )
    role = IamRole(
        stack,
        "Role",
        name="customers-state-machine",
        assume_role_policy=(
            '{"Version":"2012-10-17","Statement":[{"Effect":"Allow",'
            '"Principal":{"Service":"states.amazonaws.com"},"Action":"sts:AssumeRole"}]}'
        ),
    )
    create_customer = HttpInvokeTask(
        connection=connection,
        endpoint="https://api.stripe.com/v1/customers",
        method=HttpMethod.POST,
        comment="Creates the customer",
        headers={"Idempotency-Key.$": "$.orderId"},
        query_parameters={"expand": "sources"},
        request_body='{"email.$": "$.email", "metadata": {"source": "step-functions"}}',
        request_body_encoding=RequestBodyEncoding.URL_ENCODED,
        array_format=UrlEncodingArrayFormat.BRACKETS,
    )
    read_customer = HttpInvokeTask(
        connection=connection,
        endpoint="https://api.stripe.com/v1/customers/search",
        query_parameters={"query": "{% 'email:\"' & $states.input.email & '\"' %}"},
    )
    machine = SfnStateMachine(
        stack,
        "Customers",
        name="customers",
        role_arn=role.arn,
        # json.dumps, not Fn.jsonencode: the JSONata query holds double quotes, which cdktf does
        # not escape inside a Terraform expression. Compact, as JSON.stringify writes it.
        definition=json.dumps({
            "Comment": "Creates a Stripe customer, then reads it back",
            "StartAt": "CreateCustomer",
            "States": {
                "CreateCustomer": create_customer.to_json_path_state(next="ReadCustomer"),
                "ReadCustomer": read_customer.to_jsonata_state(end=True),
            },
        }, separators=(",", ":")),
    )
    create_customer.grant(stack, "CreateCustomerGrant", role_name=role.name, state_machine_arn=machine.arn,
                          policy_name="create-customer")
    read_customer.grant(stack, "ReadCustomerGrant", role_name=role.name, state_machine_arn=machine.arn)
    TerraformOutput(stack, "state_machine_arn", value=machine.arn)
    return stack


#: The fixtures by name; the name is the file name under test/fixtures/expected/.
FIXTURES: Dict[str, Callable[[App], TerraformStack]] = {
    "api-key": api_key,
    "basic": basic,
    "oauth": oauth,
    "everything": everything,
    "api-destination": api_destination,
    "pipes": pipes,
    "state-machine": state_machine,
}
