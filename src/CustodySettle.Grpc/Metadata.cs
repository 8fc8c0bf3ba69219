using System.Collections;

namespace CustodySettle.Grpc;

/// <summary>
/// gRPC metadata: ordered key/value entries sent as HTTP/2 headers or trailers. Keys are lower-case
/// ASCII from <c>0-9 a-z - _ .</c>; a key ending in <c>-bin</c> carries bytes (base64 on the wire),
/// any other key carries printable ASCII text (PROTOCOL-HTTP2.md, "Custom-Metadata").
/// </summary>
public sealed class Metadata : IReadOnlyList<MetadataEntry>
{
    /// <summary>The suffix that marks a binary-valued key.</summary>
    public const string BinarySuffix = "-bin";

    private readonly List<MetadataEntry> _entries = [];

    public int Count => _entries.Count;

    public MetadataEntry this[int index] => _entries[index];

    /// <summary>Adds a text entry.</summary>
    public Metadata Add(string key, string value)
    {
        _entries.Add(new MetadataEntry(key, value));
        return this;
    }

    /// <summary>Adds a binary entry; the key must end in <c>-bin</c>.</summary>
    public Metadata Add(string key, byte[] value)
    {
        _entries.Add(new MetadataEntry(key, value));
        return this;
    }

    /// <summary>Adds an entry.</summary>
    public Metadata Add(MetadataEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _entries.Add(entry);
        return this;
    }

    /// <summary>The last entry with this key (keys compare case-insensitively), or null.</summary>
    public MetadataEntry? Get(string key)
    {
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.OrdinalIgnoreCase))
            {
                return _entries[i];
            }
        }

        return null;
    }

    /// <summary>The text value of the last entry with this key, or null.</summary>
    public string? GetValue(string key) => Get(key)?.Value;

    public IEnumerator<MetadataEntry> GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
