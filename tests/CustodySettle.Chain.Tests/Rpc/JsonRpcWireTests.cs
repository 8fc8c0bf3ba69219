using System.Text;
using System.Text.Json;
using CustodySettle.Chain.Rpc;

namespace CustodySettle.Chain.Tests.Rpc;

public sealed class JsonRpcWireTests
{
    private static readonly JsonRpcRequest[] ThreeRequests =
        [JsonRpcRequest.Create("eth_chainId"), JsonRpcRequest.Create("eth_blockNumber"), JsonRpcRequest.Create("eth_gasPrice")];

    [Fact]
    public void Serialize_Batch_ArrayWithConsecutiveIds()
    {
        var json = Encoding.UTF8.GetString(JsonRpcWire.Serialize([JsonRpcRequest.Create("eth_getBlockByNumber", "0x1", false), JsonRpcRequest.Create("eth_chainId")], 7, asBatch: true));

        Assert.Equal("""[{"jsonrpc":"2.0","id":7,"method":"eth_getBlockByNumber","params":["0x1",false]},{"jsonrpc":"2.0","id":8,"method":"eth_chainId","params":[]}]""", json);
    }

    [Fact]
    public void ReadBatch_AnswersOutOfOrder_MatchedById()
    {
        using var answer = JsonDocument.Parse("""[{"jsonrpc":"2.0","id":12,"result":"0x3"},{"jsonrpc":"2.0","id":10,"result":"0x1"},{"jsonrpc":"2.0","id":11,"error":{"code":-32000,"message":"boom","data":"0x01"}}]""");

        var results = JsonRpcWire.ReadBatch(answer.RootElement, ThreeRequests, 10, "http://node");

        Assert.Equal("0x1", results[0].Result.GetString());
        Assert.Equal(-32000, results[1].Error?.Code);
        Assert.Equal("eth_blockNumber", results[1].Error?.Method);
        Assert.Equal("\"0x01\"", results[1].Error?.ErrorData);
        Assert.Equal("0x3", results[2].Result.GetString());
    }

    [Theory]
    [InlineData("""[{"jsonrpc":"2.0","id":10,"result":"0x1"},{"jsonrpc":"2.0","id":11,"result":"0x2"}]""")]
    [InlineData("""[{"jsonrpc":"2.0","id":10,"result":"0x1"},{"jsonrpc":"2.0","id":10,"result":"0x1"},{"jsonrpc":"2.0","id":12,"result":"0x3"}]""")]
    [InlineData("""[{"jsonrpc":"2.0","id":99,"result":"0x1"}]""")]
    [InlineData("""{"jsonrpc":"2.0","id":10,"result":"0x1"}""")]
    public void ReadBatch_MissingRepeatedOrUnknownIds_Malformed(string body)
    {
        using var answer = JsonDocument.Parse(body);

        var error = Assert.Throws<JsonRpcException>(() => JsonRpcWire.ReadBatch(answer.RootElement, ThreeRequests, 10, "http://node"));

        Assert.Equal(JsonRpcErrorKind.MalformedResponse, error.Kind);
    }

    [Fact]
    public void ReadBatch_WholeBatchRefused_ThrowsTheRpcError()
    {
        using var answer = JsonDocument.Parse("""{"jsonrpc":"2.0","id":null,"error":{"code":-32005,"message":"batch too large"}}""");

        var error = Assert.Throws<JsonRpcException>(() => JsonRpcWire.ReadBatch(answer.RootElement, ThreeRequests, 10, "http://node"));

        Assert.Equal(JsonRpcErrorKind.Rpc, error.Kind);
        Assert.Equal("batch", error.Method);
        Assert.Equal(-32005, error.Code);
    }

    [Fact]
    public void ReadSingle_WrongId_Malformed()
    {
        using var answer = JsonDocument.Parse("""{"jsonrpc":"2.0","id":5,"result":"0x1"}""");

        var error = Assert.Throws<JsonRpcException>(() => JsonRpcWire.ReadSingle(answer.RootElement, "eth_chainId", 4, "http://node"));

        Assert.Equal(JsonRpcErrorKind.MalformedResponse, error.Kind);
    }
}
