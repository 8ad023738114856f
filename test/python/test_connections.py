"""Every construct, secret source, parameter kind and import method, from Python.

Intent is asserted with cdktf's Python `Testing` helpers on the synthesized
JSON; exact blocks are compared where the whole shape matters.
"""
import json

import pytest
from cdktf import Testing, TerraformOutput, TerraformStack, TerraformVariable
from cdktf_cdktf_provider_aws.cloudwatch_event_connection import CloudwatchEventConnection
from cdktf_cdktf_provider_aws.provider import AwsProvider

from cdktf_eventbridge_connection import (
    ApiKeyConnection,
    Authorization,
    BasicConnection,
    Connection,
    HttpMethod,
    HttpParameter,
    OAuthConnection,
    SecretValue,
)
from conftest import connections, only_connection, synth_json, warnings
from stacks import new_stack

RESOURCE = "aws_cloudwatch_event_connection"
PLAIN_TEXT_WARNING = (
    "`{}` is a plain-text secret (SecretValue.unsafePlainText): its value is written to cdk.tf.json "
    "and Terraform state. Use SecretValue.secretsManager(), SecretValue.ssmSecureString() or a sensitive "
    "SecretValue.fromTerraformVariable() instead."
)


def resolved(stack: TerraformStack, value: str):
    """What a token becomes in cdk.tf.json, read through a TerraformOutput."""
    output_id = f"resolved_{len(stack.node.children)}"
    TerraformOutput(stack, output_id, value=value)
    return synth_json(stack)["output"][output_id]["value"]


def has_connection(stack: TerraformStack, properties: dict) -> bool:
    return Testing.to_have_resource_with_properties(Testing.synth(stack), RESOURCE, properties)


def oauth_kwargs(**overrides):
    kwargs = dict(
        authorization_endpoint="https://auth.example.com/oauth2/token",
        http_method=HttpMethod.POST,
        client_id="client-id",
        client_secret=SecretValue.unsafe_plain_text("client-secret"),
    )
    kwargs.update(overrides)
    return kwargs


# ---------------------------------------------------------------- constructs


class TestApiKeyConnection:
    def test_renders_an_api_key_connection(self, stack):
        conn = ApiKeyConnection(
            stack,
            "Webhook",
            connection_name="webhook",
            description="Calls the webhook",
            api_key_name="x-api-key",
            api_key_value=SecretValue.unsafe_plain_text("key-1234"),
        )
        assert has_connection(stack, {
            "name": "webhook",
            "description": "Calls the webhook",
            "authorization_type": "API_KEY",
            "auth_parameters": {"api_key": {"key": "x-api-key", "value": "key-1234"}},
        })
        assert conn.authorization_type == "API_KEY"
        assert isinstance(conn, Connection)

    def test_exposes_the_resource_and_its_attributes(self, stack):
        conn = ApiKeyConnection(stack, "Webhook", api_key_name="x-api-key",
                                api_key_value=SecretValue.unsafe_plain_text("key-1234"))
        assert isinstance(conn.resource, CloudwatchEventConnection)
        assert conn.resource.node.id == "Resource"
        logical_id = next(iter(connections(stack)))
        assert resolved(stack, conn.connection_arn) == f"${{{RESOURCE}.{logical_id}.arn}}"
        assert resolved(stack, conn.connection_name) == f"${{{RESOURCE}.{logical_id}.name}}"
        assert resolved(stack, conn.connection_secret_arn) == f"${{{RESOURCE}.{logical_id}.secret_arn}}"

    def test_generates_a_name_from_the_stack_and_construct_path(self, stack):
        ApiKeyConnection(stack, "Webhook", api_key_name="x-api-key",
                         api_key_value=SecretValue.unsafe_plain_text("key-1234"))
        assert only_connection(stack)["name"] == "test-Webhook"

    def test_omits_optional_properties(self, stack):
        ApiKeyConnection(stack, "Webhook", api_key_name="x-api-key",
                         api_key_value=SecretValue.unsafe_plain_text("key-1234"))
        block = only_connection(stack)
        assert set(block) == {"auth_parameters", "authorization_type", "name"}
        assert set(block["auth_parameters"]) == {"api_key"}


class TestBasicConnection:
    def test_renders_a_basic_connection(self, stack):
        conn = BasicConnection(stack, "Jira", connection_name="jira", username="bot@example.com",
                               password=SecretValue.unsafe_plain_text("s3cret"))
        assert has_connection(stack, {
            "name": "jira",
            "authorization_type": "BASIC",
            "auth_parameters": {"basic": {"username": "bot@example.com", "password": "s3cret"}},
        })
        assert conn.authorization_type == "BASIC"

    def test_sends_invocation_parameters(self, stack):
        BasicConnection(
            stack, "Jira", username="bot", password=SecretValue.unsafe_plain_text("s3cret"),
            header_parameters={"X-Team": HttpParameter.from_string("ops")},
            query_string_parameters={"project": HttpParameter.from_string("OPS")},
            body_parameters={"token": HttpParameter.from_secret(SecretValue.unsafe_plain_text("t0ken"))},
        )
        assert only_connection(stack)["auth_parameters"]["invocation_http_parameters"] == {
            "header": [{"key": "X-Team", "value": "ops", "is_value_secret": False}],
            "query_string": [{"key": "project", "value": "OPS", "is_value_secret": False}],
            "body": [{"key": "token", "value": "t0ken", "is_value_secret": True}],
        }


class TestOAuthConnection:
    def test_renders_an_oauth_connection(self, stack):
        conn = OAuthConnection(
            stack, "Salesforce", connection_name="salesforce",
            oauth_body_parameters={"grant_type": HttpParameter.from_string("client_credentials")},
            oauth_header_parameters={"Accept": HttpParameter.from_string("application/json")},
            oauth_query_string_parameters={"scope": HttpParameter.from_string("api")},
            header_parameters={"X-Invocation": HttpParameter.from_string("yes")},
            **oauth_kwargs(),
        )
        assert conn.authorization_type == "OAUTH_CLIENT_CREDENTIALS"
        assert only_connection(stack) == {
            "name": "salesforce",
            "authorization_type": "OAUTH_CLIENT_CREDENTIALS",
            "auth_parameters": {
                "oauth": {
                    "authorization_endpoint": "https://auth.example.com/oauth2/token",
                    "http_method": "POST",
                    "client_parameters": {"client_id": "client-id", "client_secret": "client-secret"},
                    "oauth_http_parameters": {
                        "body": [{"key": "grant_type", "value": "client_credentials", "is_value_secret": False}],
                        "header": [{"key": "Accept", "value": "application/json", "is_value_secret": False}],
                        "query_string": [{"key": "scope", "value": "api", "is_value_secret": False}],
                    },
                },
                # Invocation parameters are separate from the token endpoint's.
                "invocation_http_parameters": {
                    "header": [{"key": "X-Invocation", "value": "yes", "is_value_secret": False}],
                },
            },
        }

    def test_a_private_authorization_endpoint_is_written_or_refused_as_the_binding_allows(self, stack):
        from cdktf_cdktf_provider_aws.cloudwatch_event_connection import (
            CloudwatchEventConnectionAuthParametersOutputReference,
        )
        arn = "arn:aws:vpc-lattice:us-east-1:123456789012:resourceconfiguration/rcfg-0123456789abcdef0"

        def make():
            OAuthConnection(stack, "Private", oauth_body_parameters={"grant_type": HttpParameter.from_string("client_credentials")},
                            authorization_endpoint_resource_configuration_arn=arn, **oauth_kwargs())

        if hasattr(CloudwatchEventConnectionAuthParametersOutputReference, "connectivity_parameters"):
            make()
            assert only_connection(stack)["auth_parameters"]["connectivity_parameters"] == {
                "resource_parameters": {"resource_configuration_arn": arn}}
        else:
            with pytest.raises(Exception) as error:
                make()
            assert ("`authorizationEndpointResourceConfigurationArn` needs the `connectivity_parameters` argument of the "
                    "`auth_parameters` of aws_cloudwatch_event_connection, which the installed provider binding does not have "
                    "(@cdktn/provider-aws 25.7 or later: AWS provider 6.66)") in str(error.value)

    @pytest.mark.parametrize("method", [HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT])
    def test_accepts_the_oauth_http_methods(self, stack, method):
        OAuthConnection(stack, "Idp", oauth_body_parameters={"a": HttpParameter.from_string("b")},
                        **oauth_kwargs(http_method=method))
        assert only_connection(stack)["auth_parameters"]["oauth"]["http_method"] == method.value


class TestConnection:
    def build_pair(self, flat, make_authorization, **flat_props):
        """The same connection made with a flat construct and with Connection + Authorization."""
        flat_stack = new_stack(region=None)
        flat(flat_stack, "Conn", connection_name="conn", **flat_props)
        general_stack = new_stack(region=None)
        conn = Connection(general_stack, "Conn", connection_name="conn", authorization=make_authorization())
        return only_connection(flat_stack), only_connection(general_stack), conn

    def test_authorization_api_key_equals_api_key_connection(self):
        secret = SecretValue.unsafe_plain_text("key-1234")
        flat, general, conn = self.build_pair(
            ApiKeyConnection, lambda: Authorization.api_key("x-api-key", secret),
            api_key_name="x-api-key", api_key_value=secret)
        assert general == flat
        assert conn.authorization_type == "API_KEY"

    def test_authorization_basic_equals_basic_connection(self):
        secret = SecretValue.unsafe_plain_text("s3cret")
        flat, general, conn = self.build_pair(
            BasicConnection, lambda: Authorization.basic("user", secret), username="user", password=secret)
        assert general == flat
        assert conn.authorization_type == "BASIC"

    def test_authorization_oauth_equals_oauth_connection(self):
        secret = SecretValue.unsafe_plain_text("client-secret")
        params = {"grant_type": HttpParameter.from_string("client_credentials")}
        flat, general, conn = self.build_pair(
            OAuthConnection,
            lambda: Authorization.oauth(**oauth_kwargs(client_secret=secret), body_parameters=params),
            **oauth_kwargs(client_secret=secret), oauth_body_parameters=params)
        assert general == flat
        assert conn.authorization_type == "OAUTH_CLIENT_CREDENTIALS"
        assert Authorization.oauth(**oauth_kwargs(), body_parameters=params).authorization_type == (
            "OAUTH_CLIENT_CREDENTIALS")

    def test_kms_key_private_api_and_second_region(self, stack):
        west = AwsProvider(stack, "west", region="us-west-2", alias="west")
        Connection(
            stack, "Private",
            authorization=Authorization.basic("user", SecretValue.ssm_secure_string("/app/password")),
            kms_key_identifier="alias/connections",
            resource_configuration_arn=(
                "arn:aws:vpc-lattice:us-west-2:123456789012:resourceconfiguration/rcfg-0123456789abcdef0"),
            provider=west,
        )
        synthesized = Testing.synth(stack)
        assert Testing.to_have_resource_with_properties(synthesized, RESOURCE, {
            "kms_key_identifier": "alias/connections",
            "invocation_connectivity_parameters": {"resource_parameters": {
                "resource_configuration_arn":
                    "arn:aws:vpc-lattice:us-west-2:123456789012:resourceconfiguration/rcfg-0123456789abcdef0",
            }},
            "provider": "aws.west",
        })
        # The data source that reads the secret uses the connection's provider too.
        assert Testing.to_have_data_source_with_properties(synthesized, "aws_ssm_parameter", {
            "name": "/app/password", "provider": "aws.west",
        })

    def test_the_resource_is_an_escape_hatch(self, stack):
        conn = Connection(stack, "Conn", authorization=Authorization.api_key(
            "x-api-key", SecretValue.unsafe_plain_text("k")))
        conn.resource.add_override("description", "overridden")
        assert only_connection(stack)["description"] == "overridden"


# ---------------------------------------------------------------- secrets


class TestUnsafePlainText:
    def test_writes_the_literal_and_warns_on_the_consuming_construct(self, stack):
        conn = BasicConnection(stack, "Conn", username="user",
                               password=SecretValue.unsafe_plain_text("Pass1234!"))
        assert only_connection(stack)["auth_parameters"]["basic"]["password"] == "Pass1234!"
        assert warnings(conn) == [PLAIN_TEXT_WARNING.format("password")]

    def test_warns_once_per_property(self, stack):
        secret = SecretValue.unsafe_plain_text("shh")
        conn = OAuthConnection(
            stack, "Conn",
            oauth_header_parameters={"X-Secret": HttpParameter.from_secret(secret)},
            header_parameters={"X-A": HttpParameter.from_secret(secret)},
            **oauth_kwargs(client_secret=secret),
        )
        found = warnings(conn)
        assert PLAIN_TEXT_WARNING.format("clientSecret") in found
        assert PLAIN_TEXT_WARNING.format('oauthHeaderParameters["X-Secret"]') in found
        assert PLAIN_TEXT_WARNING.format('headerParameters["X-A"]') in found
        assert len(found) == len(set(found)) == 3

    def test_never_shows_the_value(self):
        secret = SecretValue.unsafe_plain_text("Pass1234!")
        assert secret.is_plain_text
        assert secret.to_string() == "SecretValue(plain text, redacted)"
        assert secret.to_json() == "SecretValue(plain text, redacted)"
        for text in (str(secret), repr(secret)):
            assert "Pass1234!" not in text

    def test_no_warning_for_other_sources(self, stack):
        variable = TerraformVariable(stack, "pw", type="string", sensitive=True)
        conn = BasicConnection(stack, "Conn", username="user", password=SecretValue.from_terraform_variable(variable))
        assert warnings(conn) == []


class TestFromTerraformVariable:
    def test_references_a_sensitive_variable(self, stack):
        variable = TerraformVariable(stack, "api_key", type="string", sensitive=True)
        secret = SecretValue.from_terraform_variable(variable)
        ApiKeyConnection(stack, "Conn", api_key_name="x-api-key", api_key_value=secret)
        document = synth_json(stack)
        assert only_connection(stack)["auth_parameters"]["api_key"]["value"] == "${var.api_key}"
        assert document["variable"]["api_key"] == {"type": "string", "sensitive": True}
        assert not secret.is_plain_text
        assert secret.to_string() == "SecretValue(Terraform variable: test/api_key)"

    @pytest.mark.parametrize("sensitive, shown", [(None, "unset"), (False, "false")])
    def test_refuses_a_variable_that_is_not_sensitive(self, stack, sensitive, shown):
        variable = TerraformVariable(stack, "pw", type="string", sensitive=sensitive)
        with pytest.raises(RuntimeError) as error:
            BasicConnection(stack, "Conn", username="user", password=SecretValue.from_terraform_variable(variable))
        assert str(error.value) == (
            "`password` must come from a Terraform variable declared with `sensitive: true`, "
            f'got variable "test/pw" with sensitive {shown} (at test/Conn). '
            "Declare the variable with `sensitive: true` so that Terraform redacts it in plans and output."
        )


class TestSecretsManager:
    def test_reads_the_whole_secret_string(self, stack):
        ApiKeyConnection(stack, "Conn", api_key_name="x-api-key",
                         api_key_value=SecretValue.secrets_manager("prod/api-key"))
        document = synth_json(stack)
        (data_id, data), = document["data"]["aws_secretsmanager_secret_version"].items()
        assert data == {"secret_id": "prod/api-key"}
        assert only_connection(stack)["auth_parameters"]["api_key"]["value"] == (
            f"${{data.aws_secretsmanager_secret_version.{data_id}.secret_string}}")

    def test_reads_a_json_field(self, stack):
        ApiKeyConnection(stack, "Conn", api_key_name="x-api-key",
                         api_key_value=SecretValue.secrets_manager("prod/api", json_field="token"))
        document = synth_json(stack)
        (data_id, _), = document["data"]["aws_secretsmanager_secret_version"].items()
        assert only_connection(stack)["auth_parameters"]["api_key"]["value"] == (
            f"${{jsondecode(data.aws_secretsmanager_secret_version.{data_id}.secret_string).token}}")

    @pytest.mark.parametrize("option, value, field", [
        ("version_stage", "AWSPREVIOUS", "version_stage"),
        ("version_id", "0123abcd-0123-abcd-0123-0123456789ab", "version_id"),
    ])
    def test_reads_a_version(self, stack, option, value, field):
        BasicConnection(stack, "Conn", username="user",
                        password=SecretValue.secrets_manager("prod/db", **{option: value}))
        assert Testing.to_have_data_source_with_properties(
            Testing.synth(stack), "aws_secretsmanager_secret_version", {"secret_id": "prod/db", field: value})

    def test_refuses_both_version_stage_and_version_id(self, stack):
        with pytest.raises(RuntimeError) as error:
            BasicConnection(stack, "Conn", username="user", password=SecretValue.secrets_manager(
                "prod/db", version_stage="AWSCURRENT", version_id="v1"))
        assert str(error.value) == (
            "`password` can read a Secrets Manager secret by `versionStage` or by `versionId`, not both, "
            'got versionStage "AWSCURRENT" and versionId "v1" (at test/Conn). Remove one of them.'
        )

    def test_reads_one_secret_once_per_stack(self, stack):
        secret = SecretValue.secrets_manager("prod/shared", json_field="password")
        other = SecretValue.secrets_manager("prod/shared", json_field="token")
        BasicConnection(stack, "Conn", username="user", password=secret,
                        header_parameters={"X-Token": HttpParameter.from_secret(other)})
        BasicConnection(stack, "Other", username="user", password=secret)
        reads = synth_json(stack)["data"]["aws_secretsmanager_secret_version"]
        assert all(name.startswith("SecretsManagerSecretVersion_") for name in reads), reads
        assert len(reads) == 1

    def test_the_same_secret_in_two_regions_is_two_reads(self, stack):
        secret = SecretValue.secrets_manager("prod/shared")
        ApiKeyConnection(stack, "Home", api_key_name="k", api_key_value=secret)
        ApiKeyConnection(stack, "Frankfurt", api_key_name="k", api_key_value=secret, region="eu-central-1")
        ApiKeyConnection(stack, "Ireland", api_key_name="k", api_key_value=secret, region="eu-west-1")
        synthesized = synth_json(stack)
        reads = synthesized["data"]["aws_secretsmanager_secret_version"]
        assert len(reads) == 3, reads

        def region_of_read(construct_id: str) -> str:
            connections = synthesized["resource"]["aws_cloudwatch_event_connection"]
            (block,) = [c for name, c in connections.items() if name.startswith(construct_id + "_")]
            value = block["auth_parameters"]["api_key"]["value"]
            prefix, suffix = "${data.aws_secretsmanager_secret_version.", ".secret_string}"
            assert value.startswith(prefix) and value.endswith(suffix), value
            return reads[value[len(prefix):-len(suffix)]].get("region", "(provider default)")

        assert [region_of_read(c) for c in ("Home", "Frankfurt", "Ireland")] == [
            "(provider default)", "eu-central-1", "eu-west-1"]

    def test_describes_the_secret_by_id(self):
        assert SecretValue.secrets_manager("prod/db").to_string() == "SecretValue(Secrets Manager: prod/db)"


class TestSsmSecureString:
    def test_reads_and_decrypts_the_parameter(self, stack):
        BasicConnection(stack, "Conn", username="user", password=SecretValue.ssm_secure_string("/app/password"))
        document = synth_json(stack)
        (data_id, data), = document["data"]["aws_ssm_parameter"].items()
        assert data == {"name": "/app/password", "with_decryption": True}
        assert only_connection(stack)["auth_parameters"]["basic"]["password"] == (
            f"${{data.aws_ssm_parameter.{data_id}.value}}")
        assert SecretValue.ssm_secure_string("/app/password").to_string() == (
            "SecretValue(SSM SecureString: /app/password)")


class TestFromToken:
    def test_passes_a_token_through(self, stack):
        other = CloudwatchEventConnection(stack, "Other", name="other", authorization_type="API_KEY",
                                          auth_parameters={"api_key": {"key": "k", "value": "v"}})
        ApiKeyConnection(stack, "Conn", api_key_name="x-api-key",
                         api_key_value=SecretValue.from_token(other.secret_arn))
        value = connections(stack)
        mine = next(block for block in value.values() if block["name"] == "test-Conn")
        assert mine["auth_parameters"]["api_key"]["value"].startswith(f"${{{RESOURCE}.Other")
        assert mine["auth_parameters"]["api_key"]["value"].endswith(".secret_arn}")

    def test_refuses_a_literal(self, stack):
        with pytest.raises(RuntimeError) as error:
            ApiKeyConnection(stack, "Conn", api_key_name="x-api-key",
                             api_key_value=SecretValue.from_token("literal-key"))
        message = str(error.value)
        assert message == (
            "`apiKeyValue` must be an unresolved token when given to `SecretValue.fromToken()`, "
            "got a literal string (redacted) (at test/Conn). Pass a token such as another resource's "
            "attribute, or use `SecretValue.unsafePlainText()` for a literal."
        )
        assert "literal-key" not in message


# ---------------------------------------------------------------- HTTP parameters


class TestHttpParameter:
    def test_from_string_is_not_secret(self, stack):
        ApiKeyConnection(stack, "Conn", api_key_name="k", api_key_value=SecretValue.unsafe_plain_text("v"),
                         query_string_parameters={"q": HttpParameter.from_string("search")})
        assert has_connection(stack, {"auth_parameters": {"invocation_http_parameters": {
            "query_string": [{"key": "q", "value": "search", "is_value_secret": False}]}}})

    @pytest.mark.parametrize("make, rendered", [
        (lambda s: SecretValue.unsafe_plain_text("t0ken"), lambda d: "t0ken"),
        (lambda s: SecretValue.ssm_secure_string("/p"),
         lambda d: "${data.aws_ssm_parameter.%s.value}" % next(iter(d["data"]["aws_ssm_parameter"]))),
        (lambda s: SecretValue.from_terraform_variable(TerraformVariable(s, "v", type="string", sensitive=True)),
         lambda d: "${var.v}"),
    ])
    def test_from_secret_is_secret(self, stack, make, rendered):
        ApiKeyConnection(stack, "Conn", api_key_name="k", api_key_value=SecretValue.unsafe_plain_text("v"),
                         header_parameters={"X-Token": HttpParameter.from_secret(make(stack))})
        document = synth_json(stack)
        assert only_connection(stack)["auth_parameters"]["invocation_http_parameters"]["header"] == [
            {"key": "X-Token", "value": rendered(document), "is_value_secret": True}]

    def test_keeps_the_order_given(self, stack):
        ApiKeyConnection(stack, "Conn", api_key_name="k", api_key_value=SecretValue.unsafe_plain_text("v"),
                         body_parameters={name: HttpParameter.from_string(name) for name in ("z", "a", "m")})
        body = only_connection(stack)["auth_parameters"]["invocation_http_parameters"]["body"]
        assert [entry["key"] for entry in body] == ["z", "a", "m"]


# ---------------------------------------------------------------- imports

LEGACY_ARN = "arn:aws:events:us-east-1:123456789012:connection/legacy-webhook/2d1e7f3a-8b9c-4d5e-a6f7-0a1b2c3d4e5f"
BILLING_SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:events!connection/billing/1a2b3c-XyZ123"


class TestImports:
    def test_from_connection_arn(self, stack):
        imported = Connection.from_connection_arn(stack, "Legacy", LEGACY_ARN)
        assert imported.connection_arn == LEGACY_ARN
        assert imported.connection_name == "legacy-webhook"
        assert imported.node.path == "test/Legacy"
        assert RESOURCE not in synth_json(stack).get("resource", {})

    def test_from_connection_arn_has_no_secret_arn(self, stack):
        imported = Connection.from_connection_arn(stack, "Legacy", LEGACY_ARN)
        with pytest.raises(RuntimeError) as error:
            imported.connection_secret_arn  # noqa: B018
        # A JavaScript error thrown by a property getter reaches Python prefixed with its name.
        assert str(error.value) == (
            "ValidationError: `connectionSecretArn` is not known for a connection imported with "
            "Connection.fromConnectionArn() (at test/Legacy). Import it with Connection.fromConnectionAttributes() "
            "and `connectionSecretArn`, or with Connection.fromConnectionName()."
        )

    def test_from_connection_arn_with_a_token(self, stack):
        variable = TerraformVariable(stack, "arn", type="string")
        imported = Connection.from_connection_arn(stack, "Dynamic", variable.string_value)
        assert resolved(stack, imported.connection_name) == '${element(split("/", var.arn), 1)}'

    def test_from_connection_attributes(self, stack):
        imported = Connection.from_connection_attributes(
            stack, "Billing",
            connection_arn="arn:aws:events:us-east-1:123456789012:connection/billing/7c6b5a49",
            connection_secret_arn=BILLING_SECRET,
        )
        assert imported.connection_name == "billing"
        assert imported.connection_secret_arn == BILLING_SECRET

    def test_from_connection_attributes_with_a_name(self, stack):
        imported = Connection.from_connection_attributes(
            stack, "Billing", connection_arn="arn:aws:events:us-east-1:123456789012:connection/billing/7c6b5a49",
            connection_name="billing")
        assert imported.connection_name == "billing"

    def test_from_connection_name(self, stack):
        imported = Connection.from_connection_name(stack, "Shared", "shared-monitoring")
        synthesized = Testing.synth(stack)
        assert Testing.to_have_data_source_with_properties(synthesized, RESOURCE, {"name": "shared-monitoring"})
        data_id = next(iter(json.loads(synthesized)["data"][RESOURCE]))
        assert imported.connection_name == "shared-monitoring"
        assert resolved(stack, imported.connection_arn) == f"${{data.{RESOURCE}.{data_id}.arn}}"
        assert resolved(stack, imported.connection_secret_arn) == f"${{data.{RESOURCE}.{data_id}.secret_arn}}"


def test_region_applies_to_the_connection_and_its_secret_data_sources(stack):
    BasicConnection(stack, "Conn", username="u", password=SecretValue.ssm_secure_string("/pw"), region="eu-central-1")
    synthesized = synth_json(stack)
    assert only_connection(stack)["region"] == "eu-central-1"
    assert [d["region"] for d in synthesized["data"]["aws_ssm_parameter"].values()] == ["eu-central-1"]
