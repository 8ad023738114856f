"""API destinations, rule targets and Step Functions grants, from Python."""
import pytest
from cdktf import Testing, TerraformVariable, Token

from cdktf_eventbridge_connection import (
    ApiDestination,
    ApiDestinationTarget,
    Connection,
    HttpMethod,
    InputTransformerOptions,
    StepFunctionsHttpTaskGrant,
)
from conftest import synth_json

CONNECTION_ARN = "arn:aws:events:us-east-1:123456789012:connection/partner/2d1e7f3a-8b9c-4d5e-a6f7-0a1b2c3d4e5f"
DESTINATION_ARN = "arn:aws:events:us-east-1:123456789012:api-destination/orders/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"


def only(stack, kind: str, resource_type: str) -> dict:
    blocks = list(synth_json(stack)[kind][resource_type].values())
    assert len(blocks) == 1, blocks
    return blocks[0]


class TestApiDestination:
    def test_renders_an_api_destination(self, stack):
        connection = Connection.from_connection_arn(stack, "Conn", CONNECTION_ARN)
        ApiDestination(stack, "Dest", connection=connection, endpoint="https://api.example.com/orders/*",
                       http_method=HttpMethod.PUT, rate_limit_per_second=5)
        assert Testing.to_have_resource_with_properties(Testing.synth(stack), "aws_cloudwatch_event_api_destination", {
            "name": "test-Dest",
            "connection_arn": CONNECTION_ARN,
            "invocation_endpoint": "https://api.example.com/orders/*",
            "http_method": "PUT",
            "invocation_rate_limit_per_second": 5,
        })

    def test_imports_by_arn(self, stack):
        imported = ApiDestination.from_api_destination_arn(stack, "Imported", DESTINATION_ARN)
        assert imported.api_destination_name == "orders"

    def test_rejects_a_rate_limit_of_zero_with_the_message(self, stack):
        connection = Connection.from_connection_arn(stack, "Conn", CONNECTION_ARN)
        with pytest.raises(Exception) as error:
            ApiDestination(stack, "Dest", connection=connection, endpoint="https://api.example.com",
                           rate_limit_per_second=0)
        assert ("`rateLimitPerSecond` must be an integer of at least 1, got number 0 (at test/Dest). "
                "Use a whole number of invocations per second, or omit it for the default of 300.") in str(error.value)


class TestApiDestinationTarget:
    def test_renders_the_target_and_creates_a_role(self, stack):
        target = ApiDestinationTarget(
            stack, "Target",
            rule_name="orders",
            api_destination=ApiDestination.from_api_destination_arn(stack, "Dest", DESTINATION_ARN),
            path_parameter_values=["$.detail.id"],
            input_transformer=InputTransformerOptions(input_paths_map={"id": "$.detail.id"}, input_template="<id>"),
            maximum_retry_attempts=3,
        )
        block = only(stack, "resource", "aws_cloudwatch_event_target")
        assert block["arn"] == DESTINATION_ARN
        assert block["http_target"] == {"path_parameter_values": ["$.detail.id"]}
        assert block["input_transformer"] == {"input_paths": {"id": "$.detail.id"}, "input_template": "<id>"}
        assert block["retry_policy"] == {"maximum_retry_attempts": 3}
        assert block["role_arn"].startswith("${aws_iam_role.Target_Role_")
        assert target.role is not None

    def test_accepts_a_dict_for_the_input_transformer(self, stack):
        ApiDestinationTarget(stack, "Target", rule_name="orders",
                             api_destination=ApiDestination.from_api_destination_arn(stack, "Dest", DESTINATION_ARN),
                             input_transformer={"input_template": "<aws.events.rule-name>"})
        assert only(stack, "resource", "aws_cloudwatch_event_target")["input_transformer"] == {
            "input_template": "<aws.events.rule-name>"}

    def test_rejects_input_with_an_input_transformer(self, stack):
        with pytest.raises(Exception) as error:
            ApiDestinationTarget(stack, "Target", rule_name="orders",
                                 api_destination=ApiDestination.from_api_destination_arn(stack, "Dest", DESTINATION_ARN),
                                 input="{}", input_transformer=InputTransformerOptions(input_template="<a>"))
        assert ("`input` cannot be combined with `inputTransformer`, got both `input` and `inputTransformer` "
                "(at test/Target). Pass a fixed `input` or an `inputTransformer`, not both.") in str(error.value)

    def test_sends_the_part_of_the_event_an_input_path_selects(self, stack):
        ApiDestinationTarget(stack, "Target", rule_name="orders",
                             api_destination=ApiDestination.from_api_destination_arn(stack, "Dest", DESTINATION_ARN),
                             input_path="$.detail")
        block = only(stack, "resource", "aws_cloudwatch_event_target")
        assert block["input_path"] == "$.detail"
        assert "input" not in block and "input_transformer" not in block

    def test_rejects_an_input_path_with_an_input(self, stack):
        with pytest.raises(Exception) as error:
            ApiDestinationTarget(stack, "Target", rule_name="orders",
                                 api_destination=ApiDestination.from_api_destination_arn(stack, "Dest", DESTINATION_ARN),
                                 input_path="$.detail", input="{}")
        assert ("`inputPath` cannot be combined with `input`, got both `inputPath` and `input` (at test/Target). "
                "Pass one of `input`, `inputPath` and `inputTransformer`: EventBridge takes only one.") in str(error.value)

    def test_renders_the_dead_letter_queue_policy_and_writes_it_only_when_owned(self, stack):
        queue_arn = "arn:aws:sqs:us-east-1:123456789012:orders-dlq"
        target = ApiDestinationTarget(stack, "Target", rule_name="orders", event_bus_name="shop",
                                      api_destination=ApiDestination.from_api_destination_arn(stack, "Dest", DESTINATION_ARN),
                                      dead_letter_queue_arn=queue_arn, owns_dead_letter_queue_policy=True)
        documents = synth_json(stack)["data"]["aws_iam_policy_document"]
        name = target.node.find_child("DeadLetterQueuePolicyDocument").friendly_unique_id
        assert documents[name]["statement"] == [{
            "sid": "EventBridgeDeadLetterQueue",
            "effect": "Allow",
            "actions": ["sqs:SendMessage"],
            "principals": [{"type": "Service", "identifiers": ["events.amazonaws.com"]}],
            "resources": [queue_arn],
            "condition": [{"test": "ArnEquals", "variable": "aws:SourceArn",
                           "values": ["arn:aws:events:us-east-1:123456789012:rule/shop/orders"]}],
        }]
        assert only(stack, "resource", "aws_sqs_queue_policy") == {
            "queue_url": "https://sqs.us-east-1.amazonaws.com/123456789012/orders-dlq",
            "policy": f"${{data.aws_iam_policy_document.{name}.json}}",
        }
        assert target.dead_letter_queue_policy.node.id == "DeadLetterQueuePolicy"
        assert Token.is_unresolved(target.dead_letter_queue_policy_json)

    def test_refuses_to_own_a_queue_policy_without_a_queue(self, stack):
        with pytest.raises(Exception) as error:
            ApiDestinationTarget(stack, "Target", rule_name="orders",
                                 api_destination=ApiDestination.from_api_destination_arn(stack, "Dest", DESTINATION_ARN),
                                 owns_dead_letter_queue_policy=True)
        assert ("`ownsDeadLetterQueuePolicy` needs `deadLetterQueueArn`, got boolean true (at test/Target). "
                "Set `deadLetterQueueArn`, or omit `ownsDeadLetterQueuePolicy`.") in str(error.value)

    def test_accepts_tokens(self, stack):
        rule = TerraformVariable(stack, "rule", type="string")
        ApiDestinationTarget(stack, "Target", rule_name=rule.string_value,
                             api_destination=ApiDestination.from_api_destination_arn(stack, "Dest", DESTINATION_ARN),
                             role_arn=TerraformVariable(stack, "role", type="string").string_value)
        block = only(stack, "resource", "aws_cloudwatch_event_target")
        assert (block["rule"], block["role_arn"]) == ("${var.rule}", "${var.role}")


class TestStepFunctionsHttpTaskGrant:
    def test_renders_the_policy_and_attaches_it(self, stack):
        connection = Connection.from_connection_arn(stack, "Conn", CONNECTION_ARN)
        grant = StepFunctionsHttpTaskGrant(stack, "Grant", connection=connection, http_method=HttpMethod.GET,
                                           role_name="sfn-role")
        statements = only(stack, "data", "aws_iam_policy_document")["statement"]
        assert [s["actions"] for s in statements] == [
            ["states:InvokeHTTPEndpoint"],
            ["events:RetrieveConnectionCredentials"],
            ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"],
        ]
        assert statements[0]["condition"] == [{"test": "StringEquals", "variable": "states:HTTPMethod", "values": ["GET"]}]
        assert statements[2]["resources"] == [
            "arn:aws:secretsmanager:us-east-1:123456789012:secret:events!connection/partner/*"]
        assert only(stack, "resource", "aws_iam_role_policy")["role"] == "sfn-role"
        assert grant.role_policy is not None
