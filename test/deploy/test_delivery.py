"""Delivery, end to end: an event put on the bus reaches a local HTTPS endpoint through the
deployed rule, the ApiDestinationTarget and the API destination, as the library rendered them.

A moto server of this module's own runs with MOTO_EVENTS_INVOKE_HTTP=true: when an event matches
a rule whose target is an API destination, moto sends an HTTP request to the destination's
invocation endpoint with the destination's method and the target's HttpParameters (header
parameters and query string). The endpoint is an HTTPS server on 127.0.0.1 and a free port, with
a certificate made for this run; only that moto process trusts it (REQUESTS_CA_BUNDLE in its own
environment). Both servers are stopped whatever happens.

What this proves: the deployed target points at the deployed API destination, the destination's
endpoint and method are the ones rendered, the rule's pattern selects the events it should, and
the target's header and query string parameters reach the wire. What moto (5.2) does not do, so
this cannot prove: send the event (or the target's `input` / input transformer output) as the
body, fill path parameters, add the connection's authorization header or its invocation
parameters, or deliver from EventBridge Pipes or Step Functions. test_moto_sends_no_body pins
the first of these, so a moto that starts sending bodies is noticed here.
"""
from __future__ import annotations

import datetime
import http.server
import ipaddress
import json
import secrets
import ssl
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import harness

HERE = Path(__file__).resolve().parent
SYNTH = HERE / "synth_delivery.js"
PREFIX = f"dl{secrets.token_hex(3)}"


# --------------------------------------------------------------------------
# The HTTPS endpoint
# --------------------------------------------------------------------------

def self_signed_certificate(directory: Path) -> tuple[Path, Path]:
    """A certificate and key for 127.0.0.1, valid for a day, made for this run."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = directory / "endpoint.crt", directory / "endpoint.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes


@dataclass
class Endpoint:
    """An HTTPS server on 127.0.0.1 that records every request and answers 200."""
    url: str
    cert: Path
    server: http.server.ThreadingHTTPServer
    thread: threading.Thread
    received: list[Request] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def requests(self) -> list[Request]:
        with self.lock:
            return list(self.received)

    def wait_for(self, count: int, timeout: float = 15.0) -> list[Request]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            got = self.requests()
            if len(got) >= count:
                return got
            time.sleep(0.1)
        return self.requests()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=10)


def start_endpoint(directory: Path) -> Endpoint:
    cert, key = self_signed_certificate(directory)
    endpoint: Endpoint | None = None

    class Handler(http.server.BaseHTTPRequestHandler):
        def _record(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            parsed = urllib.parse.urlsplit(self.path)
            with endpoint.lock:
                endpoint.received.append(Request(
                    self.command, parsed.path, urllib.parse.parse_qs(parsed.query, keep_blank_values=True),
                    {k.lower(): v for k, v in self.headers.items()}, body))
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"{}")

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = _record

        def log_message(self, *args) -> None:  # quiet: the test reports what it saw
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, name="delivery-endpoint", daemon=True)
    endpoint = Endpoint(f"https://127.0.0.1:{server.server_address[1]}", cert, server, thread)
    thread.start()
    return endpoint


# --------------------------------------------------------------------------
# Fixtures
# --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def endpoint(tf):
    directory = tf.workdir / "delivery-endpoint"
    directory.mkdir(parents=True, exist_ok=True)
    server = start_endpoint(directory)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def delivering_moto(tf, endpoint):
    """A moto server that invokes API destinations over HTTP, trusting the endpoint's certificate only."""
    server = harness.MotoServer(tf.workdir / "moto-delivery.log", env={
        "MOTO_EVENTS_INVOKE_HTTP": "true",
        "REQUESTS_CA_BUNDLE": str(endpoint.cert),
    })
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def events(delivering_moto):
    return harness.aws_client("events", delivering_moto.endpoint)


def synth(outdir: Path, moto_endpoint: str, url: str) -> dict:
    """Runs synth_delivery.js (harness.run_synth: the matrix entry's library and Node.js)."""
    return harness.run_synth(SYNTH, outdir, ["--endpoint", moto_endpoint, "--prefix", PREFIX, "--url", url])


@pytest.fixture(scope="module")
def deployed(tf, endpoint, delivering_moto):
    """The delivery stack synthesized with the entry's library and applied to the delivering moto."""
    manifest = synth(tf.workdir / "delivery" / "synth", delivering_moto.endpoint, endpoint.url)
    stack_dir = tf.workdir / "delivery" / "stack"
    tf.prepare(manifest["config"], stack_dir)
    tf.terraform.init(stack_dir)
    tf.terraform.apply(stack_dir)
    try:
        yield manifest
    finally:
        tf.terraform.destroy(stack_dir)


def put_event(events, source: str, detail_type: str, detail: dict) -> None:
    response = events.put_events(Entries=[{
        "Source": source, "DetailType": detail_type, "Detail": json.dumps(detail), "EventBusName": "default"}])
    assert response["FailedEntryCount"] == 0, response


# --------------------------------------------------------------------------
# Tests (in this order: each one's events add to the endpoint's record)
# --------------------------------------------------------------------------

def test_the_deployed_target_points_at_the_deployed_destination(deployed, events):
    n = deployed["names"]
    destination_arn = events.describe_api_destination(Name=n["destination"])["ApiDestinationArn"]
    for key in ("orders", "refunds"):
        (t,) = [t for t in events.list_targets_by_rule(Rule=n[key]["rule"])["Targets"] if t["Id"] == n[key]["targetId"]]
        assert t["Arn"] == destination_arn
        assert t["HttpParameters"]["HeaderParameters"] == n[key]["headerParameters"]


def test_an_event_that_matches_no_rule_is_not_delivered(deployed, events, endpoint):
    n = deployed["names"]
    before = len(endpoint.requests())
    put_event(events, f"{n['source']}.other", "order.placed", {"id": "ignored-1"})
    put_event(events, n["source"], "order.shipped", {"id": "ignored-2"})
    # moto invokes the destination while it handles PutEvents; wait a little longer anyway.
    time.sleep(1.0)
    assert endpoint.requests()[before:] == []


def test_a_matching_event_arrives_once_with_the_rendered_method_path_query_and_headers(deployed, events, endpoint):
    n = deployed["names"]
    orders = n["orders"]
    before = len(endpoint.requests())
    put_event(events, n["source"], orders["detailType"], {"id": "order-1"})
    got = endpoint.wait_for(before + 1)[before:]
    time.sleep(1.0)  # a second delivery would arrive now
    got = endpoint.requests()[before:]
    assert len(got) == 1, [(r.method, r.path, r.query) for r in got]
    (request,) = got
    assert request.method == n["method"]
    assert request.path == n["path"]
    assert request.query == {k: [v] for k, v in orders["queryStringParameters"].items()}
    for key, value in orders["headerParameters"].items():
        assert request.headers.get(key.lower()) == value, f"header {key}: {request.headers}"


def test_each_rule_delivers_through_its_own_target(deployed, events, endpoint):
    n = deployed["names"]
    refunds = n["refunds"]
    before = len(endpoint.requests())
    put_event(events, n["source"], refunds["detailType"], {"id": "refund-1"})
    endpoint.wait_for(before + 1)
    time.sleep(1.0)
    got = endpoint.requests()[before:]
    assert len(got) == 1, [(r.method, r.path, r.query) for r in got]
    (request,) = got
    assert request.headers.get("x-route") == "refunds"
    assert "x-delivery-run" not in request.headers, "the orders target's headers leaked into the refunds target"
    assert request.query == {}


def test_moto_sends_no_body(deployed, endpoint):
    """moto 5.2 sends neither the event nor the target's `input` as the body: the refunds target's
    fixed input (and so any input transformer) cannot be checked on the wire here. If this fails,
    moto has started sending bodies: check them (the refunds target's input is in the manifest)."""
    delivered = endpoint.requests()
    assert delivered, "nothing was delivered before this test"
    assert all(r.body == b"" for r in delivered), [r.body for r in delivered]
