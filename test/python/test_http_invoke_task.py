"""HttpInvokeTask from Python: the rendered states (snake_case options), a definition, the grant."""
import json

import pytest
from cdktf import Fn, TerraformOutput, Testing
from cdktf_cdktf_provider_aws.sfn_state_machine import SfnStateMachine

from cdktf_eventbridge_connection import (
    ApiKeyConnection,
    Connection,
    HttpInvokeTask,
    HttpMethod,
    RequestBodyEncoding,
    SecretValue,
    StepFunctionsHttpTaskGrant,
    UrlEncodingArrayFormat,
)
from conftest import synth_json

CONNECTION_ARN = "arn:aws:events:us-east-1:123456789012:connection/stripe/2d1e7f3a-8b9c-4d5e-a6f7-0a1b2c3d4e5f"
ENDPOINT = "https://api.stripe.com/v1/customers"
AT = "(at HttpInvokeTask of test/Stripe)"


def imported(stack):
    return Connection.from_connection_arn(stack, "Stripe", CONNECTION_ARN)


def test_renders_a_jsonpath_state_with_every_option(stack):
    task = HttpInvokeTask(
        connection=imported(stack),
        endpoint=ENDPOINT,
        method=HttpMethod.POST,
        comment="Creates the customer",
        headers={"Idempotency-Key.$": "$.orderId"},
        query_parameters={"expand": "sources"},
        request_body=json.dumps({"email.$": "$.email", "tags": ["new"]}),
        request_body_encoding=RequestBodyEncoding.URL_ENCODED,
        array_format=UrlEncodingArrayFormat.COMMAS,
    )
    assert task.to_json_path_state(next="Done") == {
        "Type": "Task",
        "Comment": "Creates the customer",
        "Resource": "arn:aws:states:::http:invoke",
        "Parameters": {
            "ApiEndpoint": ENDPOINT,
            "Method": "POST",
            "Authentication": {"ConnectionArn": CONNECTION_ARN},
            "Headers": {"Idempotency-Key.$": "$.orderId", "Content-Type": "application/x-www-form-urlencoded"},
            "QueryParameters": {"expand": "sources"},
            "RequestBody": {"email.$": "$.email", "tags": ["new"]},
            "Transform": {"RequestBodyEncoding": "URL_ENCODED", "RequestEncodingOptions": {"ArrayFormat": "COMMAS"}},
        },
        "Next": "Done",
    }
    assert task.endpoint == ENDPOINT
    assert task.method == HttpMethod.POST


def test_renders_a_jsonata_state_with_get_by_default(stack):
    task = HttpInvokeTask(connection=imported(stack), endpoint=ENDPOINT,
                          request_body="{% $states.input.customer %}")
    assert task.to_jsonata_state(end=True) == {
        "Type": "Task",
        "QueryLanguage": "JSONata",
        "Resource": "arn:aws:states:::http:invoke",
        "Arguments": {
            "ApiEndpoint": ENDPOINT,
            "Method": "GET",
            "Authentication": {"ConnectionArn": CONNECTION_ARN},
            "RequestBody": "{% $states.input.customer %}",
        },
        "End": True,
    }


def test_the_connection_arn_of_a_created_connection_is_a_reference_in_the_definition(stack):
    connection = ApiKeyConnection(stack, "Stripe", api_key_name="Authorization",
                                  api_key_value=SecretValue.secrets_manager("stripe/api-key"))
    task = HttpInvokeTask(connection=connection, endpoint=ENDPOINT)
    SfnStateMachine(stack, "Machine", name="customers", role_arn="arn:aws:iam::123456789012:role/customers",
                    definition=Fn.jsonencode({"StartAt": "Call", "States": {"Call": task.to_json_path_state(end=True)}}))
    TerraformOutput(stack, "state", value=task.to_json_path_state(end=True))
    synthesized = synth_json(stack)
    assert synthesized["output"]["state"]["value"]["Parameters"]["Authentication"] == {
        "ConnectionArn": "${aws_cloudwatch_event_connection.Stripe_1170476B.arn}",
    }
    definition = synthesized["resource"]["aws_sfn_state_machine"]["Machine"]["definition"]
    assert definition.startswith("${jsonencode(")
    assert '"ConnectionArn" = aws_cloudwatch_event_connection.Stripe_1170476B.arn' in definition


def test_grant_takes_the_endpoint_and_method_of_the_task(stack):
    task = HttpInvokeTask(connection=imported(stack), endpoint=ENDPOINT, method=HttpMethod.DELETE)
    grant = task.grant(stack, "Grant", role_name="customers", policy_name="stripe")
    assert isinstance(grant, StepFunctionsHttpTaskGrant)
    assert Testing.to_have_data_source_with_properties(Testing.synth(stack), "aws_iam_policy_document", {
        "statement": [
            {
                "sid": "InvokeHttpEndpoint",
                "effect": "Allow",
                "actions": ["states:InvokeHTTPEndpoint"],
                "resources": ["*"],
                "condition": [
                    {"test": "StringLike", "variable": "states:HTTPEndpoint", "values": [ENDPOINT]},
                    {"test": "StringEquals", "variable": "states:HTTPMethod", "values": ["DELETE"]},
                ],
            },
            {
                "sid": "RetrieveConnectionCredentials",
                "effect": "Allow",
                "actions": ["events:RetrieveConnectionCredentials"],
                "resources": [CONNECTION_ARN],
            },
            {
                "sid": "ReadConnectionSecret",
                "effect": "Allow",
                "actions": ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
                "resources": ["arn:aws:secretsmanager:us-east-1:123456789012:secret:events!connection/stripe/*"],
            },
        ],
    })
    assert Testing.to_have_resource_with_properties(Testing.synth(stack), "aws_iam_role_policy",
                                                    {"role": "customers", "name": "stripe"})


def test_none_means_not_given(stack):
    task = HttpInvokeTask(connection=imported(stack), endpoint=ENDPOINT, method=None, headers=None, comment=None)
    assert task.to_json_path_state(next=None, end=True)["Parameters"]["Method"] == "GET"


def test_refuses_a_non_https_endpoint(stack):
    with pytest.raises(RuntimeError) as caught:
        HttpInvokeTask(connection=imported(stack), endpoint="http://api.stripe.com")
    assert str(caught.value).startswith(
        "`endpoint` must be an https:// URL of 1-2048 characters (letters, digits, percent-escapes and "
        f"-()_.!~*';/?:@&=+$,), got \"http://api.stripe.com\" {AT}. Use the https:// URL the task calls")


@pytest.mark.parametrize("options, message", [
    ({"next": "Done", "end": True}, "`end` must not be true when `next` is given (a state has exactly one of Next and End), "
                                    f"got boolean true {AT}. Pass `{{ next: \"<state name>\" }}` or `{{ end: true }}`."),
    ({}, "`next` is required unless `end` is true (a state has exactly one of Next and End), "
         f"got undefined {AT}. Pass `{{ next: \"<state name>\" }}` or `{{ end: true }}`."),
])
def test_refuses_a_state_without_exactly_one_of_next_and_end(stack, options, message):
    task = HttpInvokeTask(connection=imported(stack), endpoint=ENDPOINT)
    with pytest.raises(RuntimeError) as caught:
        task.to_json_path_state(**options)
    assert message in str(caught.value)


def test_refuses_a_header_name_with_a_space(stack):
    with pytest.raises(RuntimeError) as caught:
        HttpInvokeTask(connection=imported(stack), endpoint=ENDPOINT, headers={"X Request": "a"})
    assert str(caught.value).startswith("`headers` must be an HTTP header name")
    assert f'got "X Request" {AT}' in str(caught.value)
