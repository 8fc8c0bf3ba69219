using CustodySettle.Chain.Rpc;

namespace CustodySettle.Chain.Tests.Rpc;

public sealed class TransientRpcErrorsTests
{
    [Theory]
    [InlineData(JsonRpcErrorCodes.LimitExceeded, "project ID request rate exceeded", true)]
    [InlineData(JsonRpcErrorCodes.LimitExceeded, "query returned more than 10000 results", false)]
    [InlineData(JsonRpcErrorCodes.InternalError, "internal error", true)]
    [InlineData(JsonRpcErrorCodes.InternalError, "VM Exception while processing transaction: revert", false)]
    [InlineData(JsonRpcErrorCodes.ExecutionReverted, "execution reverted", false)]
    [InlineData(JsonRpcErrorCodes.MethodNotFound, "Method not found", false)]
    [InlineData(JsonRpcErrorCodes.InvalidParams, "invalid argument", false)]
    [InlineData(JsonRpcErrorCodes.ServerError, "nonce too low", false)]
    public void IsTransient_RpcErrors_RetriedOnlyWhenAnotherTryMayAnswer(int code, string message, bool expected)
    {
        var error = JsonRpcException.FromError("eth_call", "http://node", code, message, null);

        Assert.Equal(expected, TransientRpcErrors.IsTransient(error));
    }

    [Theory]
    [InlineData(429, true)]
    [InlineData(503, true)]
    [InlineData(504, true)]
    [InlineData(401, false)]
    [InlineData(404, false)]
    public void IsTransient_HttpStatus_RetriedForOverloadAndGatewayErrors(int status, bool expected)
    {
        Assert.Equal(expected, TransientRpcErrors.IsTransient(JsonRpcException.FromStatus("eth_call", "http://node", status, null, null)));
    }

    [Fact]
    public void IsTransient_TimeoutAndMalformed_Retried()
    {
        Assert.True(TransientRpcErrors.IsTransient(new JsonRpcException(JsonRpcErrorKind.Timeout, "eth_call", "timed out")));
        Assert.True(TransientRpcErrors.IsTransient(new JsonRpcException(JsonRpcErrorKind.MalformedResponse, "eth_call", "garbled")));
        Assert.False(TransientRpcErrors.IsTransient(new JsonRpcException(JsonRpcErrorKind.CircuitOpen, "eth_call", "open")));
    }
}
