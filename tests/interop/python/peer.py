#!/usr/bin/python3
"""Interop peer: drives a gRPC server with Python grpcio (Debian python3-grpcio 1.51).

    /usr/bin/python3 tests/interop/python/peer.py --target 127.0.0.1:PORT [scenario ...]

Runs the named scenarios (all when none are named), in the order given. Each prints one JSON line
    {"peer":"python","scenario":NAME,"ok":true|false,"detail":"..."}
and the exit code is 0 only when every requested scenario passed. The scenarios and their names are
the same as in ../node/peer.js; the expected behaviour is the one echo.proto's comments define.

Use /usr/bin/python3: Debian's grpcio is installed for that interpreter only.

Bounded: every RPC carries a deadline, each scenario runs in its own thread and is reported as
failed after SCENARIO_TIMEOUT_S, and the process exits with os._exit so that a stuck thread cannot
keep it alive.
"""

import argparse
import json
import os
import queue
import sys
import threading
import time
import traceback
import uuid

sys.dont_write_bytecode = True  # keep __pycache__ out of the working tree
import grpc  # noqa: E402
from google.protobuf import descriptor_pb2  # noqa: E402

import interop_protos  # noqa: E402

PEER = "python"
SCENARIO_TIMEOUT_S = 30.0
RPC_TIMEOUT_S = 20.0  # deadline for every RPC that has no tighter one of its own
MiB = 1024 * 1024
SERVER_MAX_RECEIVE = 4 * MiB  # the gRPC default limit the server under test must enforce

ECHO = "/custodysettle.testing.v1.Echo/"
PKG = "custodysettle.testing.v1."


class Failure(Exception):
    """A scenario's expectation did not hold; the message is the detail."""


def expect(cond, detail):
    if not cond:
        raise Failure(detail)


def jbool(value):
    """Booleans spelt as in the JSON/proto world (true/false), like the node peer's details."""
    return "true" if value else "false"


def rpc_error_text(e):
    return "%s %r" % (e.code(), e.details())


class Peer:
    def __init__(self, target):
        self.target = target
        self.protos = interop_protos.Protos()
        m = self.protos.msg
        self.EchoRequest = m(PKG + "EchoRequest")
        self.EchoReply = m(PKG + "EchoReply")
        self.StreamRequest = m(PKG + "StreamRequest")
        self.SleepRequest = m(PKG + "SleepRequest")
        self.ObserveRequest = m(PKG + "ObserveRequest")
        self.Observation = m(PKG + "Observation")

    # --- plumbing -------------------------------------------------------------------------------

    def channel(self, options=()):
        # A fresh plain-text channel per scenario, so one scenario's failure cannot poison another.
        return grpc.insecure_channel(self.target, options=list(options))

    def method(self, channel, kind, path, request_cls, response_cls):
        # Calls by path with explicit (de)serializers: no generated stubs needed.
        factory = getattr(channel, kind)
        return factory(path, request_serializer=request_cls.SerializeToString,
                       response_deserializer=response_cls.FromString)

    def echo(self, channel, name):
        kinds = {
            "Unary": ("unary_unary", self.EchoRequest, self.EchoReply),
            "ServerStream": ("unary_stream", self.StreamRequest, self.EchoReply),
            "ClientStream": ("stream_unary", self.EchoRequest, self.EchoReply),
            "Duplex": ("stream_stream", self.EchoRequest, self.EchoReply),
            "Sleep": ("unary_unary", self.SleepRequest, self.EchoReply),
            "Observe": ("unary_unary", self.ObserveRequest, self.Observation),
        }
        kind, req, rep = kinds[name]
        return self.method(channel, kind, ECHO + name, req, rep)

    def observe(self, channel, tag):
        # The server waits up to 10 s for the handler to finish, hence the longer deadline.
        return self.echo(channel, "Observe")(self.ObserveRequest(tag=tag), timeout=RPC_TIMEOUT_S)

    @staticmethod
    def tag(name):
        return "%s-%s-%s" % (PEER, name, uuid.uuid4().hex)

    # --- scenarios ------------------------------------------------------------------------------

    def s_unary(self):
        with self.channel() as ch:
            payload = bytes(i % 256 for i in range(1024))
            reply = self.echo(ch, "Unary")(self.EchoRequest(message="hello ✓", payload=payload),
                                           timeout=RPC_TIMEOUT_S)
            expect(reply.message == "hello ✓", "message: expected 'hello ✓', got %r" % reply.message)
            expect(reply.payload == payload, "payload: expected the 1024 bytes sent, got %d bytes%s"
                   % (len(reply.payload), "" if len(reply.payload) != 1024 else " that differ"))
            return "message and 1 KiB payload echoed"

    def s_status_codes(self):
        problems = []
        with self.channel() as ch:
            unary = self.echo(ch, "Unary")
            for code in range(1, 17):
                text = "ñ 日本 100%% ✓ code %d" % code
                try:
                    unary(self.EchoRequest(status_code=code, status_message=text), timeout=RPC_TIMEOUT_S)
                    problems.append("code %d: call succeeded" % code)
                    continue
                except grpc.RpcError as e:
                    got_code, got_text = e.code().value[0], e.details()
                if got_code != code or got_text != text:
                    problems.append("code %d: expected (%d, %r), got (%d, %r)"
                                    % (code, code, text, got_code, got_text))
        expect(not problems, "; ".join(problems))
        return "codes 1..16 with their percent-encoded messages round-tripped"

    def s_deadline(self):
        tag = self.tag("deadline")
        with self.channel() as ch:
            # Connect first, and give the handler a second to start: on a loaded machine a 300 ms
            # deadline could expire before the request reached the handler, and Observe would then
            # rightly report a handler that never ran.
            self.echo(ch, "Unary")(self.EchoRequest(message="warm-up"), timeout=RPC_TIMEOUT_S)
            start = time.monotonic()
            try:
                self.echo(ch, "Sleep")(self.SleepRequest(duration_ms=5000, tag=tag), timeout=1.0)
                raise Failure("Sleep(5000 ms) with a 1 s deadline succeeded")
            except grpc.RpcError as e:
                elapsed = time.monotonic() - start
                expect(e.code() == grpc.StatusCode.DEADLINE_EXCEEDED,
                       "expected DEADLINE_EXCEEDED, got " + rpc_error_text(e))
            expect(elapsed < 3.0, "DEADLINE_EXCEEDED only after %.2f s (expected < 3 s)" % elapsed)
            obs = self.observe(ch, tag)
            expect(obs.cancelled and obs.finished,
                   "Observe: expected cancelled=true finished=true, got cancelled=%s finished=%s"
                   % (jbool(obs.cancelled), jbool(obs.finished)))
            return "DEADLINE_EXCEEDED after %.2f s; server handler cancelled and finished" % elapsed

    def s_cancel_stream(self):
        tag = self.tag("cancel_stream")
        with self.channel() as ch:
            call = self.echo(ch, "ServerStream")(
                self.StreamRequest(count=100000, interval_ms=5, tag=tag), timeout=RPC_TIMEOUT_S)
            for i in range(10):
                reply = next(call)
                expect(reply.sequence == i, "message %d has sequence %d" % (i, reply.sequence))
            call.cancel()
            expect(call.code() == grpc.StatusCode.CANCELLED,
                   "after cancel() the call reports %s, expected CANCELLED" % call.code())
            obs = self.observe(ch, tag)
            expect(obs.cancelled and obs.finished and obs.messages_sent < 1000,
                   "Observe: expected cancelled=true finished=true messages_sent<1000, got "
                   "cancelled=%s finished=%s messages_sent=%d"
                   % (jbool(obs.cancelled), jbool(obs.finished), obs.messages_sent))
            return "cancelled after 10 messages; server stopped after %d" % obs.messages_sent

    def s_oversize(self):
        # Lift the client's own limits so that only the server's 4 MiB receive limit is tested.
        big = 64 * MiB
        with self.channel([("grpc.max_send_message_length", big),
                           ("grpc.max_receive_message_length", big)]) as ch:
            unary = self.echo(ch, "Unary")
            # Largest payload whose serialized EchoRequest is exactly 4 MiB: subtract the field's
            # tag byte and its length varint (4 bytes for lengths of 2^21..2^28-1).
            fit = SERVER_MAX_RECEIVE - 1 - 4
            exact = self.EchoRequest(payload=bytes(fit))
            expect(exact.ByteSize() == SERVER_MAX_RECEIVE, "bug: request is %d bytes" % exact.ByteSize())
            cases = [
                ("payload 4 MiB + 1", bytes(4 * MiB + 1), grpc.StatusCode.RESOURCE_EXHAUSTED),
                ("message 4 MiB + 1", bytes(fit + 1), grpc.StatusCode.RESOURCE_EXHAUSTED),
                ("message exactly 4 MiB", bytes(fit), grpc.StatusCode.OK),
            ]
            seen = []
            for label, payload, want in cases:
                try:
                    reply = unary(self.EchoRequest(payload=payload), timeout=RPC_TIMEOUT_S)
                    got = grpc.StatusCode.OK
                    expect(reply.payload == payload, "%s: reply payload differs (%d bytes)"
                           % (label, len(reply.payload)))
                except grpc.RpcError as e:
                    got = e.code()
                    expect(got == want, "%s: expected %s, got %s" % (label, want, rpc_error_text(e)))
                expect(got == want, "%s: expected %s, got %s" % (label, want, got))
                seen.append("%s -> %s" % (label, got.name))
            return "; ".join(seen)

    def _expect_unimplemented(self, path):
        with self.channel() as ch:
            # No serializers: request and response are raw bytes (an empty message).
            try:
                ch.unary_unary(path)(b"", timeout=RPC_TIMEOUT_S)
                raise Failure("%s succeeded, expected UNIMPLEMENTED" % path)
            except grpc.RpcError as e:
                expect(e.code() == grpc.StatusCode.UNIMPLEMENTED,
                       "%s: expected UNIMPLEMENTED, got %s" % (path, rpc_error_text(e)))
            return "%s -> UNIMPLEMENTED" % path

    def s_unknown_service(self):
        return self._expect_unimplemented("/custodysettle.testing.v1.Nope/Unary")

    def s_unknown_method(self):
        return self._expect_unimplemented("/custodysettle.testing.v1.Echo/Nope")

    def s_metadata(self):
        sent = {"x-echo-text": "plain value", "x-echo-data-bin": bytes([0, 1, 2, 255, 254, 0x7F])}
        with self.channel() as ch:
            # grpcio base64-encodes "-bin" values itself; they go in and come out as bytes.
            _, call = self.echo(ch, "Unary").with_call(
                self.EchoRequest(message="md"), metadata=tuple(sent.items()), timeout=RPC_TIMEOUT_S)
            problems = []
            for where, md in (("headers", call.initial_metadata()), ("trailers", call.trailing_metadata())):
                for key, value in sent.items():
                    got = [v for k, v in (md or ()) if k == key]
                    if got != [value]:
                        problems.append("%s %s: expected [%r], got %r" % (where, key, value, got))
            expect(not problems, "; ".join(problems))
            return "x-echo-text and x-echo-data-bin echoed in headers and trailers"

    def s_slow_reader(self):
        total = 10000
        with self.channel() as ch:
            call = self.echo(ch, "ServerStream")(
                self.StreamRequest(count=total, payload_size=1024, interval_ms=0,
                                   tag=self.tag("slow_reader")), timeout=RPC_TIMEOUT_S)
            n = 0
            for reply in call:
                expect(reply.sequence == n, "message %d has sequence %d" % (n, reply.sequence))
                expect(len(reply.payload) == 1024, "message %d has %d payload bytes" % (n, len(reply.payload)))
                n += 1
                if n % 500 == 0:
                    time.sleep(0.05)  # read slowly so the server must respect flow control
            expect(n == total, "received %d messages, expected %d" % (n, total))
            expect(call.code() == grpc.StatusCode.OK, "stream ended with %s" % call.code())
            return "all %d messages in order" % total

    def s_client_stream(self):
        with self.channel() as ch:
            requests = iter([self.EchoRequest(message=t) for t in ("a", "b", "c")])
            reply = self.echo(ch, "ClientStream")(requests, timeout=RPC_TIMEOUT_S)
            expect(reply.count == 3 and reply.message == "a,b,c",
                   "expected count=3 message='a,b,c', got count=%d message=%r" % (reply.count, reply.message))
            return "count=3 message='a,b,c'"

    def s_duplex(self):
        outbox = queue.Queue()

        def requests():
            # grpcio pulls requests from this generator on its own thread; None half-closes.
            # The get() timeout bounds it: an exception here makes grpcio cancel the call.
            while True:
                item = outbox.get(timeout=RPC_TIMEOUT_S)
                if item is None:
                    return
                yield item

        with self.channel() as ch:
            call = self.echo(ch, "Duplex")(requests(), timeout=RPC_TIMEOUT_S)
            for seq, text in enumerate(["x", "y", "z", "w", "v"]):
                outbox.put(self.EchoRequest(message=text))
                reply = next(call)  # ping-pong: the next request goes out only after this reply
                expect(reply.message == text and reply.sequence == seq,
                       "reply %d: expected (%r, %d), got (%r, %d)"
                       % (seq, text, seq, reply.message, reply.sequence))
            outbox.put(None)
            extra = list(call)  # drains to the end of the call; raises RpcError on a bad status
            expect(not extra, "%d unexpected replies after half-close" % len(extra))
            expect(call.code() == grpc.StatusCode.OK, "call ended with %s" % call.code())
            return "5 ping-pongs, then OK"

    def s_health(self):
        Req = self.protos.msg("grpc.health.v1.HealthCheckRequest")
        Resp = self.protos.msg("grpc.health.v1.HealthCheckResponse")
        with self.channel() as ch:
            check = self.method(ch, "unary_unary", "/grpc.health.v1.Health/Check", Req, Resp)
            for service in ("", "custodysettle.testing.v1.Echo"):
                status = check(Req(service=service), timeout=RPC_TIMEOUT_S).status
                expect(status == Resp.SERVING, "Check(%r): expected SERVING, got %s"
                       % (service, Resp.ServingStatus.Name(status)))
            try:
                r = check(Req(service="no.such.Service"), timeout=RPC_TIMEOUT_S)
                raise Failure("Check('no.such.Service'): expected NOT_FOUND, got a reply %s"
                              % Resp.ServingStatus.Name(r.status))
            except grpc.RpcError as e:
                expect(e.code() == grpc.StatusCode.NOT_FOUND,
                       "Check('no.such.Service'): expected NOT_FOUND, got " + rpc_error_text(e))
            watch = self.method(ch, "unary_stream", "/grpc.health.v1.Health/Watch", Req, Resp)
            call = watch(Req(service=""), timeout=RPC_TIMEOUT_S)
            first = next(call)
            call.cancel()  # Watch never ends by itself
            expect(first.status == Resp.SERVING, "Watch(''): first status %s, expected SERVING"
                   % Resp.ServingStatus.Name(first.status))
            return "Check ''/Echo SERVING, unknown NOT_FOUND, Watch '' SERVING"

    def s_reflection(self):
        results = []
        with self.channel() as ch:
            for version in ("v1alpha", "v1"):
                results.append(self._reflection(ch, version))
        return "; ".join(results)

    def _reflection(self, ch, version):
        pkg = "grpc.reflection.%s." % version
        Req = self.protos.msg(pkg + "ServerReflectionRequest")
        Resp = self.protos.msg(pkg + "ServerReflectionResponse")
        info = self.method(ch, "stream_stream", "/%sServerReflection/ServerReflectionInfo" % pkg, Req, Resp)
        requests = [Req(list_services=""),
                    Req(file_containing_symbol="custodysettle.testing.v1.Echo"),
                    Req(file_containing_symbol="no.such.Symbol")]
        # Reflection answers each request in order; sending all then half-closing is allowed.
        try:
            replies = list(info(iter(requests), timeout=RPC_TIMEOUT_S))
        except grpc.RpcError as e:
            raise Failure("%s: call failed: %s" % (version, rpc_error_text(e)))
        expect(len(replies) == 3, "%s: expected 3 responses, got %d" % (version, len(replies)))
        listed, by_symbol, unknown = replies

        expect(listed.WhichOneof("message_response") == "list_services_response",
               "%s list_services: got %s" % (version, listed.WhichOneof("message_response")))
        names = {s.name for s in listed.list_services_response.service}
        wanted = {"custodysettle.testing.v1.Echo", "grpc.health.v1.Health",
                  "grpc.reflection.v1alpha.ServerReflection", "grpc.reflection.v1.ServerReflection"}
        expect(wanted <= names, "%s list_services: missing %s (got %s)"
               % (version, sorted(wanted - names), sorted(names)))

        expect(by_symbol.WhichOneof("message_response") == "file_descriptor_response",
               "%s file_containing_symbol(Echo): got %s %s" % (version, by_symbol.WhichOneof("message_response"),
                                                               by_symbol.error_response))
        methods = None
        for raw in by_symbol.file_descriptor_response.file_descriptor_proto:
            fdp = descriptor_pb2.FileDescriptorProto.FromString(raw)
            if not fdp.name.endswith("echo.proto"):
                continue
            for svc in fdp.service:
                if svc.name == "Echo" and fdp.package == "custodysettle.testing.v1":
                    methods = [m.name for m in svc.method]
        expect(methods is not None, "%s: no echo.proto declaring custodysettle.testing.v1.Echo" % version)
        want_methods = ["Unary", "ServerStream", "ClientStream", "Duplex", "Sleep", "Observe"]
        expect(sorted(methods) == sorted(want_methods),
               "%s: Echo methods %s, expected %s" % (version, methods, want_methods))

        expect(unknown.WhichOneof("message_response") == "error_response"
               and unknown.error_response.error_code == 5,
               "%s file_containing_symbol(no.such.Symbol): expected error_response code 5, got %s"
               % (version, str(unknown).replace("\n", " ")))
        return "%s ok (%d services listed)" % (version, len(names))


def scenario_names():
    return [n[2:] for n in vars(Peer) if n.startswith("s_")]


def report(name, ok, detail):
    line = json.dumps({"peer": PEER, "scenario": name, "ok": ok, "detail": detail}, ensure_ascii=False,
                      separators=(",", ":"))
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def run_one(peer, name):
    """Runs one scenario on its own thread so a hang turns into a failure after the timeout."""
    result = {}

    def body():
        try:
            result["ok"], result["detail"] = True, getattr(peer, "s_" + name)() or ""
        except Failure as e:
            result["ok"], result["detail"] = False, str(e)
        except grpc.RpcError as e:
            result["ok"], result["detail"] = False, "unexpected RPC error: " + rpc_error_text(e)
        except Exception as e:  # noqa: BLE001 - any surprise is a failed scenario, not a crash
            tb = traceback.extract_tb(e.__traceback__)[-1]
            result["ok"], result["detail"] = False, "unexpected %s: %s (line %d)" % (
                type(e).__name__, e, tb.lineno)

    t = threading.Thread(target=body, name=name, daemon=True)
    t.start()
    t.join(SCENARIO_TIMEOUT_S)
    if t.is_alive():
        return False, "timed out after %.0f s" % SCENARIO_TIMEOUT_S
    return result["ok"], result["detail"]


def main():
    all_names = scenario_names()
    parser = argparse.ArgumentParser(description="gRPC interop peer (Python grpcio)")
    parser.add_argument("--target", required=True, help="HOST:PORT of the server, e.g. 127.0.0.1:50051")
    parser.add_argument("scenarios", nargs="*", metavar="scenario",
                        help="scenarios to run (default: all): " + " ".join(all_names))
    args = parser.parse_args()
    unknown = [n for n in args.scenarios if n not in all_names]
    if unknown:
        parser.error("unknown scenario(s): %s (known: %s)" % (" ".join(unknown), " ".join(all_names)))

    sys.stdout.reconfigure(encoding="utf-8")
    try:
        peer = Peer(args.target)
    except Exception as e:  # noqa: BLE001 - e.g. protoc missing: every scenario fails, say why
        peer, setup_error = None, "setup failed: %s: %s" % (type(e).__name__, e)
    all_ok = True
    for name in args.scenarios or all_names:
        ok, detail = run_one(peer, name) if peer else (False, setup_error)
        all_ok = all_ok and ok
        report(name, ok, detail)
    sys.stdout.flush()
    # os._exit: a scenario thread that timed out may still be blocked inside grpcio.
    os._exit(0 if all_ok else 1)


if __name__ == "__main__":
    main()
