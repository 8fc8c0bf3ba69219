namespace CustodySettle.Chain.Rpc;

/// <summary>
/// Recognizes a provider refusing an eth_getLogs range as too wide or its result as too large. There is
/// no standard code: Infura answers -32005 "query returned more than 10000 results", others -32602 or
/// -32000 with "block range" / "range is too large" / "response size exceeded" wording. The cure is
/// always a smaller range.
/// </summary>
internal static class LogRangeErrors
{
    private static readonly string[] Phrases =
    [
        "query returned more than",
        "block range",
        "range too large",
        "range is too large",
        "range is too wide",
        "response size exceeded",
        "response size should not",
        "too many results",
        "exceed maximum block range",
    ];

    public static bool IsRangeTooLarge(JsonRpcException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.Kind != JsonRpcErrorKind.Rpc || error.RpcMessage is not { } message)
        {
            return false;
        }

        foreach (var phrase in Phrases)
        {
            if (message.Contains(phrase, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
