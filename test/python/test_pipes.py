"""EventBridge pipes to API destinations, from Python."""
import pytest
from cdktf import TerraformVariable

from cdktf_eventbridge_connection import (
    ApiDestination,
    ApiDestinationPipe,
    KinesisStartingPosition,
    PipeApiDestinationEnrichment,
    PipeDesiredState,
    PipeSource,
)
from conftest import synth_json

DESTINATION_ARN = "arn:aws:events:us-east-1:123456789012:api-destination/orders/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
ENRICHER_ARN = "arn:aws:events:us-east-1:123456789012:api-destination/enricher/1b2c3d4e-5f6a-7b8c-9d0e-1f2a3b4c5d6e"
QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:orders"
STREAM_ARN = "arn:aws:kinesis:us-east-1:123456789012:stream/orders"


def pipe_block(stack) -> dict:
    blocks = list(synth_json(stack)["resource"]["aws_pipes_pipe"].values())
    assert len(blocks) == 1, blocks
    return blocks[0]


def test_pipes_a_queue_to_an_api_destination_with_a_least_privilege_role(stack):
    pipe = ApiDestinationPipe(
        stack, "Pipe",
        source=PipeSource.sqs_queue(QUEUE_ARN, batch_size=5),
        api_destination=ApiDestination.from_api_destination_arn(stack, "Dest", DESTINATION_ARN),
        filters=['{"body":{"type":["order.placed"]}}'],
        input_template='{"order": <$.body>}',
        desired_state=PipeDesiredState.RUNNING,
    )
    block = pipe_block(stack)
    assert block["source"] == QUEUE_ARN
    assert block["target"] == DESTINATION_ARN
    assert block["desired_state"] == "RUNNING"
    assert block["source_parameters"] == {
        "filter_criteria": {"filter": [{"pattern": '{"body":{"type":["order.placed"]}}'}]},
        "sqs_queue_parameters": {"batch_size": 5},
    }
    assert block["target_parameters"] == {"input_template": '{"order": <$.body>}'}
    assert block["role_arn"].startswith("${aws_iam_role.Pipe_Role_")
    assert pipe.role is not None
    documents = synth_json(stack)["data"]["aws_iam_policy_document"]
    permissions = next(d for name, d in documents.items() if name.startswith("Pipe_PolicyDocument_"))
    assert [s["actions"] for s in permissions["statement"]] == [
        ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"],
        ["events:InvokeApiDestination"],
    ]


def test_takes_the_enrichment_as_a_struct_or_a_dict(stack):
    enricher = ApiDestination.from_api_destination_arn(stack, "Enricher", ENRICHER_ARN)
    destination = ApiDestination.from_api_destination_arn(stack, "Dest", DESTINATION_ARN)
    ApiDestinationPipe(stack, "Struct", source=PipeSource.sqs_queue(QUEUE_ARN), api_destination=destination,
                       enrichment=PipeApiDestinationEnrichment(api_destination=enricher, input_template="{}"))
    ApiDestinationPipe(stack, "Dict", source=PipeSource.sqs_queue(QUEUE_ARN), api_destination=destination,
                       enrichment={"api_destination": enricher, "input_template": "{}"})
    pipes = list(synth_json(stack)["resource"]["aws_pipes_pipe"].values())
    assert [p["enrichment"] for p in pipes] == [ENRICHER_ARN, ENRICHER_ARN]
    assert [p["enrichment_parameters"] for p in pipes] == [{"input_template": "{}"}] * 2


def test_reads_a_kinesis_stream_from_a_point_in_time(stack):
    ApiDestinationPipe(
        stack, "Pipe",
        source=PipeSource.kinesis_stream(
            STREAM_ARN,
            starting_position=KinesisStartingPosition.AT_TIMESTAMP,
            starting_position_timestamp="2026-01-31T12:00:00Z",
            maximum_retry_attempts=-1,
        ),
        api_destination=ApiDestination.from_api_destination_arn(stack, "Dest", DESTINATION_ARN),
        role_arn="arn:aws:iam::123456789012:role/pipe",
    )
    assert pipe_block(stack)["source_parameters"] == {"kinesis_stream_parameters": {
        "starting_position": "AT_TIMESTAMP",
        "starting_position_timestamp": "2026-01-31T12:00:00Z",
        "maximum_retry_attempts": -1,
    }}
    assert "aws_iam_role" not in synth_json(stack).get("resource", {})


def test_none_means_not_given(stack):
    ApiDestinationPipe(
        stack, "Pipe",
        source=PipeSource.sqs_queue(QUEUE_ARN, batch_size=None),
        api_destination=ApiDestination.from_api_destination_arn(stack, "Dest", DESTINATION_ARN),
        filters=None, enrichment=None, role_arn=None,
    )
    assert "source_parameters" not in pipe_block(stack)


def test_takes_tokens_unjudged(stack):
    name = TerraformVariable(stack, "name", type="string").string_value
    ApiDestinationPipe(stack, "Pipe", source=PipeSource.sqs_queue(QUEUE_ARN), pipe_name=name,
                       api_destination=ApiDestination.from_api_destination_arn(stack, "Dest", DESTINATION_ARN))
    assert pipe_block(stack)["name"] == "${var.name}"


def test_refuses_a_stream_source_without_a_starting_position_it_knows(stack):
    with pytest.raises(Exception) as error:
        ApiDestinationPipe(
            stack, "Pipe",
            source=PipeSource.kinesis_stream(STREAM_ARN, starting_position=KinesisStartingPosition.LATEST,
                                             starting_position_timestamp="2026-01-31T12:00:00Z"),
            api_destination=ApiDestination.from_api_destination_arn(stack, "Dest", DESTINATION_ARN),
        )
    assert ("`source.startingPositionTimestamp` is only read with KinesisStartingPosition.AT_TIMESTAMP, "
            'got "2026-01-31T12:00:00Z" (at test/Pipe). Set `startingPosition` to '
            "KinesisStartingPosition.AT_TIMESTAMP, or omit `startingPositionTimestamp`.") in str(error.value)


def test_refuses_a_queue_url_as_the_source(stack):
    with pytest.raises(Exception) as error:
        ApiDestinationPipe(
            stack, "Pipe",
            source=PipeSource.sqs_queue("https://sqs.us-east-1.amazonaws.com/123456789012/orders"),
            api_destination=ApiDestination.from_api_destination_arn(stack, "Dest", DESTINATION_ARN),
        )
    assert "`source` must be an SQS queue ARN" in str(error.value)
    assert "(at test/Pipe). Pass the queue's ARN, e.g. `queue.arn` of an aws_sqs_queue." in str(error.value)


def test_a_python_subclass_of_pipe_source_is_refused(stack):
    class Custom(PipeSource):
        def __init__(self):
            super().__init__(QUEUE_ARN)

    with pytest.raises(Exception) as error:
        ApiDestinationPipe(stack, "Pipe", source=Custom(),
                           api_destination=ApiDestination.from_api_destination_arn(stack, "Dest", DESTINATION_ARN))
    assert "`source` must be made with PipeSource.sqsQueue(), PipeSource.kinesisStream() or " \
           "PipeSource.dynamoDbStream()" in str(error.value)
