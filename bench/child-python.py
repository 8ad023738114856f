"""One measured Python process of bench/run.js. Prints one JSON line on stdout.

    python bench/child-python.py <lib|raw> <N> <outdir>

Imports cdktf, the AWS provider (deep module) and either the library
(cdktf_eventbridge_connection) or the raw binding
(cdktf_cdktf_provider_aws.cloudwatch_event_connection), builds an App with N
connections (the `shared` case of bench/child-node.js: the same values, secrets
from three shared SSM SecureString reads and a field of one Secrets Manager
secret; the raw stack declares the same four data sources) and synthesizes it.

Peak memory is the sum of the peak RSS (VmHWM) of this process and of the
jsii kernel processes (node) it started, read from /proc before exit.
"""
import time

T0 = time.perf_counter()

import hashlib  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402


def descendants(pid):
    """The ids of all live descendant processes of pid (Linux /proc)."""
    found = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                children = [int(c) for c in f.read().split()]
        except OSError:
            continue
        for child in children:
            found.append(child)
            found.extend(descendants(child))
    return found


def peak_rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_ms(pid):
    """User + system CPU time of a live process, from /proc/<pid>/stat."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def spec(i):
    return {
        "type": ["apiKey", "basic", "oauth"][i % 3],
        "name": f"bench-connection-{i}",
        "description": f"Benchmark connection {i}",
        "header": ("X-Request-Source", "eventbridge"),
        "query": ("tenant", f"tenant-{i}"),
        "secret_header_key": "X-Tenant-Token",
        "api_key_name": "x-api-key",
        "username": f"user-{i}",
        "endpoint": "https://auth.example.com/oauth2/token",
        "client_id": f"client-{i}",
        "oauth_body": ("grant_type", "client_credentials"),
    }


SSM_KEYS = [f"/bench/api-key-{k}" for k in range(3)]
TENANT_SECRET = "bench/tenant"
TENANT_FIELD = "token"


def build_lib(stack, n):
    import cdktf_eventbridge_connection as lib

    keys = [lib.SecretValue.ssm_secure_string(name) for name in SSM_KEYS]
    tenant = lib.SecretValue.secrets_manager(TENANT_SECRET, json_field=TENANT_FIELD)
    for i in range(n):
        s = spec(i)
        secret = keys[i % 3]
        common = dict(
            connection_name=s["name"],
            description=s["description"],
            header_parameters={
                s["header"][0]: lib.HttpParameter.from_string(s["header"][1]),
                s["secret_header_key"]: lib.HttpParameter.from_secret(tenant),
            },
            query_string_parameters={s["query"][0]: lib.HttpParameter.from_string(s["query"][1])},
        )
        cid = f"Connection{i}"
        if s["type"] == "apiKey":
            lib.ApiKeyConnection(stack, cid, api_key_name=s["api_key_name"], api_key_value=secret, **common)
        elif s["type"] == "basic":
            lib.BasicConnection(stack, cid, username=s["username"], password=secret, **common)
        else:
            lib.OAuthConnection(
                stack,
                cid,
                authorization_endpoint=s["endpoint"],
                http_method=lib.HttpMethod.POST,
                client_id=s["client_id"],
                client_secret=secret,
                oauth_body_parameters={s["oauth_body"][0]: lib.HttpParameter.from_string(s["oauth_body"][1])},
                **common,
            )


def build_raw(stack, n):
    from cdktf import Fn, Token
    import cdktf_cdktf_provider_aws.cloudwatch_event_connection as cec
    from cdktf_cdktf_provider_aws.data_aws_secretsmanager_secret_version import DataAwsSecretsmanagerSecretVersion
    from cdktf_cdktf_provider_aws.data_aws_ssm_parameter import DataAwsSsmParameter

    keys = [DataAwsSsmParameter(stack, f"api_key_{k}", name=name, with_decryption=True).value for k, name in enumerate(SSM_KEYS)]
    version = DataAwsSecretsmanagerSecretVersion(stack, "tenant", secret_id=TENANT_SECRET)
    tenant = Token.as_string(Fn.lookup(Fn.jsondecode(version.secret_string), TENANT_FIELD))
    Header = cec.CloudwatchEventConnectionAuthParametersInvocationHttpParametersHeader
    for i in range(n):
        s = spec(i)
        secret = keys[i % 3]
        invocation = cec.CloudwatchEventConnectionAuthParametersInvocationHttpParameters(
            header=[
                Header(key=s["header"][0], value=s["header"][1], is_value_secret=False),
                Header(key=s["secret_header_key"], value=tenant, is_value_secret=True),
            ],
            query_string=[cec.CloudwatchEventConnectionAuthParametersInvocationHttpParametersQueryString(
                key=s["query"][0], value=s["query"][1], is_value_secret=False)],
        )
        if s["type"] == "apiKey":
            authorization_type = "API_KEY"
            auth = cec.CloudwatchEventConnectionAuthParameters(
                api_key=cec.CloudwatchEventConnectionAuthParametersApiKey(key=s["api_key_name"], value=secret),
                invocation_http_parameters=invocation,
            )
        elif s["type"] == "basic":
            authorization_type = "BASIC"
            auth = cec.CloudwatchEventConnectionAuthParameters(
                basic=cec.CloudwatchEventConnectionAuthParametersBasic(username=s["username"], password=secret),
                invocation_http_parameters=invocation,
            )
        else:
            authorization_type = "OAUTH_CLIENT_CREDENTIALS"
            auth = cec.CloudwatchEventConnectionAuthParameters(
                oauth=cec.CloudwatchEventConnectionAuthParametersOauth(
                    authorization_endpoint=s["endpoint"],
                    http_method="POST",
                    client_parameters=cec.CloudwatchEventConnectionAuthParametersOauthClientParameters(
                        client_id=s["client_id"], client_secret=secret),
                    oauth_http_parameters=cec.CloudwatchEventConnectionAuthParametersOauthOauthHttpParameters(
                        body=[cec.CloudwatchEventConnectionAuthParametersOauthOauthHttpParametersBody(
                            key=s["oauth_body"][0], value=s["oauth_body"][1], is_value_secret=False)],
                    ),
                ),
                invocation_http_parameters=invocation,
            )
        cec.CloudwatchEventConnection(
            stack,
            f"Connection{i}",
            name=s["name"],
            description=s["description"],
            authorization_type=authorization_type,
            auth_parameters=auth,
        )


def normalized_blocks(doc):
    """Every block without construct metadata, references to the secret data sources named by
    what they read and any other logical id replaced by `_`, sorted (as bench/child-node.js)."""
    names = {}
    for typ, key in (("aws_ssm_parameter", "name"), ("aws_secretsmanager_secret_version", "secret_id")):
        for lid, block in doc.get("data", {}).get(typ, {}).items():
            names[f"data.{typ}.{lid}"] = f"data.{typ}.<{block[key]}>"
    ref = re.compile(r"\b(data\.)?(aws_[a-z0-9_]+)\.([A-Za-z0-9_-]+)\.")

    def sub(m):
        prefix = (m.group(1) or "") + m.group(2)
        return names.get(f"{prefix}.{m.group(3)}", f"{prefix}._") + "."

    out = []
    for section in ("resource", "data"):
        for typ, blocks in doc.get(section, {}).items():
            for block in blocks.values():
                text = json.dumps({k: v for k, v in block.items() if k != "//"}, sort_keys=True)
                out.append(f"{section}.{typ} {ref.sub(sub, text)}")
    return sorted(out)


def main():
    impl, n, outdir = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    if impl not in ("lib", "raw"):
        raise SystemExit(f"unknown implementation {impl}")

    from cdktf import App, TerraformStack
    from cdktf_cdktf_provider_aws.provider import AwsProvider

    if impl == "lib":
        import cdktf_eventbridge_connection  # noqa: F401
    else:
        import cdktf_cdktf_provider_aws.cloudwatch_event_connection  # noqa: F401
    t1 = time.perf_counter()

    app = App(outdir=outdir)
    stack = TerraformStack(app, "bench")
    AwsProvider(stack, "aws", region="us-east-1")
    (build_lib if impl == "lib" else build_raw)(stack, n)
    t2 = time.perf_counter()
    app.synth()
    t3 = time.perf_counter()

    with open(os.path.join(outdir, "stacks", "bench", "cdk.tf.json")) as f:
        doc = json.load(f)
    blocks = normalized_blocks(doc)

    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kernel_pids = descendants(os.getpid())
    kernel = sum(peak_rss_kb(pid) for pid in kernel_pids)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    python_cpu = (usage.ru_utime + usage.ru_stime) * 1000
    kernel_cpu = sum(cpu_ms(pid) for pid in kernel_pids)
    result = {
        "importMs": (t1 - T0) * 1000,
        "buildMs": (t2 - t1) * 1000,
        "synthMs": (t3 - t2) * 1000,
        "connections": len(doc.get("resource", {}).get("aws_cloudwatch_event_connection", {})),
        "outputHash": hashlib.sha256("\n".join(blocks).encode()).hexdigest()[:16],
        "pythonRssKb": own,
        "kernelRssKb": kernel,
        "maxRssKb": own + kernel,
        "cpuMs": python_cpu + kernel_cpu,
        "pythonCpuMs": python_cpu,
        "kernelCpuMs": kernel_cpu,
        "inProcessMs": (time.perf_counter() - T0) * 1000,
    }
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
