#!/usr/bin/python3
"""Asks a running CustodySettle service two questions over real gRPC (Debian's python3-grpcio):

    grpc_probe.py HOST:PORT health     grpc.health.v1.Health/Check for the whole server
    grpc_probe.py HOST:PORT services   the services server reflection lists

It needs no .proto files: the two requests and replies are tiny, so they are encoded by hand
(protobuf wire format: a key byte (field << 3 | wire type), then a varint or a length and bytes).
Exit status 0 when the server is SERVING / answered, 1 otherwise.
"""
import sys

import grpc

from grpcurl import fields, identity  # the protobuf wire decoding both scripts use

SERVING_STATUS = {0: "UNKNOWN", 1: "SERVING", 2: "NOT_SERVING", 3: "SERVICE_UNKNOWN"}


def health(channel):
    check = channel.unary_unary("/grpc.health.v1.Health/Check", request_serializer=identity, response_deserializer=identity)
    reply = check(b"", timeout=5)  # HealthCheckRequest{service: ""} is the empty message
    status = dict(fields(reply)).get(1, 0)
    print(SERVING_STATUS.get(status, status))
    return status == 1


def services(channel):
    info = channel.stream_stream("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
                                 request_serializer=identity, response_deserializer=identity)
    # ServerReflectionRequest{list_services: ""}: field 7, length-delimited, empty.
    for reply in info(iter([b"\x3a\x00"]), timeout=5):
        for number, value in fields(reply):
            if number == 6:  # list_services_response
                for _, service in fields(value):
                    print(dict(fields(service))[1].decode())
    return True


def main():
    if len(sys.argv) != 3 or sys.argv[2] not in ("health", "services"):
        print(__doc__, file=sys.stderr)
        return 2
    with grpc.insecure_channel(sys.argv[1]) as channel:
        try:
            return 0 if (health if sys.argv[2] == "health" else services)(channel) else 1
        except grpc.RpcError as error:
            print(f"{error.code().name}: {error.details()}", file=sys.stderr)
            return 1


if __name__ == "__main__":
    sys.exit(main())
