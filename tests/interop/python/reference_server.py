#!/usr/bin/python3
"""Reference gRPC server for the interop peers, built on Python grpcio (Debian python3-grpcio).

It implements custodysettle.testing.v1.Echo as its proto comments define, grpc.health.v1.Health and
both reflection services (v1alpha and v1; hand-written here because Debian has no
grpcio-reflection). Its purpose is to prove the peers (peer.py, ../node/peer.js) are right: every
scenario must pass against this server before a failure against CustodySettle's own server means
anything.

    /usr/bin/python3 tests/interop/python/reference_server.py --port 50099

Prints "listening on 127.0.0.1:PORT" once ready (--port 0 picks a free port). Stops on SIGINT or
SIGTERM, or by itself after --lifetime seconds (default 600) so a forgotten server never lingers.
Listens on 127.0.0.1 only. Message limits are grpcio's defaults: 4 MiB receive, unlimited send.
"""

import argparse
import signal
import sys
import threading
import time
from concurrent import futures

sys.dont_write_bytecode = True  # keep __pycache__ out of the working tree
import grpc  # noqa: E402

import interop_protos  # noqa: E402

ECHO = "custodysettle.testing.v1.Echo"
HEALTH = "grpc.health.v1.Health"
REFLECTION_SERVICES = ["grpc.reflection.v1alpha.ServerReflection", "grpc.reflection.v1.ServerReflection"]

# grpc.StatusCode members by wire number, to turn EchoRequest.status_code into a status.
STATUS_BY_NUMBER = {code.value[0]: code for code in grpc.StatusCode}

# Upper bound for anything that waits on a client (Observe, Health.Watch): nothing waits forever.
OBSERVE_WAIT_S = 10.0
WATCH_MAX_S = 300.0


class Record:
    """What a ServerStream/Sleep handler did, for Observe. Guarded by Records.cond."""

    def __init__(self):
        self.cancelled = False
        self.messages_sent = 0
        self.finished = False
        # Set when the RPC ends before the handler finished, i.e. the call was cancelled (client
        # cancel, deadline, connection loss). grpcio runs add_callback callbacks on *every* RPC
        # termination; a normal termination only happens after the handler has finished, so
        # "terminated while not finished" is exactly "cancelled".
        self.terminated = threading.Event()


class Records:
    def __init__(self):
        self.cond = threading.Condition()
        self.by_tag = {}

    def start(self, tag, context):
        rec = Record()
        with self.cond:
            self.by_tag[tag] = rec

        def on_termination():
            with self.cond:
                if not rec.finished:
                    rec.cancelled = True
                self.cond.notify_all()
            rec.terminated.set()

        if not context.add_callback(on_termination):
            on_termination()  # the RPC had already terminated
        return rec

    def sent_one(self, rec):
        with self.cond:
            rec.messages_sent += 1

    def finish(self, rec):
        with self.cond:
            rec.finished = True
            self.cond.notify_all()

    def observe(self, tag):
        """Waits up to OBSERVE_WAIT_S for the handler under `tag` to finish; returns a snapshot."""
        deadline = time.monotonic() + OBSERVE_WAIT_S
        with self.cond:
            while True:
                rec = self.by_tag.get(tag)
                if rec is not None and rec.finished:
                    break
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self.cond.wait(left)
            if rec is None:
                return False, 0, False
            return rec.cancelled, rec.messages_sent, rec.finished


class EchoService:
    def __init__(self, protos):
        self.EchoReply = protos.msg("custodysettle.testing.v1.EchoReply")
        self.Observation = protos.msg("custodysettle.testing.v1.Observation")
        self.records = Records()

    def unary(self, request, context):
        # Send x-echo-* request metadata back in headers and trailers, also when failing. grpcio
        # hands "-bin" values over as bytes (already base64-decoded) and accepts bytes back.
        echoed = tuple((k, v) for k, v in context.invocation_metadata() if k.startswith("x-echo-"))
        if echoed:
            context.send_initial_metadata(echoed)
            context.set_trailing_metadata(echoed)
        if request.status_code != 0:
            code = STATUS_BY_NUMBER.get(request.status_code, grpc.StatusCode.UNKNOWN)
            context.abort(code, request.status_message)  # raises; grpcio percent-encodes the text
        payload = request.payload
        if request.reply_payload_size > 0:
            payload = bytes(request.reply_payload_size)
        return self.EchoReply(message=request.message, payload=payload)

    def server_stream(self, request, context):
        rec = self.records.start(request.tag, context)
        payload = bytes(max(request.payload_size, 0))
        try:
            for i in range(max(request.count, 0)):
                if i > 0 and request.interval_ms > 0:
                    rec.terminated.wait(request.interval_ms / 1000.0)
                if rec.terminated.is_set():
                    return
                # grpcio resumes this generator only after the previous message was handed to the
                # transport (and stops resuming it once the call is cancelled), so counting after
                # the yield counts messages actually written.
                yield self.EchoReply(payload=payload, sequence=i)
                self.records.sent_one(rec)
        finally:
            # Also reached when grpcio abandons the generator after a cancel: CPython closes it
            # (GeneratorExit at the yield) as soon as the server drops its last reference.
            self.records.finish(rec)

    def client_stream(self, request_iterator, context):
        messages = [r.message for r in request_iterator]
        return self.EchoReply(message=",".join(messages), count=len(messages))

    def duplex(self, request_iterator, context):
        for seq, r in enumerate(request_iterator):
            yield self.EchoReply(message=r.message, sequence=seq)

    def sleep(self, request, context):
        rec = self.records.start(request.tag, context)
        try:
            # Returns early when the call is cancelled (deadline or client cancel).
            rec.terminated.wait(max(request.duration_ms, 0) / 1000.0)
            return self.EchoReply()
        finally:
            self.records.finish(rec)

    def observe(self, request, context):
        cancelled, sent, finished = self.records.observe(request.tag)
        return self.Observation(cancelled=cancelled, messages_sent=sent, finished=finished)

    def handler(self, protos):
        m = protos.msg
        req = m("custodysettle.testing.v1.EchoRequest").FromString
        rep = m("custodysettle.testing.v1.EchoReply").SerializeToString
        return grpc.method_handlers_generic_handler(ECHO, {
            "Unary": grpc.unary_unary_rpc_method_handler(self.unary, req, rep),
            "ServerStream": grpc.unary_stream_rpc_method_handler(
                self.server_stream, m("custodysettle.testing.v1.StreamRequest").FromString, rep),
            "ClientStream": grpc.stream_unary_rpc_method_handler(self.client_stream, req, rep),
            "Duplex": grpc.stream_stream_rpc_method_handler(self.duplex, req, rep),
            "Sleep": grpc.unary_unary_rpc_method_handler(
                self.sleep, m("custodysettle.testing.v1.SleepRequest").FromString, rep),
            "Observe": grpc.unary_unary_rpc_method_handler(
                self.observe, m("custodysettle.testing.v1.ObserveRequest").FromString,
                m("custodysettle.testing.v1.Observation").SerializeToString),
        })


class HealthService:
    # Services that report SERVING; "" is the server as a whole.
    SERVING = {"", ECHO}

    def __init__(self, protos):
        self.Response = protos.msg("grpc.health.v1.HealthCheckResponse")
        self.Request = protos.msg("grpc.health.v1.HealthCheckRequest")

    def check(self, request, context):
        if request.service not in self.SERVING:
            context.abort(grpc.StatusCode.NOT_FOUND, "unknown service " + request.service)
        return self.Response(status=self.Response.SERVING)

    def watch(self, request, context):
        # Standard semantics: unknown services get SERVICE_UNKNOWN (not an error); then the stream
        # stays open for status changes (there are none here) until the client goes away.
        status = self.Response.SERVING if request.service in self.SERVING else self.Response.SERVICE_UNKNOWN
        ended = threading.Event()
        if not context.add_callback(ended.set):
            return
        yield self.Response(status=status)
        ended.wait(WATCH_MAX_S)

    def handler(self):
        return grpc.method_handlers_generic_handler(HEALTH, {
            "Check": grpc.unary_unary_rpc_method_handler(
                self.check, self.Request.FromString, self.Response.SerializeToString),
            "Watch": grpc.unary_stream_rpc_method_handler(
                self.watch, self.Request.FromString, self.Response.SerializeToString),
        })


class ReflectionService:
    """grpc.reflection.{v1alpha,v1}.ServerReflection; both versions share one message layout."""

    def __init__(self, protos, service_name, exposed_services):
        self.protos = protos
        self.service_name = service_name
        package = service_name.rsplit(".", 1)[0]
        self.Request = protos.msg(package + ".ServerReflectionRequest")
        self.Response = protos.msg(package + ".ServerReflectionResponse")
        self.exposed = exposed_services

    def _files_with_deps(self, file_desc):
        """The file and, transitively, its imports, as serialized FileDescriptorProtos."""
        out, seen, todo = [], set(), [file_desc]
        while todo:
            fd = todo.pop(0)
            if fd.name in seen:
                continue
            seen.add(fd.name)
            out.append(self.protos.files[fd.name].SerializeToString())
            todo.extend(fd.dependencies)
        return out

    def _answer(self, request):
        resp = self.Response(valid_host=request.host, original_request=request)
        kind = request.WhichOneof("message_request")
        try:
            if kind == "list_services":
                for name in self.exposed:
                    resp.list_services_response.service.add(name=name)
            elif kind == "file_containing_symbol":
                fd = self.protos.pool.FindFileContainingSymbol(request.file_containing_symbol)
                resp.file_descriptor_response.file_descriptor_proto.extend(self._files_with_deps(fd))
            elif kind == "file_by_filename":
                fd = self.protos.pool.FindFileByName(request.file_by_filename)
                resp.file_descriptor_response.file_descriptor_proto.extend(self._files_with_deps(fd))
            elif kind in ("file_containing_extension", "all_extension_numbers_of_type"):
                raise KeyError("no extensions are registered")  # none of our protos declare any
            else:
                resp.error_response.error_code = grpc.StatusCode.INVALID_ARGUMENT.value[0]
                resp.error_response.error_message = "empty or unsupported request"
        except KeyError as e:
            resp.ClearField("message_response")
            resp.error_response.error_code = grpc.StatusCode.NOT_FOUND.value[0]
            resp.error_response.error_message = str(e)
        return resp

    def info(self, request_iterator, context):
        for request in request_iterator:
            yield self._answer(request)

    def handler(self):
        return grpc.method_handlers_generic_handler(self.service_name, {
            "ServerReflectionInfo": grpc.stream_stream_rpc_method_handler(
                self.info, self.Request.FromString, self.Response.SerializeToString),
        })


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True, help="TCP port on 127.0.0.1 (0 = any free)")
    parser.add_argument("--lifetime", type=float, default=600.0,
                        help="seconds after which the server stops by itself (default 600)")
    args = parser.parse_args()

    protos = interop_protos.Protos()
    # Enough threads for every concurrent call the peers make (streams hold a thread each).
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=32),
                         options=[("grpc.so_reuseport", 0)])
    echo = EchoService(protos)
    handlers = [echo.handler(protos), HealthService(protos).handler()]
    exposed = [ECHO, HEALTH] + REFLECTION_SERVICES
    handlers += [ReflectionService(protos, name, exposed).handler() for name in REFLECTION_SERVICES]
    server.add_generic_rpc_handlers(handlers)
    port = server.add_insecure_port("127.0.0.1:%d" % args.port)
    if port == 0:
        print("cannot bind 127.0.0.1:%d" % args.port, file=sys.stderr)
        return 1

    # Handlers first, so that a signal arriving right after "listening" still stops us cleanly.
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    server.start()
    print("listening on 127.0.0.1:%d" % port, flush=True)
    stop.wait(args.lifetime)
    # Cancels calls still running (their add_callback callbacks fire, so handlers end too).
    server.stop(grace=1).wait(5)
    return 0


if __name__ == "__main__":
    sys.exit(main())
