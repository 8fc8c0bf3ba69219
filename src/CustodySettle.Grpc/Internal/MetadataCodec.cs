using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CustodySettle.Grpc.Internal;

/// <summary>
/// Metadata to and from HTTP/2 header fields. Binary values travel as base64, emitted unpadded and
/// accepted padded or not (PROTOCOL-HTTP2.md); reserved headers stay out of application metadata
/// (GRPC-WIRE.md rule 13).
/// </summary>
internal static class MetadataCodec
{
    public static Metadata FromRequestHeaders(IHeaderDictionary headers)
    {
        var metadata = new Metadata();
        foreach (var (key, values) in headers)
        {
            if (IsReserved(key) || !MetadataEntry.IsValidKey(key))
            {
                continue;
            }

            foreach (var value in values)
            {
                if (value is null)
                {
                    continue;
                }

                if (MetadataEntry.IsBinaryKey(key))
                {
                    // Several values of one binary key may arrive joined by commas.
                    foreach (var part in value.Split(','))
                    {
                        if (TryDecodeBase64(part.Trim(), out var bytes))
                        {
                            metadata.Add(key, bytes);
                        }
                    }
                }
                else
                {
                    metadata.Add(new MetadataEntry(key, SanitizeText(value)));
                }
            }
        }

        return metadata;
    }

    public static void AddTo(IHeaderDictionary headers, Metadata metadata)
    {
        foreach (var entry in metadata)
        {
            if (IsReserved(entry.Key))
            {
                throw new InvalidOperationException($"'{entry.Key}' is reserved by the gRPC protocol and cannot be sent as metadata.");
            }

            headers.Append(entry.Key, new StringValues(Encode(entry)));
        }
    }

    public static string Encode(MetadataEntry entry) =>
        entry.IsBinary ? Convert.ToBase64String(entry.ValueBytes).TrimEnd('=') : entry.Value;

    /// <summary>Pseudo-headers, transport headers and the grpc-* namespace are not application metadata.</summary>
    public static bool IsReserved(string key) =>
        key.Length == 0
        || key[0] == ':'
        || key.StartsWith("grpc-", StringComparison.OrdinalIgnoreCase)
        || key.Equals("te", StringComparison.OrdinalIgnoreCase)
        || key.Equals("content-type", StringComparison.OrdinalIgnoreCase)
        || key.Equals("content-length", StringComparison.OrdinalIgnoreCase)
        || key.Equals("host", StringComparison.OrdinalIgnoreCase)
        || key.Equals("connection", StringComparison.OrdinalIgnoreCase);

    public static bool TryDecodeBase64(string value, out byte[] bytes)
    {
        var padded = (value.Length % 4) switch
        {
            2 => value + "==",
            3 => value + "=",
            _ => value,
        };
        bytes = new byte[padded.Length / 4 * 3];
        if (Convert.TryFromBase64String(padded, bytes, out var written))
        {
            bytes = bytes[..written];
            return true;
        }

        bytes = [];
        return false;
    }

    /// <summary>A header value a client sent with non-ASCII bytes keeps its printable part.</summary>
    private static string SanitizeText(string value)
    {
        foreach (var c in value)
        {
            if (c < 0x20 || c > 0x7E)
            {
                return string.Concat(value.Where(ch => ch is >= (char)0x20 and <= (char)0x7E));
            }
        }

        return value;
    }
}
