using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace CustodySettle.Grpc.Reflection;

/// <summary>
/// What server reflection can tell about the registered services (grpc/grpc doc/server-reflection.md):
/// the files declaring them and every file those import, indexed once by file name, by symbol and by
/// extension. Shared by the v1alpha and v1 services; immutable once built.
/// </summary>
internal sealed partial class ReflectionResolver
{
    private readonly Dictionary<string, FileDescriptor> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileDescriptor> _symbols = new(StringComparer.Ordinal);
    private readonly Dictionary<(string ContainingType, int Number), FileDescriptor> _extensions = [];
    private readonly Dictionary<string, List<int>> _extensionNumbers = new(StringComparer.Ordinal);

    public ReflectionResolver(IEnumerable<ServiceDescriptor> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var names = new List<string>();
        foreach (var service in services)
        {
            names.Add(service.FullName);
            AddFile(service.File);
        }

        foreach (var numbers in _extensionNumbers.Values)
        {
            numbers.Sort();
        }

        ServiceNames = names;
    }

    /// <summary>Full names of the registered services, in registration order (list_services).</summary>
    public IReadOnlyList<string> ServiceNames { get; }

    /// <summary>The file of this name (as imports spell it), or null (file_by_filename).</summary>
    public FileDescriptor? FindFileByName(string fileName) => _files.GetValueOrDefault(fileName);

    /// <summary>
    /// The file declaring a service, method, message, enum, enum value, field, oneof or extension by its
    /// full name, with or without the leading '.' of a fully-qualified reference (file_containing_symbol).
    /// </summary>
    public FileDescriptor? FindFileContainingSymbol(string symbol) => _symbols.GetValueOrDefault(TrimLeadingDot(symbol));

    /// <summary>The file declaring extension <paramref name="number"/> of a message (file_containing_extension).</summary>
    public FileDescriptor? FindFileContainingExtension(string containingType, int number) =>
        _extensions.GetValueOrDefault((TrimLeadingDot(containingType), number));

    /// <summary>
    /// The extension numbers known for a message, ascending; empty for a message nothing extends (every
    /// proto3 message), null for an unknown type (all_extension_numbers_of_type).
    /// </summary>
    public IReadOnlyList<int>? FindExtensionNumbers(string messageType) =>
        _extensionNumbers.GetValueOrDefault(TrimLeadingDot(messageType));

    /// <summary>A fully-qualified reference (".pkg.Name") as the index holds it ("pkg.Name").</summary>
    public static string TrimLeadingDot(string name) => name.StartsWith('.') ? name[1..] : name;

    /// <summary>
    /// The serialized FileDescriptorProto of <paramref name="file"/>, then those of all the files it
    /// imports, transitively, each once: a client needs every dependency to build the descriptor, and
    /// getting them in the same response (as grpcurl expects) spares it a round trip per import.
    /// </summary>
    public static IReadOnlyList<ByteString> WithDependencies(FileDescriptor file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var seen = new HashSet<string>(StringComparer.Ordinal) { file.Name };
        var result = new List<ByteString>();
        var pending = new Queue<FileDescriptor>();
        pending.Enqueue(file);
        while (pending.TryDequeue(out var next))
        {
            result.Add(next.SerializedData);
            foreach (var dependency in next.Dependencies)
            {
                if (seen.Add(dependency.Name))
                {
                    pending.Enqueue(dependency);
                }
            }
        }

        return result;
    }
}
