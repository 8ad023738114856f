"""Grants on API destinations and connections, imports by attributes, and adoption, from Python."""
import pytest
from cdktf import TerraformVariable, Testing
from cdktf_cdktf_provider_aws.iam_role import IamRole

from cdktf_eventbridge_connection import (
    ApiDestination,
    ApiDestinationTarget,
    ApiKeyConnection,
    Connection,
    RoleGrant,
    SecretValue,
    StepFunctionsHttpTaskGrant,
)
from conftest import synth_json

CONNECTION_ARN = "arn:aws:events:us-east-1:123456789012:connection/partner/2d1e7f3a-8b9c-4d5e-a6f7-0a1b2c3d4e5f"
SECRET_ARN = "arn:aws:secretsmanager:us-east-1:123456789012:secret:events!connection/partner/1a2b3c-XyZ123"
DESTINATION_ARN = "arn:aws:events:us-east-1:123456789012:api-destination/orders/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
DESTINATION_ARN_FOR_POLICY = "arn:aws:events:us-east-1:123456789012:api-destination/orders"
KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"


def statements_of(stack, grant) -> list:
    """The statements of the policy document a grant's policy_json refers to."""
    documents = synth_json(stack)["data"]["aws_iam_policy_document"]
    name = grant.document.friendly_unique_id
    return documents[name]["statement"]


def role_policies(stack) -> list:
    return list(synth_json(stack).get("resource", {}).get("aws_iam_role_policy", {}).values())


def api_key_connection(stack, **props):
    return ApiKeyConnection(stack, "Conn", connection_name="partner", api_key_name="x-api-key",
                            api_key_value=SecretValue.unsafe_plain_text("k"), **props)


class TestGrantInvoke:
    def test_on_a_created_destination(self, stack):
        destination = ApiDestination(stack, "Dest", connection=Connection.from_connection_arn(stack, "C", CONNECTION_ARN),
                                     endpoint="https://api.example.com/orders", api_destination_name="orders")
        role = IamRole(stack, "PipeRole", assume_role_policy="{}")
        grant = destination.grant_invoke(role.name)
        assert isinstance(grant, RoleGrant)
        assert statements_of(stack, grant) == [{
            "sid": "InvokeApiDestination",
            "effect": "Allow",
            "actions": ["events:InvokeApiDestination"],
            "resources": ['${join("/", slice(split("/", aws_cloudwatch_event_api_destination.Dest_C383B82A.arn), 0, 2))}'],
        }]
        assert Testing.to_have_resource_with_properties(Testing.synth(stack), "aws_iam_role_policy", {
            "role": "${aws_iam_role.PipeRole.name}",
            "name": grant.policy_name,
        })
        assert grant.node.scope.node.path == destination.node.path

    def test_on_a_destination_imported_with_attributes(self, stack):
        destination = ApiDestination.from_api_destination_attributes(
            stack, "Imported", api_destination_arn=DESTINATION_ARN,
            connection=Connection.from_connection_arn(stack, "C", CONNECTION_ARN))
        assert destination.api_destination_name == "orders"
        assert destination.api_destination_arn_for_policy == DESTINATION_ARN_FOR_POLICY
        grant = destination.grant_invoke("scheduler-role")
        assert statements_of(stack, grant)[0]["resources"] == [DESTINATION_ARN_FOR_POLICY]
        assert [p["role"] for p in role_policies(stack)] == ["scheduler-role"]

    def test_on_a_destination_imported_by_arn(self, stack):
        grant = ApiDestination.from_api_destination_arn(stack, "Imported", DESTINATION_ARN).grant_invoke("pipe-role")
        assert statements_of(stack, grant)[0]["resources"] == [DESTINATION_ARN_FOR_POLICY]

    def test_grants_once_per_role(self, stack):
        destination = ApiDestination.from_api_destination_arn(stack, "Imported", DESTINATION_ARN)
        first = destination.grant_invoke("pipe-role")
        second = destination.grant_invoke("pipe-role")
        assert second.node.path == first.node.path
        assert len(role_policies(stack)) == 1

    def test_rejects_a_role_arn_with_the_message(self, stack):
        destination = ApiDestination.from_api_destination_arn(stack, "Imported", DESTINATION_ARN)
        with pytest.raises(Exception) as error:
            destination.grant_invoke("arn:aws:iam::123456789012:role/pipe-role")
        assert ('`roleName` must be 1-64 characters of A-Z a-z 0-9 + = , . @ _ -, got '
                '"arn:aws:iam::123456789012:role/pipe-role" (at test/Imported). '
                "Pass the role's name (not its ARN), e.g. `role.name` of an aws_iam_role.") in str(error.value)

    def test_the_role_a_target_creates_gets_what_grant_invoke_gives(self, stack):
        destination = ApiDestination.from_api_destination_arn(stack, "Dest", DESTINATION_ARN)
        target = ApiDestinationTarget(stack, "Target", rule_name="orders", api_destination=destination)
        grant = destination.grant_invoke("some-role")
        documents = synth_json(stack)["data"]["aws_iam_policy_document"]
        own = documents[target.node.find_child("PolicyDocument").friendly_unique_id]["statement"]
        assert own == statements_of(stack, grant) == [{
            "sid": "InvokeApiDestination",
            "effect": "Allow",
            "actions": ["events:InvokeApiDestination"],
            "resources": [DESTINATION_ARN_FOR_POLICY],
        }]


class TestGrantRetrieveCredentials:
    def test_on_a_created_connection_with_a_key(self, stack):
        connection = api_key_connection(stack, kms_key_identifier=KEY_ARN)
        grant = connection.grant_retrieve_credentials("sfn-role")
        assert [s["sid"] for s in statements_of(stack, grant)] == [
            "RetrieveConnectionCredentials", "ReadConnectionSecret", "DecryptConnectionSecret"]
        assert statements_of(stack, grant)[2]["resources"] == [KEY_ARN]
        assert statements_of(stack, grant)[2]["condition"] == [
            {"test": "StringLike", "variable": "kms:ViaService", "values": ["secretsmanager.*.amazonaws.com"]},
            {"test": "StringLike", "variable": "kms:EncryptionContext:SecretARN",
             "values": ["${aws_cloudwatch_event_connection.Conn_48E61EBD.secret_arn}"]},
        ]

    def test_on_a_connection_imported_with_a_key_alias(self, stack):
        connection = Connection.from_connection_attributes(
            stack, "Imported", connection_arn=CONNECTION_ARN, connection_secret_arn=SECRET_ARN,
            kms_key_identifier="alias/partner")
        assert connection.kms_key_identifier == "alias/partner"
        grant = connection.grant_retrieve_credentials("sfn-role")
        keys = synth_json(stack)["data"]["aws_kms_key"]
        assert [k["key_id"] for k in keys.values()] == ["alias/partner"]
        assert statements_of(stack, grant)[1]["resources"] == [SECRET_ARN]

    def test_step_functions_grant_adds_kms_decrypt(self, stack):
        connection = Connection.from_connection_attributes(
            stack, "Imported", connection_arn=CONNECTION_ARN, connection_secret_arn=SECRET_ARN, kms_key_identifier=KEY_ARN)
        grant = StepFunctionsHttpTaskGrant(stack, "Grant", connection=connection)
        statements = statements_of(stack, grant)
        assert statements[3]["actions"] == ["kms:Decrypt"]
        assert statements[3]["resources"] == [KEY_ARN]


class TestAdoption:
    def test_adopt_existing_writes_import_blocks(self, stack):
        connection = api_key_connection(stack)
        connection.adopt_existing()
        destination = ApiDestination(stack, "Dest", connection=connection, endpoint="https://api.example.com",
                                     api_destination_name="orders")
        destination.adopt_existing()
        target = ApiDestinationTarget(stack, "Target", rule_name="order-placed", target_id="partner",
                                      api_destination=destination,
                                      role_arn="arn:aws:iam::123456789012:role/events-invoke")
        target.adopt_existing()
        assert synth_json(stack)["import"] == [
            {"id": "partner", "to": "aws_cloudwatch_event_connection.Conn_48E61EBD"},
            {"id": "orders", "to": "aws_cloudwatch_event_api_destination.Dest_C383B82A"},
            {"id": "order-placed/partner", "to": f"aws_cloudwatch_event_target.{target.resource.friendly_unique_id}"},
        ]

    def test_move_from_writes_moved_blocks(self, stack):
        api_key_connection(stack).move_from("aws_cloudwatch_event_connection.partner")
        assert synth_json(stack)["moved"] == [{
            "from": "aws_cloudwatch_event_connection.partner",
            "to": "aws_cloudwatch_event_connection.Conn_48E61EBD",
        }]

    def test_adopt_existing_takes_none_or_a_token(self, stack):
        name = TerraformVariable(stack, "name", type="string").string_value
        api_key_connection(stack).adopt_existing(None)
        assert synth_json(stack)["import"][0]["id"] == "partner"
        other = ApiKeyConnection(stack, "Other", connection_name=name, api_key_name="k",
                                 api_key_value=SecretValue.unsafe_plain_text("v"))
        other.adopt_existing(name)
        assert synth_json(stack)["import"][1]["id"] == "${var.name}"

    def test_adopt_existing_keeps_an_explicit_id_that_differs_from_the_default(self, stack):
        # Each ID names the construct's object in another accepted form, so none is refused,
        # and each is written as given, not replaced by the default ID.
        api_key_connection(stack).adopt_existing("partner@eu-west-1")
        destination = ApiDestination(stack, "Dest", connection=Connection.from_connection_arn(stack, "C", CONNECTION_ARN),
                                     endpoint="https://api.example.com", api_destination_name="orders")
        destination.adopt_existing("orders@eu-west-1")
        target = ApiDestinationTarget(stack, "Target", rule_name="order-placed", target_id="partner",
                                      api_destination=destination)
        target.adopt_existing("default/order-placed/partner")
        assert [block["id"] for block in synth_json(stack)["import"]] == [
            "partner@eu-west-1", "orders@eu-west-1", "default/order-placed/partner"]

    def test_rejects_a_move_from_another_resource_type(self, stack):
        with pytest.raises(Exception) as error:
            api_key_connection(stack).move_from("aws_cloudwatch_event_api_destination.partner")
        assert ("`resourceAddress` must be the address of a aws_cloudwatch_event_connection resource "
                "(aws_cloudwatch_event_connection.<name>, optionally under module.<name>.), "
                'got "aws_cloudwatch_event_api_destination.partner" (at test/Conn). '
                "Use the address `terraform state list` shows for the old resource, "
                'e.g. "aws_cloudwatch_event_connection.example".') in str(error.value)
