using System.Text.Json.Nodes;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;
using CustodySettle.Testing;

namespace CustodySettle.Chain.Tests.Rpc;

public sealed class JsonRpcClientTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    [Fact]
    public async Task CallAsync_ChainId_ReturnsAnvilChainId()
    {
        using var sut = TestRpc.Create(anvil.RpcUrl);

        var result = await sut.Rpc.CallAsync(JsonRpcRequest.Create("eth_chainId"), default);

        Assert.Equal(31337, Hex.DecodeQuantityInt64(result.GetString()!));
        Assert.Equal(1, sut.Counter.Requests);
    }

    [Fact]
    public async Task BatchAsync_HundredRequests_OneHttpRequestAnswersInRequestOrder()
    {
        using var sut = TestRpc.Create(anvil.RpcUrl);
        await anvil.RpcAsync("anvil_mine", "0x64");
        var requests = Enumerable.Range(0, 100).Select(n => JsonRpcRequest.Create("eth_getBlockByNumber", Hex.EncodeQuantity(n), false)).ToList();

        var results = await sut.Rpc.BatchAsync(requests, default);

        Assert.Equal(1, sut.Counter.Requests);
        Assert.Equal(Enumerable.Range(0, 100).Select(n => (long)n), results.Select(r => Hex.DecodeQuantityInt64(r.GetResultOrThrow().GetProperty("number").GetString()!)));
    }

    [Fact]
    public async Task BatchAsync_OneUnknownMethod_OnlyThatItemFails()
    {
        using var sut = TestRpc.Create(anvil.RpcUrl);

        var results = await sut.Rpc.BatchAsync(
            [JsonRpcRequest.Create("eth_chainId"), JsonRpcRequest.Create("eth_noSuchMethod"), JsonRpcRequest.Create("eth_blockNumber")], default);

        Assert.True(results[0].IsSuccess);
        Assert.Equal(JsonRpcErrorCodes.MethodNotFound, results[1].Error?.Code);
        Assert.Equal("eth_noSuchMethod", results[1].Error?.Method);
        Assert.True(results[2].IsSuccess);
    }

    [Fact]
    public async Task BatchAsync_MoreThanMaxBatchSize_SplitIntoSeveralRequests()
    {
        using var sut = TestRpc.Create(anvil.RpcUrl, options: TestRpc.FastOptions with { MaxBatchSize = 10 });

        var results = await sut.Rpc.BatchAsync(Enumerable.Repeat(JsonRpcRequest.Create("eth_chainId"), 25).ToList(), default);

        Assert.Equal(25, results.Count(r => r.IsSuccess));
        Assert.Equal(3, sut.Counter.Requests);
    }

    [Fact]
    public async Task CallAsync_UnknownMethod_RpcErrorWithCodeAndMessage()
    {
        using var sut = TestRpc.Create(anvil.RpcUrl);

        var error = await Assert.ThrowsAsync<JsonRpcException>(() => sut.Rpc.CallAsync(JsonRpcRequest.Create("eth_noSuchMethod"), default));

        Assert.Equal(JsonRpcErrorKind.Rpc, error.Kind);
        Assert.Equal(JsonRpcErrorCodes.MethodNotFound, error.Code);
        Assert.Equal("Method not found", error.RpcMessage);
        Assert.False(error.IsTransient);
        Assert.Equal(1, sut.Counter.Requests);
    }

    [Fact]
    public async Task CallAsync_BadParameter_InvalidParamsError()
    {
        using var sut = TestRpc.Create(anvil.RpcUrl);

        var error = await Assert.ThrowsAsync<JsonRpcException>(
            () => sut.Rpc.CallAsync(JsonRpcRequest.Create("eth_getBalance", "not-an-address", "latest"), default));

        Assert.Equal(JsonRpcErrorKind.Rpc, error.Kind);
        Assert.Equal(JsonRpcErrorCodes.InvalidParams, error.Code);
    }

    [Fact]
    public async Task CallAsync_ConnectionRefused_TransportErrorWithoutSecrets()
    {
        var endpoint = new Uri($"http://user:hunter2@127.0.0.1:{TestPorts.Next()}/v3/0123456789abcdef0123?apikey=topsecret");
        using var sut = TestRpc.Create(endpoint, options: TestRpc.FastOptions with { MaxReadRetries = 1 });

        var error = await Assert.ThrowsAsync<JsonRpcException>(() => sut.Rpc.CallAsync(JsonRpcRequest.Create("eth_chainId"), default));

        Assert.Equal(JsonRpcErrorKind.Transport, error.Kind);
        Assert.Null(error.HttpStatusCode);
        Assert.True(error.IsTransient);
        Assert.Equal(2, sut.Counter.Requests);
        Assert.Contains("ConnectionError", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("0123456789abcdef", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("topsecret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", sut.Rpc.Endpoint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallAsync_AlreadyCancelled_ThrowsOperationCanceledWithoutSending()
    {
        using var sut = TestRpc.Create(anvil.RpcUrl);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sut.Rpc.CallAsync(JsonRpcRequest.Create("eth_chainId"), cts.Token));

        Assert.Equal(0, sut.Counter.Requests);
    }

    [Fact]
    public async Task CallAsync_CancelledInFlight_ThrowsOperationCanceledNotRetried()
    {
        using var hang = new FakeRpcHandler(async (_, id) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
            return FakeRpcHandler.Result(id, "\"0x1\"");
        });
        using var sut = TestRpc.Create(anvil.RpcUrl, hang);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sut.Rpc.CallAsync(JsonRpcRequest.Create("eth_chainId"), cts.Token));

        Assert.Equal(1, hang.Attempts);
    }

    [Fact]
    public async Task CallAsync_ParametersOfEveryKind_SerializedAsJson()
    {
        using var sut = TestRpc.Create(anvil.RpcUrl);
        var filter = new JsonObject { ["fromBlock"] = "0x0", ["toBlock"] = "0x0", ["topics"] = new JsonArray(null, null) };

        var logs = await sut.Rpc.CallAsync(JsonRpcRequest.Create("eth_getLogs", filter), default);

        Assert.Equal(0, logs.GetArrayLength());
    }
}
