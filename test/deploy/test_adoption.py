"""Deployment tests of adoption and grants, against the local AWS emulator (moto).

Two stacks, synthesized by synth_adoption.js with the compiled library, each with its own
Terraform working directory; the session fixtures of conftest.py (Terraform with the provider
mirror, the moto server, boto3 clients) are shared with test_deploy.py.

adoption: a connection, an API destination and a rule target created with boto3, outside
  Terraform, are described with the constructs and adopted with adoptExisting():
    plan (imports only: nothing created, nothing destroyed) -> apply -> clean re-plan ->
    grants (grantInvoke and grantRetrieveCredentials on created and imported objects) ->
    apply, IAM checked -> clean re-plan -> destroy
migration: a stack deployed with the raw bindings is switched to the constructs with moveFrom():
    apply raw -> plan (moves only: nothing created, nothing destroyed) -> apply -> clean
    re-plan -> destroy

Run with `bash test/deploy/run.sh -k adoption` (or `-k migration`, or no -k for everything).
"""
from __future__ import annotations

import json
import secrets
import urllib.parse
from pathlib import Path

import pytest

import harness

HERE = Path(__file__).resolve().parent
SYNTH = HERE / "synth_adoption.js"
RUN_ID = secrets.token_hex(3)
PREFIX = f"ad{RUN_ID}"


def synth(outdir: Path, endpoint: str, stack: str, phase: str, **extra: str) -> dict:
    """Runs synth_adoption.js for one phase (harness.run_synth: the matrix entry's library and Node.js)."""
    args = ["--endpoint", endpoint, "--prefix", PREFIX, "--stack", stack, "--phase", phase]
    for key, value in extra.items():
        args += [f"--{key.replace('_', '-')}", value]
    return harness.run_synth(SYNTH, outdir, args)


def planned_changes(tf, directory: Path) -> list[dict]:
    """`terraform plan -out` and `terraform show -json`: the plan's resource changes."""
    tf.terraform.run(directory, "plan", "-out=tfplan", "-input=false", "-no-color", "-parallelism=10")
    shown = tf.terraform.run(directory, "show", "-json", "-no-color", "tfplan")
    return json.loads(shown.stdout).get("resource_changes", [])


def summary(changes: list[dict]) -> dict[str, list[str]]:
    """Addresses by what the plan does to them: create, delete, update, import, move."""
    out: dict[str, list[str]] = {"create": [], "delete": [], "update": [], "import": [], "move": []}
    for rc in changes:
        if rc.get("mode") != "managed":
            continue
        actions = rc["change"]["actions"]
        for action in ("create", "delete", "update"):
            if action in actions:
                out[action].append(rc["address"])
        if rc["change"].get("importing"):
            out["import"].append(rc["address"])
        if rc.get("previous_address"):
            out["move"].append(f"{rc['previous_address']} -> {rc['address']}")
    return out


def policy_document(iam, role: str, policy: str) -> dict:
    doc = iam.get_role_policy(RoleName=role, PolicyName=policy)["PolicyDocument"]
    return json.loads(urllib.parse.unquote(doc)) if isinstance(doc, str) else doc


def as_list(value) -> list:
    return [] if value is None else value if isinstance(value, list) else [value]


def statements(doc: dict) -> list[tuple]:
    return [(st.get("Effect"), as_list(st.get("Action")), as_list(st.get("Resource")), st.get("Condition"))
            for st in doc.get("Statement", [])]


# --------------------------------------------------------------------------
# adoption: boto3 creates, the constructs adopt
# --------------------------------------------------------------------------

class Adoption:
    def __init__(self, tf, aws, endpoint: str):
        self.tf, self.aws, self.endpoint = tf, aws, endpoint
        self.root = tf.workdir / "adoption"
        self.stack_dir = self.root / "stack"
        self.manifests: dict[str, dict] = {}
        self.existing: dict[str, str] = {}

    def synth(self, phase: str, **extra: str) -> dict:
        manifest = synth(self.root / f"synth-{phase}", self.endpoint, "adoption", phase, **extra)
        self.manifests[phase] = manifest
        self.tf.prepare(manifest["config"], self.stack_dir)
        return manifest


@pytest.fixture(scope="module")
def adoption(tf, aws, moto_server) -> Adoption:
    """The objects boto3 creates outside Terraform, and the adopting stack, initialized."""
    a = Adoption(tf, aws, moto_server.endpoint)
    # The names are the synth script's; synthesize once to learn them (nothing is applied).
    n = synth(a.root / "names", a.endpoint, "adoption", "adopt", target_role_arn="arn:aws:iam::123456789012:role/x",
              bus_arn="arn:aws:events:us-east-1:123456789012:event-bus/x")["names"]
    trust = json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"}, "Action": "sts:AssumeRole"}]})
    for role in (n["targetRole"], n["invokerRole"], n["schedulerRole"], n["credentialsRole"], n["keyedRole"]):
        arn = aws.iam.create_role(RoleName=role, AssumeRolePolicyDocument=trust)["Role"]["Arn"]
        a.existing[f"role:{role}"] = arn
    conn = aws.events.create_connection(
        Name=n["connection"], Description=n["description"], AuthorizationType="API_KEY",
        AuthParameters={"ApiKeyAuthParameters": {"ApiKeyName": n["apiKeyName"], "ApiKeyValue": n["apiKeyValue"]}})
    a.existing["connectionArn"] = conn["ConnectionArn"]
    a.existing["connectionSecretArn"] = aws.events.describe_connection(Name=n["connection"])["SecretArn"]
    dest = aws.events.create_api_destination(
        Name=n["destination"], ConnectionArn=conn["ConnectionArn"], InvocationEndpoint=n["endpoint"],
        HttpMethod=n["httpMethod"], InvocationRateLimitPerSecond=n["rateLimit"])
    a.existing["destinationArn"] = dest["ApiDestinationArn"]
    aws.events.put_rule(Name=n["rule"], EventPattern=json.dumps({"source": ["deploy.test"]}))
    aws.events.put_targets(Rule=n["rule"], Targets=[{
        "Id": n["targetId"], "Arn": dest["ApiDestinationArn"], "RoleArn": a.existing[f"role:{n['targetRole']}"]}])
    # A rule on a custom bus, whose target the stack names with the bus's ARN.
    a.existing["busArn"] = aws.events.create_event_bus(Name=n["bus"])["EventBusArn"]
    aws.events.put_rule(Name=n["busRule"], EventBusName=n["bus"], EventPattern=json.dumps({"source": ["deploy.test"]}))
    aws.events.put_targets(Rule=n["busRule"], EventBusName=n["bus"], Targets=[{
        "Id": n["targetId"], "Arn": dest["ApiDestinationArn"], "RoleArn": a.existing[f"role:{n['targetRole']}"]}])
    a.synth("adopt", target_role_arn=a.existing[f"role:{n['targetRole']}"], bus_arn=a.existing["busArn"])
    tf.terraform.init(a.stack_dir)
    yield a
    # What boto3 made and Terraform does not manage (the roles, the rule): removed so that a
    # long-lived moto session stays tidy. The adopted objects were destroyed by Terraform.
    for role in (n["targetRole"], n["invokerRole"], n["schedulerRole"], n["credentialsRole"], n["keyedRole"]):
        for policy in aws.iam.list_role_policies(RoleName=role)["PolicyNames"]:
            aws.iam.delete_role_policy(RoleName=role, PolicyName=policy)
        aws.iam.delete_role(RoleName=role)
    for target in aws.events.list_targets_by_rule(Rule=n["rule"])["Targets"]:
        aws.events.remove_targets(Rule=n["rule"], Ids=[target["Id"]])
    aws.events.delete_rule(Name=n["rule"])
    for target in aws.events.list_targets_by_rule(Rule=n["busRule"], EventBusName=n["bus"])["Targets"]:
        aws.events.remove_targets(Rule=n["busRule"], EventBusName=n["bus"], Ids=[target["Id"]])
    aws.events.delete_rule(Name=n["busRule"], EventBusName=n["bus"])
    aws.events.delete_event_bus(Name=n["bus"])


@pytest.fixture(scope="module")
def adoption_plan(adoption) -> dict[str, list[str]]:
    return summary(planned_changes(adoption.tf, adoption.stack_dir))


def test_adoption_plan_imports_and_creates_or_destroys_nothing(adoption, adoption_plan):
    a = adoption.manifests["adopt"]["addresses"]
    assert sorted(adoption_plan["import"]) == sorted(a.values()), adoption_plan
    assert adoption_plan["create"] == [], f"the adoption plan creates {adoption_plan['create']}"
    assert adoption_plan["delete"] == [], f"the adoption plan destroys {adoption_plan['delete']}"
    if adoption_plan["update"]:
        # The API key value is never returned by DescribeConnection (and not by the provider's
        # import), so Terraform writes it once, in place.
        harness.note(f"adoption plan updates in place after import: {adoption_plan['update']}")
    assert set(adoption_plan["update"]) <= {a["connection"]}, adoption_plan


def test_adoption_of_a_target_on_a_bus_given_by_arn_keeps_the_arn_in_the_import_id(adoption):
    n, a = adoption.manifests["adopt"]["names"], adoption.manifests["adopt"]["addresses"]
    imports = {i["to"]: i["id"] for i in adoption.manifests["adopt"]["config"]["import"]}
    assert imports[a["busTarget"]] == f"{adoption.existing['busArn']}/{n['busRule']}/{n['targetId']}"


@pytest.fixture(scope="module")
def adopted(adoption, adoption_plan):
    adoption.tf.terraform.apply(adoption.stack_dir)
    adoption.outputs = adoption.tf.terraform.outputs(adoption.stack_dir)
    return adoption


def test_adoption_apply_keeps_the_objects_that_were_there(adopted):
    e, out = adopted.existing, adopted.outputs
    assert out["connection_arn"] == e["connectionArn"]
    assert out["destination_arn"] == e["destinationArn"]
    n = adopted.manifests["adopt"]["names"]
    targets = adopted.aws.events.list_targets_by_rule(Rule=n["rule"])["Targets"]
    assert [(t["Id"], t["Arn"]) for t in targets] == [(n["targetId"], e["destinationArn"])]
    on_bus = adopted.aws.events.list_targets_by_rule(Rule=n["busRule"], EventBusName=n["bus"])["Targets"]
    assert [(t["Id"], t["Arn"]) for t in on_bus] == [(n["targetId"], e["destinationArn"])]
    state = adopted.tf.terraform.run(adopted.stack_dir, "state", "list", "-no-color").stdout.split()
    assert set(adopted.manifests["adopt"]["addresses"].values()) <= set(state), state


def test_adoption_replan_after_apply_is_clean(adopted):
    result = adopted.tf.terraform.plan_changes(adopted.stack_dir)
    assert result.returncode == 0, f"changes after the adoption was applied:\n{result.output}"


@pytest.fixture(scope="module")
def granted(adopted):
    a = adopted
    # conftest's clients have no KMS one.
    kms = harness.aws_client("kms", a.endpoint)
    key = kms.create_key(Description="deployment suite: connection key")["KeyMetadata"]
    alias = f"alias/{PREFIX}-connection-key"
    kms.create_alias(AliasName=alias, TargetKeyId=key["KeyId"])
    a.key_arn = key["Arn"]
    n = a.manifests["adopt"]["names"]
    a.synth("grant", target_role_arn=a.existing[f"role:{n['targetRole']}"], bus_arn=a.existing["busArn"],
            destination_arn=a.existing["destinationArn"], connection_arn=a.existing["connectionArn"],
            connection_secret_arn=a.existing["connectionSecretArn"], key_alias=alias)
    a.tf.terraform.apply(a.stack_dir)
    return a


def test_grants_attach_least_privilege_policies_to_the_roles(granted):
    g = granted.manifests["grant"]
    n, e = g["names"], granted.existing
    arn_for_policy = e["destinationArn"].rsplit("/", 1)[0]
    assert granted.tf.terraform.outputs(granted.stack_dir)["destination_arn_for_policy"] == arn_for_policy
    invoke = [("Allow", ["events:InvokeApiDestination"], [arn_for_policy], None)]
    credentials = [
        ("Allow", ["events:RetrieveConnectionCredentials"], [e["connectionArn"]], None),
        ("Allow", ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"], [e["connectionSecretArn"]], None),
    ]
    decrypt = ("Allow", ["kms:Decrypt"], [granted.key_arn], {"StringLike": {
        "kms:ViaService": "secretsmanager.*.amazonaws.com",
        "kms:EncryptionContext:SecretARN": e["connectionSecretArn"]}})
    want = {
        n["invokerRole"]: (g["grants"]["invoke"]["policyName"], invoke),
        n["schedulerRole"]: (g["grants"]["importedInvoke"]["policyName"], invoke),
        n["credentialsRole"]: (g["grants"]["credentials"]["policyName"], credentials),
        n["keyedRole"]: (g["grants"]["keyedCredentials"]["policyName"], credentials + [decrypt]),
    }
    problems = []
    for role, (policy, expected) in want.items():
        names = granted.aws.iam.list_role_policies(RoleName=role)["PolicyNames"]
        if names != [policy]:
            problems.append(f"{role}: inline policies {names!r}, expected [{policy!r}]")
            continue
        got = [(eff, sorted(act), res, cond) for eff, act, res, cond in statements(policy_document(granted.aws.iam, role, policy))]
        if got != expected:
            problems.append(f"{role}: {got!r}\n  expected {expected!r}")
    assert not problems, "\n".join(problems)


def test_grants_replan_is_clean(granted):
    result = granted.tf.terraform.plan_changes(granted.stack_dir)
    assert result.returncode == 0, f"changes after the grants were applied:\n{result.output}"


def test_adoption_destroy_removes_what_terraform_now_manages(granted):
    g = granted.manifests["grant"]
    granted.tf.terraform.destroy(granted.stack_dir)
    with pytest.raises(granted.aws.events.exceptions.ResourceNotFoundException):
        granted.aws.events.describe_connection(Name=g["names"]["connection"])
    with pytest.raises(granted.aws.events.exceptions.ResourceNotFoundException):
        granted.aws.events.describe_api_destination(Name=g["names"]["destination"])
    for role in (g["names"]["invokerRole"], g["names"]["schedulerRole"], g["names"]["credentialsRole"], g["names"]["keyedRole"]):
        assert granted.aws.iam.list_role_policies(RoleName=role)["PolicyNames"] == [], role


# --------------------------------------------------------------------------
# migration: from the raw bindings to the constructs, with moved blocks
# --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def migration(tf, aws, moto_server):
    root = tf.workdir / "migration"
    stack_dir = root / "stack"
    raw = synth(root / "synth-raw", moto_server.endpoint, "migration", "raw")
    constructs = synth(root / "synth-constructs", moto_server.endpoint, "migration", "constructs")
    tf.prepare(raw["config"], stack_dir)
    tf.terraform.init(stack_dir)
    tf.terraform.apply(stack_dir)
    before = tf.terraform.outputs(stack_dir)
    tf.prepare(constructs["config"], stack_dir)
    changes = summary(planned_changes(tf, stack_dir))
    state = {"tf": tf, "aws": aws, "dir": stack_dir, "raw": raw, "constructs": constructs,
             "before": before, "plan": changes, "destroyed": False}
    yield state
    if not state["destroyed"]:
        tf.terraform.destroy(stack_dir)


def test_migration_plan_moves_and_creates_or_destroys_nothing(migration):
    plan, raw, new = migration["plan"], migration["raw"]["raw"], migration["constructs"]["addresses"]
    assert plan["create"] == [], f"the migration plan creates {plan['create']}"
    assert plan["delete"] == [], f"the migration plan destroys {plan['delete']}"
    assert plan["update"] == [], f"the migration plan updates {plan['update']}"
    assert sorted(plan["move"]) == sorted(f"{raw[k]} -> {new[k]}" for k in ("connection", "destination", "target")), plan


def test_migration_apply_keeps_the_same_objects_and_replans_clean(migration):
    tf, d = migration["tf"], migration["dir"]
    tf.terraform.apply(d)
    assert tf.terraform.outputs(d) == migration["before"], "the connection or API destination was replaced"
    state = tf.terraform.run(d, "state", "list", "-no-color").stdout.split()
    new = migration["constructs"]["addresses"]
    assert {new["connection"], new["destination"], new["target"]} <= set(state), state
    assert not any(a in state for a in migration["raw"]["raw"].values()), state
    result = tf.terraform.plan_changes(d)
    assert result.returncode == 0, f"changes after the move was applied:\n{result.output}"
    tf.terraform.destroy(d)
    migration["destroyed"] = True
    n = migration["raw"]["names"]
    with pytest.raises(migration["aws"].events.exceptions.ResourceNotFoundException):
        migration["aws"].events.describe_connection(Name=n["connection"])
