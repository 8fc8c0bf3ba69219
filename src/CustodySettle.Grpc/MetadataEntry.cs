namespace CustodySettle.Grpc;

/// <summary>One metadata entry: a text value, or bytes for a key ending in <c>-bin</c>.</summary>
public sealed class MetadataEntry
{
    private readonly string? _value;
    private readonly byte[]? _bytes;

    public MetadataEntry(string key, string value)
    {
        Key = ValidKey(key);
        ArgumentNullException.ThrowIfNull(value);
        if (IsBinaryKey(Key))
        {
            throw new ArgumentException($"metadata key '{key}' ends in -bin and takes bytes", nameof(value));
        }

        foreach (var c in value)
        {
            if (c < 0x20 || c > 0x7E)
            {
                throw new ArgumentException($"metadata value for '{key}' must be printable ASCII", nameof(value));
            }
        }

        _value = value;
    }

    public MetadataEntry(string key, byte[] value)
    {
        Key = ValidKey(key);
        ArgumentNullException.ThrowIfNull(value);
        if (!IsBinaryKey(Key))
        {
            throw new ArgumentException($"metadata key '{key}' takes text; binary keys end in -bin", nameof(key));
        }

        _bytes = value;
    }

    /// <summary>The key, lower-case.</summary>
    public string Key { get; }

    /// <summary>True for a <c>-bin</c> key.</summary>
    public bool IsBinary => _bytes is not null;

    /// <summary>The text value (a binary entry's is its base64).</summary>
    public string Value => _value ?? Convert.ToBase64String(_bytes!);

    /// <summary>The bytes (a text entry's are its ASCII).</summary>
    public byte[] ValueBytes => _bytes ?? System.Text.Encoding.ASCII.GetBytes(_value!);

    /// <summary>True when the key ends in <c>-bin</c>.</summary>
    public static bool IsBinaryKey(string key) => key.EndsWith(Metadata.BinarySuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the key uses only the characters gRPC allows: 0-9 a-z - _ . (any case).</summary>
    public static bool IsValidKey(string key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return false;
        }

        foreach (var c in key)
        {
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static string ValidKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return IsValidKey(key)
            ? key.ToLowerInvariant()
            : throw new ArgumentException($"metadata key '{key}' may contain only 0-9 a-z - _ .", nameof(key));
    }

    public override string ToString() => $"{Key}: {Value}";
}
