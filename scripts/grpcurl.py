#!/usr/bin/python3
"""A grpcurl stand-in for the documented examples (docs/api-guide.md), on Debian's python3-grpcio.

grpcurl is not packaged in Debian; this takes the subset of its command line the guide uses, and
finds every message type through the server's reflection service as grpcurl does (no .proto files):

    grpcurl.py [-plaintext] [-H 'name: value']... [-d '{json}'] HOST:PORT list [SERVICE]
    grpcurl.py [-plaintext] [-H 'name: value']... [-d '{json}'] HOST:PORT SERVICE/METHOD

Unary and server-streaming methods; each response is printed as JSON (lowerCamelCase field names,
unset fields left out, two-space indent) as grpcurl prints it. A failed call prints grpcurl's
"ERROR:" block on standard error; the exit status is then 64 + the gRPC status code (grpcurl's own
convention), 1 for a usage or connection error, 0 otherwise.
"""
import sys

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool, json_format, message_factory

REFLECTION = "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo"


def varint(data, i):
    shift = result = 0
    while True:
        byte = data[i]
        i += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return result, i


def fields(data):
    """(field number, value) of a protobuf message: ints for varints, bytes for length-delimited."""
    i = 0
    while i < len(data):
        key, i = varint(data, i)
        number, wire_type = key >> 3, key & 7
        if wire_type == 0:
            value, i = varint(data, i)
        elif wire_type == 2:
            length, i = varint(data, i)
            value, i = data[i:i + length], i + length
        else:
            raise ValueError(f"unexpected wire type {wire_type}")
        yield number, value


def length_delimited(number, text):
    """One string field of a request (ServerReflectionRequest's are all strings)."""
    data = text.encode()
    out, length = bytearray([number << 3 | 2]), len(data)
    while length > 0x7F:
        out.append(length & 0x7F | 0x80)
        length >>= 7
    out.append(length)
    return bytes(out) + data


def identity(b):
    return b


class Reflection:
    """Asks the server's reflection service, one request per question, on one channel."""

    def __init__(self, channel, metadata):
        self._info = channel.stream_stream(REFLECTION, request_serializer=identity, response_deserializer=identity)
        self._metadata = metadata

    def ask(self, request):
        for reply in self._info(iter([request]), timeout=10, metadata=self._metadata):
            for number, value in fields(reply):
                if number == 7:  # error_response
                    raise LookupError(dict(fields(value)).get(2, b"").decode())
                if number in (4, 6):  # file_descriptor_response, list_services_response
                    return number, value
        raise LookupError("no answer from server reflection")

    def services(self):
        _, listed = self.ask(length_delimited(7, ""))
        return sorted(dict(fields(service))[1].decode() for _, service in fields(listed))

    def pool_for(self, symbol):
        """A descriptor pool holding the file that defines symbol and every file it imports."""
        pool, added = descriptor_pool.DescriptorPool(), set()
        protos = {}

        def collect(request):
            _, response = self.ask(request)
            for _, raw in fields(response):
                proto = descriptor_pb2.FileDescriptorProto.FromString(raw)
                protos.setdefault(proto.name, proto)

        collect(length_delimited(4, symbol))  # file_containing_symbol
        pending = True
        while pending:
            pending = False
            for proto in list(protos.values()):
                for dependency in proto.dependency:
                    if dependency not in protos:
                        if dependency.startswith("google/protobuf/"):
                            known = descriptor_pb2.FileDescriptorProto()
                            descriptor_pool.Default().FindFileByName(dependency).CopyToProto(known)
                            protos[dependency] = known
                        else:
                            collect(length_delimited(3, dependency))  # file_by_filename
                        pending = True

        def add(name):
            if name not in added:
                for dependency in protos[name].dependency:
                    add(dependency)
                pool.Add(protos[name])
                added.add(name)

        for name in list(protos):
            add(name)
        return pool


def parse(argv):
    headers, data, rest = [], "{}", []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "-plaintext":
            pass
        elif arg == "-H" and i + 1 < len(argv):
            name, _, value = argv[i + 1].partition(":")
            headers.append((name.strip().lower(), value.strip()))
            i += 1
        elif arg == "-d" and i + 1 < len(argv):
            data = argv[i + 1]
            i += 1
        elif arg.startswith("-"):
            raise SystemExit(f"unsupported option {arg} (see {sys.argv[0]} for the subset supported)")
        else:
            rest.append(arg)
        i += 1
    if len(rest) < 2:
        raise SystemExit(__doc__)
    return headers, data, rest[0], rest[1:]


def main():
    try:
        headers, data, target, what = parse(sys.argv[1:])
    except SystemExit as usage:
        print(usage, file=sys.stderr)
        return 1
    with grpc.insecure_channel(target) as channel:
        reflection = Reflection(channel, headers)
        try:
            if what[0] == "list":
                if len(what) == 1:
                    print("\n".join(reflection.services()))
                else:
                    service = reflection.pool_for(what[1]).FindServiceByName(what[1])
                    print("\n".join(f"{service.full_name}.{m.name}" for m in service.methods))
                return 0
            service_name, _, method_name = what[0].replace("/", ".").rpartition(".")
            pool = reflection.pool_for(service_name)
            method = pool.FindServiceByName(service_name).FindMethodByName(method_name)
            factory = message_factory.MessageFactory(pool)
            request = json_format.Parse(data, factory.GetPrototype(method.input_type)())
            reply_type = factory.GetPrototype(method.output_type)
            path = f"/{service_name}/{method_name}"
            call = (channel.unary_stream if method.server_streaming else channel.unary_unary)(
                path, request_serializer=lambda m: m.SerializeToString(), response_deserializer=reply_type.FromString)
            replies = call(request, timeout=30, metadata=headers)
            for reply in (replies if method.server_streaming else [replies]):
                print(json_format.MessageToJson(reply, indent=2))
            return 0
        except grpc.RpcError as error:
            code = error.code()
            name = "".join(part.capitalize() for part in code.name.split("_"))
            print(f"ERROR:\n  Code: {name}\n  Message: {error.details()}", file=sys.stderr)
            return 64 + code.value[0]
        except (LookupError, KeyError, json_format.ParseError) as error:
            print(f"Error: {error}", file=sys.stderr)
            return 1


if __name__ == "__main__":
    sys.exit(main())
