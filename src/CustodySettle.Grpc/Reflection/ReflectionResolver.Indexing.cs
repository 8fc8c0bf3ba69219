using Google.Protobuf.Reflection;

namespace CustodySettle.Grpc.Reflection;

/// <summary>Building the index: a walk over every file reachable from the registered services.</summary>
internal sealed partial class ReflectionResolver
{
    private void AddFile(FileDescriptor file)
    {
        if (!_files.TryAdd(file.Name, file))
        {
            return;
        }

        foreach (var service in file.Services)
        {
            AddSymbol(service.FullName, file);
            foreach (var method in service.Methods)
            {
                AddSymbol(method.FullName, file);
            }
        }

        foreach (var message in file.MessageTypes)
        {
            AddMessage(message, file);
        }

        foreach (var enumType in file.EnumTypes)
        {
            AddEnum(enumType, file.Package, file);
        }

        AddExtensions(file.Extensions.UnorderedExtensions, file);

        // Imports, public or not, are part of what a client needs (and may ask for by name or symbol).
        foreach (var dependency in file.Dependencies)
        {
            AddFile(dependency);
        }
    }

    private void AddMessage(MessageDescriptor message, FileDescriptor file)
    {
        AddSymbol(message.FullName, file);
        _extensionNumbers.TryAdd(message.FullName, []);
        foreach (var field in message.Fields.InDeclarationOrder())
        {
            AddSymbol(field.FullName, file);
        }

        foreach (var oneof in message.Oneofs)
        {
            AddSymbol(oneof.FullName, file);
        }

        foreach (var nested in message.NestedTypes)
        {
            AddMessage(nested, file);
        }

        foreach (var enumType in message.EnumTypes)
        {
            AddEnum(enumType, message.FullName, file);
        }

        AddExtensions(message.Extensions.UnorderedExtensions, file);
    }

    /// <summary>
    /// Protobuf scopes an enum value as a sibling of its enum ("pkg.Outer.VALUE", as protoc and the C++
    /// DescriptorPool name it), while Google.Protobuf's C# FullName nests it ("pkg.Outer.Kind.VALUE"):
    /// both find the file.
    /// </summary>
    private void AddEnum(EnumDescriptor enumType, string scope, FileDescriptor file)
    {
        AddSymbol(enumType.FullName, file);
        foreach (var value in enumType.Values)
        {
            AddSymbol(value.FullName, file);
            AddSymbol(scope.Length == 0 ? value.Name : $"{scope}.{value.Name}", file);
        }
    }

    private void AddExtensions(IEnumerable<FieldDescriptor> extensions, FileDescriptor file)
    {
        foreach (var extension in extensions)
        {
            AddSymbol(extension.FullName, file);
            var extendee = extension.ExtendeeType.FullName;
            _extensions.TryAdd((extendee, extension.FieldNumber), file);
            if (!_extensionNumbers.TryGetValue(extendee, out var numbers))
            {
                numbers = [];
                _extensionNumbers.Add(extendee, numbers);
            }

            numbers.Add(extension.FieldNumber);
        }
    }

    /// <summary>Full names are unique across a valid descriptor pool; the first file wins if not.</summary>
    private void AddSymbol(string fullName, FileDescriptor file) => _symbols.TryAdd(fullName, file);
}
