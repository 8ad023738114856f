"""The Terraform documentation examples of aws_cloudwatch_event_connection, in Python.

Each example is written once with this library and once with the raw
provider binding (`cdktf_cdktf_provider_aws.cloudwatch_event_connection`),
under the same construct path (`<stack>/test/Resource`) so that the logical
ids match; the synthesized resource blocks must be equal. The raw binding
sets `is_value_secret` explicitly, as the library always does.

https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudwatch_event_connection
"""
from typing import Callable

from cdktf import TerraformStack
from constructs import Construct
from cdktf_cdktf_provider_aws.cloudwatch_event_connection import (
    CloudwatchEventConnection,
    CloudwatchEventConnectionAuthParameters as AuthParameters,
    CloudwatchEventConnectionAuthParametersApiKey as ApiKey,
    CloudwatchEventConnectionAuthParametersBasic as Basic,
    CloudwatchEventConnectionAuthParametersInvocationHttpParameters as InvocationHttpParameters,
    CloudwatchEventConnectionAuthParametersInvocationHttpParametersBody as InvocationBody,
    CloudwatchEventConnectionAuthParametersInvocationHttpParametersHeader as InvocationHeader,
    CloudwatchEventConnectionAuthParametersInvocationHttpParametersQueryString as InvocationQueryString,
    CloudwatchEventConnectionAuthParametersOauth as Oauth,
    CloudwatchEventConnectionAuthParametersOauthClientParameters as ClientParameters,
    CloudwatchEventConnectionAuthParametersOauthOauthHttpParameters as OauthHttpParameters,
    CloudwatchEventConnectionAuthParametersOauthOauthHttpParametersBody as OauthBody,
    CloudwatchEventConnectionAuthParametersOauthOauthHttpParametersHeader as OauthHeader,
    CloudwatchEventConnectionAuthParametersOauthOauthHttpParametersQueryString as OauthQueryString,
)

from cdktf_eventbridge_connection import (
    ApiKeyConnection,
    BasicConnection,
    HttpMethod,
    HttpParameter,
    OAuthConnection,
    SecretValue,
)
from conftest import synth_json
from stacks import new_stack


def resources(build: Callable[[TerraformStack], None]) -> dict:
    """The `resource` section of a stack built by `build`."""
    stack = new_stack(name="docs")
    build(stack)
    return synth_json(stack)["resource"]


def raw(build: Callable[[Construct], None]) -> dict:
    """The raw binding's resource, made as `test/Resource` like the library's construct."""
    return resources(lambda stack: build(Construct(stack, "test")))


def test_api_key():
    def library(stack):
        ApiKeyConnection(
            stack,
            "test",
            connection_name="ngrok-connection",
            description="A connection description",
            api_key_name="x-signature",
            api_key_value=SecretValue.unsafe_plain_text("1234"),
        )

    def binding(scope):
        CloudwatchEventConnection(
            scope,
            "Resource",
            name="ngrok-connection",
            description="A connection description",
            authorization_type="API_KEY",
            auth_parameters=AuthParameters(api_key=ApiKey(key="x-signature", value="1234")),
        )

    assert resources(library) == raw(binding)


def test_basic_authorization():
    def library(stack):
        BasicConnection(
            stack,
            "test",
            connection_name="ngrok-connection",
            description="A connection description",
            username="user",
            password=SecretValue.unsafe_plain_text("Pass1234!"),
        )

    def binding(scope):
        CloudwatchEventConnection(
            scope,
            "Resource",
            name="ngrok-connection",
            description="A connection description",
            authorization_type="BASIC",
            auth_parameters=AuthParameters(basic=Basic(username="user", password="Pass1234!")),
        )

    assert resources(library) == raw(binding)


def test_oauth_authorization():
    def library(stack):
        OAuthConnection(
            stack,
            "test",
            connection_name="ngrok-connection",
            description="A connection description",
            authorization_endpoint="https://auth.url.com/endpoint",
            http_method=HttpMethod.GET,
            client_id="1234567890",
            client_secret=SecretValue.unsafe_plain_text("Pass1234!"),
            oauth_body_parameters={"body-parameter-key": HttpParameter.from_string("body-parameter-value")},
            oauth_header_parameters={"header-parameter-key": HttpParameter.from_string("header-parameter-value")},
            oauth_query_string_parameters={
                "query-string-parameter-key": HttpParameter.from_string("query-string-parameter-value"),
            },
        )

    def binding(scope):
        CloudwatchEventConnection(
            scope,
            "Resource",
            name="ngrok-connection",
            description="A connection description",
            authorization_type="OAUTH_CLIENT_CREDENTIALS",
            auth_parameters=AuthParameters(
                oauth=Oauth(
                    authorization_endpoint="https://auth.url.com/endpoint",
                    http_method="GET",
                    client_parameters=ClientParameters(client_id="1234567890", client_secret="Pass1234!"),
                    oauth_http_parameters=OauthHttpParameters(
                        body=[OauthBody(key="body-parameter-key", value="body-parameter-value",
                                        is_value_secret=False)],
                        header=[OauthHeader(key="header-parameter-key", value="header-parameter-value",
                                            is_value_secret=False)],
                        query_string=[OauthQueryString(key="query-string-parameter-key",
                                                       value="query-string-parameter-value",
                                                       is_value_secret=False)],
                    ),
                ),
            ),
        )

    assert resources(library) == raw(binding)


def test_invocation_http_parameters():
    def library(stack):
        BasicConnection(
            stack,
            "test",
            connection_name="ngrok-connection",
            description="A connection description",
            username="user",
            password=SecretValue.unsafe_plain_text("Pass1234!"),
            body_parameters={
                "body-parameter-key": HttpParameter.from_string("body-parameter-value"),
                "body-parameter-key2": HttpParameter.from_secret(
                    SecretValue.unsafe_plain_text("body-parameter-value2")),
            },
            header_parameters={"header-parameter-key": HttpParameter.from_string("header-parameter-value")},
            query_string_parameters={
                "query-string-parameter-key": HttpParameter.from_string("query-string-parameter-value"),
            },
        )

    def binding(scope):
        CloudwatchEventConnection(
            scope,
            "Resource",
            name="ngrok-connection",
            description="A connection description",
            authorization_type="BASIC",
            auth_parameters=AuthParameters(
                basic=Basic(username="user", password="Pass1234!"),
                invocation_http_parameters=InvocationHttpParameters(
                    body=[
                        InvocationBody(key="body-parameter-key", value="body-parameter-value",
                                       is_value_secret=False),
                        InvocationBody(key="body-parameter-key2", value="body-parameter-value2",
                                       is_value_secret=True),
                    ],
                    header=[InvocationHeader(key="header-parameter-key", value="header-parameter-value",
                                             is_value_secret=False)],
                    query_string=[InvocationQueryString(key="query-string-parameter-key",
                                                        value="query-string-parameter-value",
                                                        is_value_secret=False)],
                ),
            ),
        )

    assert resources(library) == raw(binding)


def test_the_comparison_sees_a_difference():
    """A guard on the method: a changed value in the raw binding must not compare equal."""
    def library(stack):
        ApiKeyConnection(stack, "test", connection_name="ngrok-connection", api_key_name="x-signature",
                         api_key_value=SecretValue.unsafe_plain_text("1234"))

    def binding(scope):
        CloudwatchEventConnection(scope, "Resource", name="ngrok-connection", authorization_type="API_KEY",
                                  auth_parameters=AuthParameters(api_key=ApiKey(key="x-signature", value="4321")))

    assert resources(library) != raw(binding)
