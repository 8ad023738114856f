"""The Python names of the public API (the API contract, as jsii translates it).

A rename in TypeScript changes these names for every Python user; this file
makes such a change visible in review.
"""
import inspect
import keyword

import pytest

import cdktf_eventbridge_connection as lib

PUBLIC = {
    "ApiKeyConnection", "ApiKeyConnectionProps", "Authorization", "BasicConnection", "BasicConnectionProps",
    "Connection", "ConnectionAttributes", "ConnectionOptions", "ConnectionProps", "HttpMethod", "HttpParameter",
    "IConnection", "OAuthAuthorizationProps", "OAuthConnection", "OAuthConnectionProps", "PlacementOptions",
    "SecretValue", "SecretsManagerSecretOptions",
    "ApiDestinationPipe", "ApiDestinationPipeProps", "PipeSource", "PipeApiDestinationEnrichment", "PipeDesiredState",
    "SqsQueueSourceOptions", "StreamSourceOptions", "KinesisStreamSourceOptions", "DynamoDbStreamSourceOptions",
    "KinesisStartingPosition", "DynamoDbStartingPosition", "OnPartialBatchItemFailure",
    "HttpInvokeTask", "HttpInvokeTaskProps", "HttpInvokeTaskStateOptions", "HttpInvokeTaskGrantOptions",
    "RequestBodyEncoding", "UrlEncodingArrayFormat",
}

STREAM_OPTIONS = ["batch_size", "dead_letter_queue_arn", "maximum_batching_window_in_seconds",
                  "maximum_record_age_in_seconds", "maximum_retry_attempts", "on_partial_batch_item_failure",
                  "parallelization_factor"]

# The connection options, then the placement options (PlacementOptions), which jsii lists last.
PLACEMENT = ["provider", "region"]
OPTIONS = ["body_parameters", "connection_name", "description", "header_parameters", "kms_key_identifier",
           "query_string_parameters", "resource_configuration_arn"] + PLACEMENT


def keywords(function):
    return [p.name for p in inspect.signature(function).parameters.values() if p.kind is p.KEYWORD_ONLY]


def positional(function):
    return [p.name for p in inspect.signature(function).parameters.values()
            if p.kind is p.POSITIONAL_OR_KEYWORD and p.name not in ("self", "cls")]


def test_exports_the_public_api():
    assert PUBLIC <= set(dir(lib))


@pytest.mark.parametrize("method, args, kwargs", [
    (lib.SecretValue.unsafe_plain_text, ["value"], []),
    (lib.SecretValue.from_terraform_variable, ["variable"], []),
    (lib.SecretValue.secrets_manager, ["secret_id"], ["json_field", "version_id", "version_stage"]),
    (lib.SecretValue.ssm_secure_string, ["parameter_name"], []),
    (lib.SecretValue.from_token, ["token"], []),
    (lib.HttpParameter.from_string, ["value"], []),
    (lib.HttpParameter.from_secret, ["value"], []),
    (lib.Authorization.api_key, ["api_key_name", "api_key_value"], []),
    (lib.Authorization.basic, ["username", "password"], []),
    (lib.Authorization.oauth, [], ["authorization_endpoint", "client_id", "client_secret", "http_method",
                                   "authorization_endpoint_resource_configuration_arn", "body_parameters",
                                   "header_parameters", "query_string_parameters"]),
    (lib.Connection.from_connection_arn, ["scope", "id", "connection_arn"], []),
    (lib.Connection.from_connection_attributes, ["scope", "id"],
     ["connection_arn", "connection_name", "connection_secret_arn", "kms_key_identifier"]),
    (lib.Connection.from_connection_name, ["scope", "id", "connection_name"], ["provider", "region"]),
    (lib.PipeSource.sqs_queue, ["queue_arn"], ["batch_size", "maximum_batching_window_in_seconds"]),
    (lib.PipeSource.kinesis_stream, ["stream_arn"], ["starting_position", "starting_position_timestamp"] + STREAM_OPTIONS),
    (lib.PipeSource.dynamo_db_stream, ["stream_arn"], ["starting_position"] + STREAM_OPTIONS),
], ids=lambda v: getattr(v, "__qualname__", None))
def test_static_factories(method, args, kwargs):
    assert positional(method) == args
    assert keywords(method) == kwargs


@pytest.mark.parametrize("construct, own", [
    (lib.Connection, ["authorization"]),
    (lib.ApiKeyConnection, ["api_key_name", "api_key_value"]),
    (lib.BasicConnection, ["password", "username"]),
    (lib.OAuthConnection, ["authorization_endpoint", "client_id", "client_secret", "http_method",
                           "authorization_endpoint_resource_configuration_arn",
                           "oauth_body_parameters", "oauth_header_parameters", "oauth_query_string_parameters"]),
], ids=lambda v: getattr(v, "__name__", None))
def test_constructors_take_scope_id_and_keyword_props(construct, own):
    assert positional(construct.__init__) == ["scope", "id"]
    assert keywords(construct.__init__) == own + OPTIONS


def test_pipe_constructor():
    assert positional(lib.ApiDestinationPipe.__init__) == ["scope", "id"]
    assert keywords(lib.ApiDestinationPipe.__init__) == [
        "api_destination", "source", "description", "desired_state", "enrichment", "filters", "header_parameters",
        "input_template", "path_parameter_values", "pipe_name", "query_string_parameters", "role_arn"] + PLACEMENT
    for name in ("pipe_name", "pipe_arn", "role_arn", "role", "resource"):
        assert isinstance(inspect.getattr_static(lib.ApiDestinationPipe, name), property), name
    assert [m.name for m in lib.PipeDesiredState] == ["RUNNING", "STOPPED"]
    assert [m.name for m in lib.KinesisStartingPosition] == ["TRIM_HORIZON", "LATEST", "AT_TIMESTAMP"]
    assert [m.name for m in lib.DynamoDbStartingPosition] == ["TRIM_HORIZON", "LATEST"]


def test_connection_attributes():
    for name in ("connection_arn", "connection_name", "connection_secret_arn", "authorization_type", "resource"):
        assert isinstance(inspect.getattr_static(lib.Connection, name), property), name


def test_http_invoke_task():
    # A plain class: keyword props only, no scope and id.
    assert positional(lib.HttpInvokeTask.__init__) == []
    assert keywords(lib.HttpInvokeTask.__init__) == [
        "connection", "endpoint", "array_format", "comment", "headers", "method", "query_parameters",
        "request_body", "request_body_encoding"]
    for render in (lib.HttpInvokeTask.to_json_path_state, lib.HttpInvokeTask.to_jsonata_state):
        assert positional(render) == []
        assert keywords(render) == ["end", "next"]
    assert positional(lib.HttpInvokeTask.grant) == ["scope", "id"]
    assert keywords(lib.HttpInvokeTask.grant) == ["policy_name", "provider", "role_name", "state_machine_arn"]
    for name in ("connection", "endpoint", "method"):
        assert isinstance(inspect.getattr_static(lib.HttpInvokeTask, name), property), name
    assert [m.name for m in lib.RequestBodyEncoding] == ["NONE", "URL_ENCODED"]
    assert [m.name for m in lib.UrlEncodingArrayFormat] == ["BRACKETS", "COMMAS", "INDICES", "REPEAT"]


def test_http_methods():
    assert [m.name for m in lib.HttpMethod] == ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]
    assert all(m.value == m.name for m in lib.HttpMethod)


def test_no_name_is_a_python_keyword_or_shadows_self():
    names = set()
    for cls_name in PUBLIC:
        cls = getattr(lib, cls_name)
        for attr, value in vars(cls).items():
            if attr.startswith("_"):
                continue
            names.add(attr)
            function = getattr(value, "__func__", value)
            if callable(function):
                try:
                    names.update(inspect.signature(function).parameters)
                except (TypeError, ValueError):
                    pass
    assert not {n for n in names if keyword.iskeyword(n) or n.endswith("_") and keyword.iskeyword(n[:-1])}
    assert "self_" not in names


@pytest.mark.parametrize("construct", [lib.ApiDestination, lib.ApiDestinationTarget, lib.ApiDestinationPipe],
                         ids=lambda v: getattr(v, "__name__", None))
def test_every_construct_that_creates_resources_takes_the_placement_options(construct):
    assert keywords(construct.__init__)[-2:] == PLACEMENT
