using CustodySettle.Chain.Rpc;

namespace CustodySettle.Chain.Tests.Rpc;

public sealed class JsonRpcExceptionTests
{
    [Theory]
    [InlineData("\"0x08c379a0\"")]
    [InlineData("{\"message\":\"reverted\",\"data\":\"0x08c379a0\"}")]
    public void RevertData_HexOrNestedData_Decoded(string data)
    {
        var error = JsonRpcException.FromError("eth_call", "http://node", JsonRpcErrorCodes.ExecutionReverted, "execution reverted", data);

        Assert.True(error.IsRevert);
        Assert.Equal(new byte[] { 0x08, 0xc3, 0x79, 0xa0 }, error.RevertData.ToArray());
    }

    [Fact]
    public void RevertData_NotARevert_Empty()
    {
        var error = JsonRpcException.FromError("eth_call", "http://node", JsonRpcErrorCodes.InvalidParams, "invalid argument", "\"0x01\"");

        Assert.False(error.IsRevert);
        Assert.True(error.RevertData.IsEmpty);
    }
}
