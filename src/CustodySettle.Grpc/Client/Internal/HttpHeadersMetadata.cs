using System.Net.Http.Headers;
using CustodySettle.Grpc.Internal;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CustodySettle.Grpc.Client.Internal;

/// <summary>
/// Metadata to and from HttpClient's header collections, by the rules <see cref="MetadataCodec"/> keeps
/// for the server: binary values base64 (sent unpadded, read either way), reserved headers left out
/// (PROTOCOL-HTTP2.md, "Custom-Metadata"; GRPC-WIRE.md rule 13).
/// </summary>
internal static class HttpHeadersMetadata
{
    /// <summary>Application metadata among response headers or trailers.</summary>
    public static Metadata From(HttpHeaders headers)
    {
        var dictionary = new HeaderDictionary();
        foreach (var (name, values) in headers.NonValidated)
        {
            dictionary.Append(name, new StringValues([.. values]));
        }

        return MetadataCodec.FromRequestHeaders(dictionary);
    }

    /// <summary>Adds request metadata.</summary>
    /// <exception cref="ArgumentException">A key is reserved by the protocol (grpc-*, te, content-type...).</exception>
    public static void AddTo(HttpRequestHeaders headers, Metadata metadata)
    {
        foreach (var entry in metadata)
        {
            EnsureNotReserved(entry);
            headers.TryAddWithoutValidation(entry.Key, MetadataCodec.Encode(entry));
        }
    }

    public static void EnsureNotReserved(MetadataEntry entry)
    {
        if (MetadataCodec.IsReserved(entry.Key))
        {
            throw new ArgumentException($"'{entry.Key}' is reserved by the gRPC protocol and cannot be sent as metadata.", nameof(entry));
        }
    }

    /// <summary>The first value of a header, or null.</summary>
    public static string? GetValue(HttpHeaders headers, string name)
    {
        if (headers.NonValidated.TryGetValues(name, out var values))
        {
            foreach (var value in values)
            {
                return value;
            }
        }

        return null;
    }
}
