using System.Diagnostics.Metrics;
using CustodySettle.Grpc.Health;

namespace CustodySettle.Server.Operations;

/// <summary>
/// Keeps the whole server's gRPC health status ("" in <see cref="HealthStatusRegistry"/>) Serving while
/// every configured dependency answers and NotServing while one does not, so load balancers and
/// orchestrators stop sending calls a server cannot complete. Checks run every 5 s, 3 s each at most,
/// all at once. With nothing to check the server is Serving. Gauge <c>custodysettle.ready</c> (meter
/// <c>CustodySettle.Server</c>) is 1 or 0 per check.
/// </summary>
internal sealed partial class ReadinessService : BackgroundService
{
    public const string MeterName = "CustodySettle.Server";

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(3);

    private readonly IReadOnlyList<IReadinessCheck> _checks;
    private readonly HealthStatusRegistry _health;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<ReadinessService> _logger;
    private volatile IReadOnlyList<ReadinessResult> _latest = [];

    public ReadinessService(
        IEnumerable<IReadinessCheck> checks, HealthStatusRegistry health, TimeProvider timeProvider, ILogger<ReadinessService> logger, IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(meterFactory);
        _checks = [.. checks];
        _health = health;
        _timeProvider = timeProvider;
        _logger = logger;
        meterFactory.Create(MeterName).CreateObservableGauge(
            "custodysettle.ready", Observe, description: "1 when the readiness check passed at its latest run, 0 when it failed, by check");
    }

    /// <summary>The latest run's results, one per check (none before the first run).</summary>
    public IReadOnlyList<ReadinessResult> Latest => _latest;

    /// <summary>
    /// Runs the first check before the host goes on starting (Kestrel last), so the server never
    /// advertises Serving with a dependency down: HealthStatusDefaults only fills in "" if unset.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await CheckAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    /// <summary>Runs every check once and sets "" from the results.</summary>
    public async Task<IReadOnlyList<ReadinessResult>> CheckAsync(CancellationToken ct)
    {
        var results = await Task.WhenAll(_checks.Select(check => RunAsync(check, ct)));
        var previous = _latest;
        _latest = results;
        foreach (var result in results)
        {
            var before = previous.FirstOrDefault(p => p.Name == result.Name);
            if (before.Name is null || before.Ready != result.Ready)
            {
                if (result.Ready)
                {
                    CheckPassed(_logger, result.Name);
                }
                else
                {
                    CheckFailed(_logger, result.Name, result.Reason);
                }
            }
        }

        _health.Set(string.Empty, results.All(r => r.Ready) ? ServingStatus.Serving : ServingStatus.NotServing);
        return results;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_checks.Count == 0)
        {
            return;
        }

        try
        {
            while (true)
            {
                await Task.Delay(Interval, _timeProvider, stoppingToken);
                await CheckAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping; HealthStatusDefaults has set everything NotServing already.
        }
    }

    private async Task<ReadinessResult> RunAsync(IReadinessCheck check, CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(CheckTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            await check.CheckAsync(linked.Token);
            return new ReadinessResult(check.Name, Ready: true, Reason: null);
        }
        catch (Exception error) when (!ct.IsCancellationRequested)
        {
            var reason = error is OperationCanceledException ? $"no answer within {CheckTimeout.TotalSeconds:0} s" : error.Message;
            return new ReadinessResult(check.Name, Ready: false, reason);
        }
    }

    private IEnumerable<Measurement<int>> Observe() =>
        _latest.Select(r => new Measurement<int>(r.Ready ? 1 : 0, new KeyValuePair<string, object?>("check", r.Name)));

    [LoggerMessage(EventId = 910, Level = LogLevel.Warning, Message = "Readiness check {Check} failed, the server is NotServing: {Reason}")]
    private static partial void CheckFailed(ILogger logger, string check, string? reason);

    [LoggerMessage(EventId = 911, Level = LogLevel.Information, Message = "Readiness check {Check} passes")]
    private static partial void CheckPassed(ILogger logger, string check);
}
