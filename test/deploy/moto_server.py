"""moto's server, with the two Step Functions actions the AWS provider needs and moto lacks.

The AWS provider (5.x and 6.x) calls ValidateStateMachineDefinition before it creates or updates
an `aws_sfn_state_machine`, and ListStateMachineVersions when it reads one; moto 5.2 implements
neither (the provider then retries the 500 until it times out). This adds stand-ins: the first
checks the shape the provider relies on (JSON text with `StartAt` naming one of `States`) and
answers as the API does; the second lists the versions moto keeps for the machine. The definitions themselves are
validated against the Amazon States Language by the jest suite (asl-validator); here they only need
to reach the emulator.

Usage, as `python -m moto.server`: python moto_server.py -H 127.0.0.1 -p PORT
"""
import json

from moto.core.responses import ActionResult
from moto.server import main
from moto.stepfunctions.responses import StepFunctionResponse


def _diagnostics(definition: str) -> list[dict]:
    try:
        parsed = json.loads(definition)
    except (TypeError, ValueError) as error:
        return [{"severity": "ERROR", "code": "INVALID_JSON_DESCRIPTION", "message": str(error), "location": "/"}]
    if not isinstance(parsed, dict) or not isinstance(parsed.get("States"), dict) or not parsed["States"]:
        return [{"severity": "ERROR", "code": "SCHEMA_VALIDATION_FAILED",
                 "message": "The definition must be an object with a non-empty States object", "location": "/"}]
    if parsed.get("StartAt") not in parsed["States"]:
        return [{"severity": "ERROR", "code": "MISSING_TRANSITION_TARGET",
                 "message": "StartAt must name one of States", "location": "/StartAt"}]
    return []


def validate_state_machine_definition(self) -> ActionResult:
    diagnostics = _diagnostics(self._get_param("definition"))
    return ActionResult({"result": "FAIL" if diagnostics else "OK", "diagnostics": diagnostics, "truncated": False})


def list_state_machine_versions(self) -> ActionResult:
    machine = self.stepfunction_backend.describe_state_machine(self._get_param("stateMachineArn"))
    versions = sorted(getattr(machine, "versions", {}).values(), key=lambda v: v.version, reverse=True)
    return ActionResult({"stateMachineVersions": [
        {"stateMachineVersionArn": v.arn, "creationDate": v.creation_date} for v in versions]})


StepFunctionResponse.validate_state_machine_definition = validate_state_machine_definition
StepFunctionResponse.list_state_machine_versions = list_state_machine_versions

if __name__ == "__main__":
    main()
