using System.Net;
using CustodySettle.Chain.Crypto;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;

namespace CustodySettle.Chain.Tests.Rpc;

/// <summary>The Polly wiring, against a scripted endpoint (chain behaviour is tested against anvil).</summary>
public sealed class RpcPipelinesTests
{
    private static readonly Uri Endpoint = new("http://127.0.0.1:9/");

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.BadGateway)]
    public async Task Read_TransientStatusTwiceThenOk_RetriedUntilAnswered(HttpStatusCode status)
    {
        using var handler = new FakeRpcHandler((attempt, id) => Task.FromResult(attempt <= 2 ? FakeRpcHandler.Status(status) : FakeRpcHandler.Result(id, "\"0x7a69\"")));
        using var sut = TestRpc.Create(Endpoint, handler);

        var chainId = await sut.Eth.ChainIdAsync(default);

        Assert.Equal(31337, chainId);
        Assert.Equal(3, handler.Attempts);
    }

    [Fact]
    public async Task Read_RateLimitedRpcError_Retried()
    {
        using var handler = new FakeRpcHandler((attempt, id) => Task.FromResult(attempt == 1
            ? FakeRpcHandler.Error(id, JsonRpcErrorCodes.LimitExceeded, "project ID request rate exceeded")
            : FakeRpcHandler.Result(id, "\"0x10\"")));
        using var sut = TestRpc.Create(Endpoint, handler);

        Assert.Equal(16, await sut.Eth.BlockNumberAsync(default));
        Assert.Equal(2, handler.Attempts);
    }

    [Fact]
    public async Task Read_DefiniteRpcError_NotRetried()
    {
        using var handler = new FakeRpcHandler((_, id) => Task.FromResult(FakeRpcHandler.Error(id, JsonRpcErrorCodes.InvalidParams, "invalid argument 0")));
        using var sut = TestRpc.Create(Endpoint, handler);

        var error = await Assert.ThrowsAsync<JsonRpcException>(() => sut.Eth.BlockNumberAsync(default));

        Assert.Equal(JsonRpcErrorCodes.InvalidParams, error.Code);
        Assert.Equal(1, handler.Attempts);
    }

    [Fact]
    public async Task Read_EveryAttemptTooSlow_TimeoutAfterAllAttempts()
    {
        using var handler = new FakeRpcHandler(async (_, id) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
            return FakeRpcHandler.Result(id, "\"0x1\"");
        });
        using var sut = TestRpc.Create(Endpoint, handler, TestRpc.FastOptions with { ReadAttemptTimeout = TimeSpan.FromMilliseconds(100), MaxReadRetries = 2 });

        var error = await Assert.ThrowsAsync<JsonRpcException>(() => sut.Eth.BlockNumberAsync(default));

        Assert.Equal(JsonRpcErrorKind.Timeout, error.Kind);
        Assert.Equal(3, handler.Attempts);
    }

    [Fact]
    public async Task Read_BodyNotJson_MalformedAfterEveryAttempt()
    {
        using var handler = new FakeRpcHandler((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<html>gateway</html>") }));
        using var sut = TestRpc.Create(Endpoint, handler, TestRpc.FastOptions with { MaxReadRetries = 1 });

        var error = await Assert.ThrowsAsync<JsonRpcException>(() => sut.Eth.BlockNumberAsync(default));

        Assert.Equal(JsonRpcErrorKind.MalformedResponse, error.Kind);
        Assert.Equal(2, handler.Attempts);
    }

    [Fact]
    public async Task Read_ResultOfTheWrongShape_Malformed()
    {
        using var handler = new FakeRpcHandler((_, id) => Task.FromResult(FakeRpcHandler.Result(id, "{\"number\":12}")));
        using var sut = TestRpc.Create(Endpoint, handler);

        var error = await Assert.ThrowsAsync<JsonRpcException>(() => sut.Eth.GetBlockByNumberAsync(BlockTag.Latest, default));

        Assert.Equal(JsonRpcErrorKind.MalformedResponse, error.Kind);
    }

    [Fact]
    public async Task Write_ServiceUnavailable_SentOnceOutcomeUnknownWithLocalHash()
    {
        using var handler = new FakeRpcHandler((_, _) => Task.FromResult(FakeRpcHandler.Status(HttpStatusCode.ServiceUnavailable)));
        using var sut = TestRpc.Create(Endpoint, handler);
        byte[] signed = [0x02, 0xf8, 0x01, 0x02, 0x03];

        var outcome = await sut.Eth.SendRawTransactionAsync(signed, default);

        Assert.Equal(SendStatus.Unknown, outcome.Status);
        Assert.Equal(Hash32.FromBytes(Keccak256.Hash(signed)), outcome.TransactionHash);
        Assert.Equal(503, outcome.Error?.HttpStatusCode);
        Assert.Equal(1, handler.Attempts);
    }

    [Fact]
    public async Task Write_NoAnswerInTime_SentOnceOutcomeUnknown()
    {
        using var handler = new FakeRpcHandler(async (_, id) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10));
            return FakeRpcHandler.Result(id, "\"0x1\"");
        });
        using var sut = TestRpc.Create(Endpoint, handler, TestRpc.FastOptions with { WriteTimeout = TimeSpan.FromMilliseconds(100) });

        var outcome = await sut.Eth.SendRawTransactionAsync(new byte[] { 0x01 }, default);

        Assert.Equal(SendStatus.Unknown, outcome.Status);
        Assert.Equal(JsonRpcErrorKind.Timeout, outcome.Error?.Kind);
        Assert.Equal(1, handler.Attempts);
    }

    [Fact]
    public async Task Read_BreakerOpen_FailsFastUntilBreakDurationPasses()
    {
        var clock = new ManualTimeProvider();
        var healthy = false;
        using var handler = new FakeRpcHandler((_, id) => Task.FromResult(healthy ? FakeRpcHandler.Result(id, "\"0x5\"") : FakeRpcHandler.Status(HttpStatusCode.BadGateway)));
        var options = TestRpc.FastOptions with { MaxReadRetries = 0, BreakerMinimumThroughput = 2, BreakerBreakDuration = TimeSpan.FromMinutes(1) };
        using var sut = TestRpc.Create(Endpoint, handler, options, clock);
        await Assert.ThrowsAsync<JsonRpcException>(() => sut.Eth.BlockNumberAsync(default));
        await Assert.ThrowsAsync<JsonRpcException>(() => sut.Eth.BlockNumberAsync(default));
        healthy = true;

        var whileOpen = await Assert.ThrowsAsync<JsonRpcException>(() => sut.Eth.BlockNumberAsync(default));
        clock.Advance(TimeSpan.FromMinutes(2));
        var afterBreak = await sut.Eth.BlockNumberAsync(default);

        Assert.Equal(JsonRpcErrorKind.CircuitOpen, whileOpen.Kind);
        Assert.Equal(5, afterBreak);
        Assert.Equal(3, handler.Attempts);
    }

    [Fact]
    public async Task Write_BreakerOpenForReads_WriteStillSent()
    {
        using var handler = new FakeRpcHandler((attempt, id) => Task.FromResult(attempt <= 2
            ? FakeRpcHandler.Status(HttpStatusCode.BadGateway)
            : FakeRpcHandler.Result(id, "\"0x" + new string('a', 64) + "\"")));
        var options = TestRpc.FastOptions with { MaxReadRetries = 0, BreakerMinimumThroughput = 2 };
        using var sut = TestRpc.Create(Endpoint, handler, options);
        await Assert.ThrowsAsync<JsonRpcException>(() => sut.Eth.BlockNumberAsync(default));
        await Assert.ThrowsAsync<JsonRpcException>(() => sut.Eth.BlockNumberAsync(default));

        var outcome = await sut.Eth.SendRawTransactionAsync(new byte[] { 0x01 }, default);

        Assert.Equal(SendStatus.Sent, outcome.Status);
        Assert.Equal(3, handler.Attempts);
    }
}
