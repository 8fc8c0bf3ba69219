using System.Diagnostics.Metrics;
using CustodySettle.Grpc.Health;
using CustodySettle.Server.Operations;
using CustodySettle.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CustodySettle.Server.Tests.Operations;

public sealed class ReadinessServiceTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>, IDisposable
{
    // tcpmux: privileged and unused, so a connection there is refused at once.
    private const int ClosedPort = 1;

    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly HealthStatusRegistry _health = new(NullLogger<HealthStatusRegistry>.Instance);

    public void Dispose() => _services.Dispose();

    private ReadinessService CreateSut(params IReadinessCheck[] checks) => new(
        checks, _health, TimeProvider.System, NullLogger<ReadinessService>.Instance, _services.GetRequiredService<IMeterFactory>());

    [Fact]
    public async Task CheckAsync_DatabaseOnClosedPort_NotServing()
    {
        await using var dataSource = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={ClosedPort};Username=cs;Password=cs;Database=cs");
        using var sut = CreateSut(new PostgresReadinessCheck(dataSource));

        var result = Assert.Single(await sut.CheckAsync(CancellationToken.None));

        Assert.Equal(ServingStatus.NotServing, _health.Get(string.Empty));
        Assert.False(result.Ready);
        Assert.False(string.IsNullOrEmpty(result.Reason));
    }

    [Fact]
    public async Task CheckAsync_TestDatabase_Serving()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        using var sut = CreateSut(new PostgresReadinessCheck(database.DataSource));

        var result = Assert.Single(await sut.CheckAsync(CancellationToken.None));

        Assert.Equal(ServingStatus.Serving, _health.Get(string.Empty));
        Assert.Equal(new ReadinessResult("postgresql", true, null), result);
    }

    [Fact]
    public async Task CheckAsync_ChainAnswersEthChainId_Serving()
    {
        using var chain = new ChainReadinessCheck(anvil.RpcUrl);
        using var sut = CreateSut(chain);

        var result = Assert.Single(await sut.CheckAsync(CancellationToken.None));

        Assert.True(result.Ready, result.Reason);
        Assert.Equal(ServingStatus.Serving, _health.Get(string.Empty));
    }

    [Fact]
    public async Task CheckAsync_ChainOnClosedPort_NotServing()
    {
        using var chain = new ChainReadinessCheck(new Uri($"http://127.0.0.1:{ClosedPort}"));
        using var sut = CreateSut(chain);

        var result = Assert.Single(await sut.CheckAsync(CancellationToken.None));

        Assert.Equal(("chain", false), (result.Name, result.Ready));
        Assert.Equal(ServingStatus.NotServing, _health.Get(string.Empty));
    }

    [Fact]
    public async Task CheckAsync_NothingToCheck_Serving()
    {
        using var sut = CreateSut();

        Assert.Empty(await sut.CheckAsync(CancellationToken.None));
        Assert.Equal(ServingStatus.Serving, _health.Get(string.Empty));
    }

    [Fact]
    public async Task CheckAsync_OneCheckDownThenUp_NotServingThenServingAndGaugeFollows()
    {
        var database = new SwitchableCheck("postgresql");
        var chain = new SwitchableCheck("chain") { Up = false };
        using var sut = CreateSut(database, chain);
        using var metrics = new MetricsCollector(_services.GetRequiredService<IMeterFactory>());

        await sut.CheckAsync(CancellationToken.None);
        var whileDown = (_health.Get(string.Empty), PrometheusTextWriter.Write(metrics.Collect()));
        chain.Up = true;
        await sut.CheckAsync(CancellationToken.None);
        var whenUp = (_health.Get(string.Empty), PrometheusTextWriter.Write(metrics.Collect()));

        Assert.Equal(ServingStatus.NotServing, whileDown.Item1);
        Assert.Contains("custodysettle_ready{check=\"chain\"} 0\ncustodysettle_ready{check=\"postgresql\"} 1\n", whileDown.Item2, StringComparison.Ordinal);
        Assert.Equal(ServingStatus.Serving, whenUp.Item1);
        Assert.Contains("custodysettle_ready{check=\"chain\"} 1\ncustodysettle_ready{check=\"postgresql\"} 1\n", whenUp.Item2, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_DependencyDown_NotServingWhenStartReturns()
    {
        using var sut = CreateSut(new SwitchableCheck("chain") { Up = false });

        await sut.StartAsync(CancellationToken.None);
        var status = _health.Get(string.Empty);
        await sut.StopAsync(CancellationToken.None);

        Assert.Equal(ServingStatus.NotServing, status);
    }
}
