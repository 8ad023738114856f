"""Placement from Python: `provider` and `region` on every construct that creates resources,
inherited connection -> API destination -> rule target, and a destination in another region than
its connection refused."""
import pytest
from cdktf import TerraformVariable
from cdktf_cdktf_provider_aws.provider import AwsProvider

from cdktf_eventbridge_connection import (
    ApiDestination,
    ApiDestinationTarget,
    ApiKeyConnection,
    Connection,
    SecretValue,
)
from conftest import synth_json

DESTINATION_ARN = "arn:aws:events:us-east-1:123456789012:api-destination/orders/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
ROLE_ARN = "arn:aws:iam::123456789012:role/events-invoke"


def only(synthesized: dict, kind: str, type_name: str) -> dict:
    blocks = list(synthesized[kind][type_name].values())
    assert len(blocks) == 1, blocks
    return blocks[0]


def connection(stack, **placement):
    return ApiKeyConnection(stack, "Conn", connection_name="partner", api_key_name="x-api-key",
                            api_key_value=SecretValue.unsafe_plain_text("k"), **placement)


def test_a_destination_and_its_target_inherit_the_connections_region_and_provider(stack):
    west = AwsProvider(stack, "west", region="eu-west-1", alias="west")
    destination = ApiDestination(stack, "Dest", connection=connection(stack, provider=west, region="eu-west-1"),
                                 endpoint="https://api.partner.example/orders")
    ApiDestinationTarget(stack, "Target", rule_name="orders", api_destination=destination, role_arn=ROLE_ARN)
    synthesized = synth_json(stack)
    for type_name in ("aws_cloudwatch_event_connection", "aws_cloudwatch_event_api_destination",
                      "aws_cloudwatch_event_target"):
        block = only(synthesized, "resource", type_name)
        assert (block["provider"], block["region"]) == ("aws.west", "eu-west-1"), type_name


def test_region_on_the_destination_and_the_target_themselves(stack):
    region = TerraformVariable(stack, "region", type="string").string_value
    destination = ApiDestination(stack, "Dest", connection=connection(stack, region=region),
                                 endpoint="https://api.partner.example/orders", region=region)
    ApiDestinationTarget(stack, "Target", rule_name="orders", api_destination=destination, role_arn=ROLE_ARN,
                         region=region)
    synthesized = synth_json(stack)
    assert only(synthesized, "resource", "aws_cloudwatch_event_api_destination")["region"] == "${var.region}"
    assert only(synthesized, "resource", "aws_cloudwatch_event_target")["region"] == "${var.region}"


def test_from_connection_name_takes_a_placement(stack):
    west = AwsProvider(stack, "west", region="us-west-2", alias="west")
    looked_up = Connection.from_connection_name(stack, "Shared", "shared", provider=west, region="eu-west-1")
    ApiDestination(stack, "Dest", connection=looked_up, endpoint="https://api.partner.example/orders")
    synthesized = synth_json(stack)
    data = only(synthesized, "data", "aws_cloudwatch_event_connection")
    assert (data["name"], data["provider"], data["region"]) == ("shared", "aws.west", "eu-west-1")
    destination = only(synthesized, "resource", "aws_cloudwatch_event_api_destination")
    assert (destination["provider"], destination["region"]) == ("aws.west", "eu-west-1")


def test_from_api_destination_attributes_takes_a_placement(stack):
    imported = ApiDestination.from_api_destination_attributes(stack, "Imported", api_destination_arn=DESTINATION_ARN,
                                                              region="eu-west-1")
    ApiDestinationTarget(stack, "Target", rule_name="orders", api_destination=imported, role_arn=ROLE_ARN)
    assert only(synth_json(stack), "resource", "aws_cloudwatch_event_target")["region"] == "eu-west-1"


def test_a_destination_in_another_region_than_its_connection_is_refused(stack):
    conn = connection(stack, region="eu-west-1")
    with pytest.raises(Exception) as error:
        ApiDestination(stack, "Dest", connection=conn, endpoint="https://api.partner.example/orders",
                       region="eu-central-1")
    assert ('`region` must place the API destination in its connection\'s region ("eu-west-1" for test/Conn); '
            "EventBridge requires an API destination and its connection in one account and region, "
            'got "eu-central-1" (at test/Dest). Omit `provider` and `region` to use the connection\'s, '
            'or place the connection in "eu-central-1" too.') in str(error.value)


def test_two_providers_in_one_region_are_fine(stack):
    other = AwsProvider(stack, "other_account", region="us-east-1", alias="other_account")
    ApiDestination(stack, "Dest", connection=connection(stack), endpoint="https://api.partner.example/orders",
                   provider=other)
    assert only(synth_json(stack), "resource", "aws_cloudwatch_event_api_destination")["provider"] == "aws.other_account"
