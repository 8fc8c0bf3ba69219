using CustodySettle.Grpc.Reflection;
using CustodySettle.Testing.Interop;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using FieldType = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;
using HealthProto = Grpc.Health.V1.HealthReflection;
using Label = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Label;
using ReflectionV1AlphaProto = Grpc.Reflection.V1Alpha.ReflectionReflection;
using ReflectionV1Proto = Grpc.Reflection.V1.ReflectionReflection;

namespace CustodySettle.Grpc.Tests.Reflection;

/// <summary>
/// Descriptors to reflect on: the generated Echo, health and reflection files, and "ledger.proto", built
/// here at run time because no generated file has everything reflection must handle: a diamond of
/// imports (api.proto reaches source_context.proto directly and through type.proto), nested messages
/// and enums, and an extension (a custom option, the one place proto3 allows them).
/// </summary>
internal static class TestDescriptors
{
    public const string LedgerFileName = "custodysettle/testing/v1/ledger.proto";

    private static readonly Lazy<FileDescriptor> LazyLedger = new(BuildLedger);

    public static FileDescriptor Ledger => LazyLedger.Value;

    public static ServiceDescriptor Echo => EchoReflection.Descriptor.Services[0];

    public static ServiceDescriptor Health => HealthProto.Descriptor.Services[0];

    public static ServiceDescriptor ReflectionV1 => ReflectionV1Proto.Descriptor.Services[0];

    public static ServiceDescriptor ReflectionV1Alpha => ReflectionV1AlphaProto.Descriptor.Services[0];

    /// <summary>What TestGrpcServer registers, in its order, plus the ledger service.</summary>
    public static ReflectionResolver CreateResolver() =>
        new([Echo, Health, ReflectionV1, ReflectionV1Alpha, Ledger.Services[0]]);

    private static FileDescriptor BuildLedger()
    {
        var proto = new FileDescriptorProto
        {
            Name = LedgerFileName,
            Package = "custodysettle.testing.v1",
            Syntax = "proto3",
            Dependency = { "google/protobuf/api.proto", "google/protobuf/descriptor.proto" },
            MessageType =
            {
                new DescriptorProto
                {
                    Name = "Entry",
                    Field =
                    {
                        Field("api", 1, FieldType.Message, ".google.protobuf.Api"),
                        Field("legs", 2, FieldType.Message, ".custodysettle.testing.v1.Entry.Leg", Label.Repeated),
                    },
                    NestedType = { new DescriptorProto { Name = "Leg", Field = { Field("side", 1, FieldType.Enum, ".custodysettle.testing.v1.Entry.Side") } } },
                    EnumType =
                    {
                        new EnumDescriptorProto
                        {
                            Name = "Side",
                            Value = { new EnumValueDescriptorProto { Name = "SIDE_UNSPECIFIED", Number = 0 }, new EnumValueDescriptorProto { Name = "DEBIT", Number = 1 } },
                        },
                    },
                },
            },
            Service =
            {
                new ServiceDescriptorProto
                {
                    Name = "Ledger",
                    Method = { new MethodDescriptorProto { Name = "Post", InputType = ".custodysettle.testing.v1.Entry", OutputType = ".custodysettle.testing.v1.Entry" } },
                },
            },
            Extension =
            {
                Field("audited", 50001, FieldType.Bool, extendee: ".google.protobuf.MessageOptions"),
                Field("owner", 50002, FieldType.String, extendee: ".google.protobuf.MessageOptions"),
            },
        };
        ByteString[] files =
        [
            AnyReflection.Descriptor.SerializedData,
            SourceContextReflection.Descriptor.SerializedData,
            TypeReflection.Descriptor.SerializedData,
            ApiReflection.Descriptor.SerializedData,
            DescriptorReflection.Descriptor.SerializedData,
            proto.ToByteString(),
        ];
        return FileDescriptor.BuildFromByteStrings(files)[^1];
    }

    private static FieldDescriptorProto Field(string name, int number, FieldType type, string? typeName = null, Label label = Label.Optional, string? extendee = null)
    {
        var field = new FieldDescriptorProto { Name = name, Number = number, Type = type, Label = label };
        if (typeName is not null)
        {
            field.TypeName = typeName;
        }

        if (extendee is not null)
        {
            field.Extendee = extendee;
        }

        return field;
    }
}
