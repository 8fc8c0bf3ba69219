using CustodySettle.Chain.Rpc;

namespace CustodySettle.Chain.Tests.Rpc;

public sealed class LogRangeErrorsTests
{
    [Theory]
    [InlineData(-32005, "query returned more than 10000 results")]
    [InlineData(-32602, "Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range")]
    [InlineData(-32000, "block range is too wide")]
    [InlineData(-32600, "eth_getLogs block range too large, range: 5000, max: 1000")]
    public void IsRangeTooLarge_ProviderRangeErrors_Recognized(int code, string message)
    {
        Assert.True(LogRangeErrors.IsRangeTooLarge(JsonRpcException.FromError("eth_getLogs", "http://node", code, message, null)));
    }

    [Theory]
    [InlineData(-32005, "project ID request rate exceeded")]
    [InlineData(-32602, "invalid argument 0: hex string has length 3")]
    public void IsRangeTooLarge_OtherErrors_NotRecognized(int code, string message)
    {
        Assert.False(LogRangeErrors.IsRangeTooLarge(JsonRpcException.FromError("eth_getLogs", "http://node", code, message, null)));
    }
}
