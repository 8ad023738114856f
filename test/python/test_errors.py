"""Bad input from Python: which exception, which message, and no secret in it.

A validation error of the library is a JavaScript `Error` in the jsii
runtime; jsii raises it in Python as the built-in `RuntimeError`, chained
(`__cause__`) to a `jsii.errors.JavaScriptError` that holds the JavaScript
stack. Its message is the TypeScript message, character for character, when
thrown from a constructor. Thrown from a static method or a property getter,
jsii prefixes it with the JavaScript error's name (`ValidationError: `).

Misuse that only Python allows (a missing keyword argument, None, a wrong
type) is caught before the library runs: by Python's own call checks and by
the runtime type checks jsii generates, as `TypeError`.
"""
import pytest
from jsii.errors import JavaScriptError

import cdktf_eventbridge_connection
import flavour
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

# The messages name types as Python (module.Class) and jsii (assembly.Class) know them: by the
# flavour's own names, e.g. cdktn_eventbridge_connection.SecretValue and cdktn.TerraformVariable.
LIB = flavour.LIBRARY
FRAMEWORK = flavour.FRAMEWORK
ASSEMBLY = flavour.ASSEMBLY

PLAIN = SecretValue.unsafe_plain_text
SECRET_FIX = 'Remove control characters and ":" and keep it within 512 characters.'
VALID_ARN = "arn:aws:events:us-east-1:123456789012:connection/billing/7c6b5a49"


def raised(build) -> RuntimeError:
    with pytest.raises(RuntimeError) as error:
        build()
    assert isinstance(error.value.__cause__, JavaScriptError)
    return error.value


def oauth(stack, **overrides):
    kwargs = dict(authorization_endpoint="https://auth.example.com/token", http_method=HttpMethod.POST,
                  client_id="client", client_secret=PLAIN("secret"),
                  oauth_body_parameters={"grant_type": HttpParameter.from_string("client_credentials")})
    kwargs.update(overrides)
    return OAuthConnection(stack, "Conn", **kwargs)


def basic(stack, **overrides):
    kwargs = dict(username="user", password=PLAIN("password"))
    kwargs.update(overrides)
    return BasicConnection(stack, "Conn", **kwargs)


# ---------------------------------------------------------------- the library's own messages


def test_an_invalid_name_gives_the_typescript_message(stack):
    error = raised(lambda: ApiKeyConnection(stack, "Conn", connection_name="my conn", api_key_name="x-api-key",
                                            api_key_value=PLAIN("key")))
    assert type(error) is RuntimeError
    assert str(error) == (
        '`connectionName` must be 1-64 characters of A-Z a-z 0-9 . - _, got "my conn" (at test/Conn). '
        'Use a name such as "my-connection", or omit `connectionName` to get a generated one.'
    )
    assert error.args == (str(error),)


@pytest.mark.parametrize("make, message", [
    (lambda s: basic(s, description="d" * 513),
     '`description` must be at most 512 characters, got "' + "d" * 59 + '..." (513 characters) (at test/Conn). '
     "Shorten the description."),
    (lambda s: basic(s, username=""),
     '`username` must be 1-512 characters with no control characters and no ":", got "" (at test/Conn). '
     + SECRET_FIX),
    (lambda s: oauth(s, http_method=HttpMethod.PATCH),
     '`httpMethod` must be one of GET, POST, PUT for an OAuth authorization endpoint, got "PATCH" (at test/Conn). '
     "Use HttpMethod.GET, HttpMethod.POST or HttpMethod.PUT."),
    (lambda s: oauth(s, authorization_endpoint="http://auth.example.com/token"),
     "`authorizationEndpoint` must be an https:// URL of 1-2048 characters (letters, digits, percent-escapes and "
     "-()_.!~*';/?:@&=+$,), got \"http://auth.example.com/token\" (at test/Conn). "
     "Use the https:// URL of the token endpoint, percent-encoding other characters."),
    (lambda s: oauth(s, oauth_body_parameters=None),
     "`oauthBodyParameters` or `oauthHeaderParameters` or `oauthQueryStringParameters` must hold at least one "
     "parameter for an OAuth connection (the Terraform provider requires a non-empty oauth_http_parameters block), "
     "got none (at test/Conn). Add the parameter the token endpoint expects, for example oauthBodyParameters: "
     '{ grant_type: HttpParameter.fromString("client_credentials") }.'),
    (lambda s: Connection(s, "Conn", authorization=Authorization.oauth(
        authorization_endpoint="https://auth.example.com/token", http_method=HttpMethod.GET,
        client_id="client", client_secret=PLAIN("secret"))),
     "`bodyParameters` or `headerParameters` or `queryStringParameters` must hold at least one parameter for an "
     "OAuth connection (the Terraform provider requires a non-empty oauth_http_parameters block), got none "
     "(at test/Conn). Add the parameter the token endpoint expects, for example bodyParameters: "
     '{ grant_type: HttpParameter.fromString("client_credentials") }.'),
    (lambda s: basic(s, header_parameters={"X Bad": HttpParameter.from_string("v")}),
     "`headerParameters` must be 1-512 HTTP token characters (A-Z a-z 0-9 ! # $ % & ' * + , - . ^ _ ` | ~), "
     'got "X Bad" (at test/Conn). Use a valid HTTP header name such as "X-Api-Key".'),
    (lambda s: basic(s, query_string_parameters={f"q{n}": HttpParameter.from_string("v") for n in range(101)}),
     "`queryStringParameters` must have at most 100 entries, got 101 entries (at test/Conn). "
     "Remove entries, or move values into fewer parameters."),
    (lambda s: basic(s, kms_key_identifier="alias/bad key"),
     "`kmsKeyIdentifier` must be a KMS key id, key ARN, alias name or alias ARN of 1-2048 characters of "
     'A-Z a-z 0-9 _ - / :, got "alias/bad key" (at test/Conn). Use a key ID, key ARN, alias name (alias/...) '
     "or alias ARN."),
    (lambda s: basic(s, resource_configuration_arn="arn:nope"),
     "`resourceConfigurationArn` must be a VPC Lattice resource configuration ARN (arn:<partition>:vpc-lattice:"
     '<region>:<account>:resourceconfiguration/rcfg-<17 characters>), got "arn:nope" (at test/Conn). '
     "Use the ARN of an aws_vpclattice_resource_configuration."),
    (lambda s: basic(s, password=SecretValue.secrets_manager("")),
     '`password` must name a secret in `SecretValue.secretsManager()`, got "" (at test/Conn). '
     "Pass the secret's name or ARN."),
    (lambda s: basic(s, password=SecretValue.secrets_manager("prod/db", json_field="")),
     '`password` must have a non-empty `jsonField` when one is given, got "" (at test/Conn). '
     "Name the field of the JSON secret to read, or omit `jsonField` to read the whole secret string."),
    (lambda s: basic(s, password=SecretValue.ssm_secure_string("")),
     '`password` must name a parameter in `SecretValue.ssmSecureString()`, got "" (at test/Conn). '
     "Pass the SecureString parameter's name or ARN."),
], ids=["description", "username", "oauth-method", "endpoint", "no-oauth-parameters",
        "no-oauth-parameters-general", "header-key", "too-many-parameters", "kms-key", "resource-configuration",
        "secrets-manager-id", "json-field", "ssm-name"])
def test_constructor_errors_carry_the_typescript_message(stack, make, message):
    assert str(raised(lambda: make(stack))) == message


@pytest.mark.parametrize("make, message", [
    (lambda s: Connection.from_connection_arn(s, "Imported", "arn:aws:events:us-east-1:123:connection/x"),
     "`connectionArn` must be an EventBridge connection ARN (arn:<partition>:events:<region>:<account>:connection/"
     '<name>/<id>), got "arn:aws:events:us-east-1:123:connection/x" (at test/Imported). '
     "Copy the ARN from the EventBridge console or `aws events describe-connection`."),
    (lambda s: Connection.from_connection_attributes(s, "Imported", connection_arn=VALID_ARN,
                                                     connection_secret_arn="nope"),
     "`connectionSecretArn` must be a Secrets Manager secret ARN (arn:<partition>:secretsmanager:<region>:<account>:"
     'secret:<name>), got "nope" (at test/Imported). Use the SecretArn that `aws events describe-connection` returns.'),
    (lambda s: Connection.from_connection_attributes(s, "Imported", connection_arn=VALID_ARN,
                                                     connection_name="bad name"),
     '`connectionName` must be 1-64 characters of A-Z a-z 0-9 . - _, got "bad name" (at test/Imported). '
     "Use the connection's exact name."),
    (lambda s: Connection.from_connection_name(s, "Imported", "bad name"),
     '`connectionName` must be 1-64 characters of A-Z a-z 0-9 . - _, got "bad name" (at test/Imported). '
     "Use the connection's exact name."),
], ids=["arn", "secret-arn", "attributes-name", "lookup-name"])
def test_static_method_errors_are_prefixed_with_the_error_name(stack, make, message):
    assert str(raised(lambda: make(stack))) == "ValidationError: " + message


# ---------------------------------------------------------------- secrets never shown


@pytest.mark.parametrize("make, prop, length", [
    (lambda s, v: basic(s, password=PLAIN(v)), "password", None),
    (lambda s, v: ApiKeyConnection(s, "Conn", api_key_name="x-api-key", api_key_value=PLAIN(v)), "apiKeyValue", None),
    (lambda s, v: oauth(s, client_secret=PLAIN(v)), "clientSecret", None),
    (lambda s, v: Connection(s, "Conn", authorization=Authorization.basic("user", PLAIN(v))), "password", None),
])
def test_a_secret_with_a_colon_is_refused_without_being_shown(stack, make, prop, length):
    secret = "hunter2:Pass1234!"
    error = raised(lambda: make(stack, secret))
    assert str(error) == (
        f'`{prop}` must be 1-512 characters with no control characters and no ":", '
        f"got a secret value of {len(secret)} characters (redacted) (at test/Conn). " + SECRET_FIX
    )
    for text in (str(error), repr(error), str(error.__cause__)):
        assert "hunter2" not in text


def test_a_secret_parameter_value_is_refused_without_being_shown(stack):
    error = raised(lambda: basic(stack, header_parameters={
        "X-Token": HttpParameter.from_secret(PLAIN("tok3n\nsecret"))}))
    assert str(error) == (
        '`headerParameters["X-Token"]` must be 1-512 printable ASCII characters, got a secret value of 12 characters '
        "(redacted) (at test/Conn). Remove control characters from the value, or shorten it to 512 characters."
    )
    assert "tok3n" not in str(error) and "tok3n" not in str(error.__cause__)


def test_a_too_long_secret_is_refused_without_being_shown(stack):
    error = raised(lambda: basic(stack, password=PLAIN("x" * 513)))
    assert "got a secret value of 513 characters (redacted)" in str(error)
    assert "xxxx" not in str(error)


# ---------------------------------------------------------------- misuse only Python can do


def test_a_missing_required_keyword_argument(stack):
    with pytest.raises(TypeError) as error:
        ApiKeyConnection(stack, "Conn", api_key_name="x-api-key")
    assert str(error.value) == "ApiKeyConnection.__init__() missing 1 required keyword-only argument: 'api_key_value'"


def test_props_are_keyword_only(stack):
    with pytest.raises(TypeError) as error:
        BasicConnection(stack, "Conn", "user", PLAIN("password"))
    assert str(error.value) == "BasicConnection.__init__() takes 3 positional arguments but 5 were given"


def test_an_unknown_keyword_argument(stack):
    with pytest.raises(TypeError) as error:
        BasicConnection(stack, "Conn", user_name="user", password=PLAIN("password"))
    assert "unexpected keyword argument 'user_name'" in str(error.value)


@pytest.mark.parametrize("make, message", [
    (lambda s: basic(s, username=None), "type of argument username must be str; got NoneType instead"),
    (lambda s: basic(s, password=None),
     f"type of argument password must be {LIB}.SecretValue; got NoneType instead"),
    (lambda s: basic(s, username=42), "type of argument username must be str; got int instead"),
    (lambda s: oauth(s, http_method="POST"),
     f"type of argument http_method must be {LIB}.HttpMethod; got str instead"),
    (lambda s: Connection(s, "Conn", authorization="API_KEY"),
     f"type of argument authorization must be {LIB}.Authorization; got str instead"),
    (lambda s: basic(s, header_parameters=[HttpParameter.from_string("v")]),
     f"type of argument header_parameters must be one of (Mapping[str, {LIB}.HttpParameter], "
     "NoneType); got list instead"),
    (lambda s: BasicConnection(None, "Conn", username="user", password=PLAIN("p")),
     "type of argument scope must be constructs.Construct; got NoneType instead"),
    (lambda s: BasicConnection(s, None, username="user", password=PLAIN("p")),
     "type of argument id must be str; got NoneType instead"),
    (lambda s: SecretValue.unsafe_plain_text(None), "type of argument value must be str; got NoneType instead"),
    (lambda s: SecretValue.from_terraform_variable("pw"),
     f"type of argument variable must be {FRAMEWORK}.TerraformVariable; got str instead"),
    (lambda s: SecretValue.from_token(None), "type of argument token must be str; got NoneType instead"),
    (lambda s: SecretValue.ssm_secure_string(None), "type of argument parameter_name must be str; got NoneType instead"),
    (lambda s: HttpParameter.from_string(1), "type of argument value must be str; got int instead"),
    (lambda s: HttpParameter.from_secret("plain"),
     f"type of argument value must be {LIB}.SecretValue; got str instead"),
    (lambda s: Authorization.api_key("x-api-key", "plain"),
     f"type of argument api_key_value must be {LIB}.SecretValue; got str instead"),
], ids=["username-none", "password-none", "username-int", "method-str", "authorization-str", "parameters-list",
        "scope-none", "id-none", "plain-text-none", "variable-str", "token-none", "ssm-none", "from-string-int",
        "from-secret-str", "api-key-str"])
def test_wrong_types_raise_type_error(stack, make, message):
    with pytest.raises(TypeError) as error:
        make(stack)
    assert str(error.value) == message


def test_a_plain_string_secret_is_refused_without_being_shown(stack):
    with pytest.raises(TypeError) as error:
        basic(stack, password="hunter2:Pass1234!")
    assert str(error.value) == (
        f"type of argument password must be {LIB}.SecretValue; got str instead")


@pytest.fixture
def without_type_checks(monkeypatch):
    """The library's generated Python type checks turned off, as `python -O` does.

    (Patched in-process: a `python -O` child would recompile the provider binding's
    ~2,200 modules and take minutes.)
    """
    module_globals = cdktf_eventbridge_connection.BasicConnection.__init__.__globals__
    assert "check_type" in module_globals
    monkeypatch.setitem(module_globals, "check_type", lambda **_: None)


def test_without_python_type_checks_the_jsii_kernel_refuses_wrong_input(stack, without_type_checks):
    error = raised(lambda: basic(stack, username=42))
    assert str(error).startswith(
        f"Passed to parameter props of new {ASSEMBLY}.BasicConnection: "
        f"Unable to deserialize value as {ASSEMBLY}.BasicConnectionProps")
    assert "Key 'username': Unable to deserialize value as string" in str(error)


@pytest.mark.xfail(strict=True, raises=AssertionError, reason=(
    "known jsii limitation: without Python type checks (python -O) the jsii kernel, not the library, rejects a "
    "str passed as a SecretValue, and its SerializationError message echoes the value"))
def test_without_python_type_checks_a_plain_string_secret_is_not_shown(stack, without_type_checks):
    error = raised(lambda: basic(stack, password="hunter2-secret"))
    assert "hunter2-secret" not in str(error)


@pytest.mark.xfail(strict=True, raises=AssertionError, reason=(
    "known jsii limitation: jsii's Python type checks do not look into a dict's values, and the jsii kernel's "
    "SerializationError for a str where an HttpParameter is expected echoes the value"))
def test_a_plain_string_parameter_value_is_not_shown(stack):
    error = raised(lambda: basic(stack, header_parameters={"Authorization": "Bearer hunter2-secret"}))
    assert "hunter2-secret" not in str(error)


class MyAuthorization(Authorization):
    """A Python subclass: it cannot implement the library's internal `_bind`."""

    @property
    def authorization_type(self) -> str:
        return "API_KEY"


class MyParameter(HttpParameter):
    """A Python subclass: it cannot implement the library's internal `_render`."""


def test_a_python_authorization_subclass_is_refused(stack):
    error = raised(lambda: Connection(stack, "Conn", authorization=MyAuthorization()))
    assert str(error) == (
        "`authorization` must be made with Authorization.apiKey(), Authorization.basic() or Authorization.oauth(), "
        "got an instance of Authorization (at test/Conn). Create the authorization with one of those factories, "
        "or use ApiKeyConnection, BasicConnection or OAuthConnection."
    )


@pytest.mark.parametrize("parameter", [MyParameter, HttpParameter], ids=["subclass", "abstract-class"])
def test_a_python_http_parameter_subclass_is_refused(stack, parameter):
    error = raised(lambda: basic(stack, header_parameters={"X-Custom": parameter()}))
    assert str(error) == (
        '`headerParameters["X-Custom"]` must be made with HttpParameter.fromString() or HttpParameter.fromSecret(), '
        "got an instance of HttpParameter (at test/Conn). Wrap the value, for example "
        'HttpParameter.fromString("value").'
    )
