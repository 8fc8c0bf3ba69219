using System.Text;

namespace CustodySettle.Chain.Rpc;

/// <summary>
/// The endpoint as it may appear in messages and logs. Provider URLs carry API keys in the user info
/// (https://user:key@host), the query (?apikey=...) or a path segment (Infura's /v3/KEY, Alchemy's
/// /v2/KEY): user info and query are dropped, and a path segment longer than a short word is masked.
/// </summary>
internal static class EndpointRedaction
{
    private const int LongestKeptSegment = 8;

    public static string Redact(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.IsAbsoluteUri)
        {
            return "(relative endpoint)";
        }

        var text = new StringBuilder().Append(endpoint.Scheme).Append("://").Append(endpoint.Host);
        if (!endpoint.IsDefaultPort)
        {
            text.Append(':').Append(endpoint.Port);
        }

        foreach (var segment in endpoint.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            text.Append('/').Append(segment.Length <= LongestKeptSegment ? segment : "***");
        }

        if (endpoint.Query.Length > 1)
        {
            text.Append("?***");
        }

        return text.ToString();
    }
}
