using CustodySettle.Chain.Rpc;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustodySettle.Margin.Calls;

/// <summary>
/// Runs a <see cref="MarginPass"/> on every new block (the chain's head polled every
/// <paramref name="poll"/>), so a price or position change is margined within the block that made it;
/// and at least every <see cref="TimedPass"/> without one, so calls default on time on a quiet chain.
/// </summary>
public sealed partial class MarginWorker(MarginPass pass, EthClient eth, TimeSpan poll, TimeProvider time, MarginMetrics metrics, ILogger<MarginWorker> logger) : BackgroundService
{
    public static readonly TimeSpan TimedPass = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastBlock = -1L;
        var lastPass = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(poll, time, stoppingToken);
            try
            {
                var head = await eth.BlockNumberAsync(stoppingToken);
                if (head != lastBlock || time.GetUtcNow() - lastPass >= TimedPass)
                {
                    var started = time.GetTimestamp();
                    var desks = await pass.RunAsync(stoppingToken);
                    metrics.Passed(time.GetElapsedTime(started), desks);
                    (lastBlock, lastPass) = (head, time.GetUtcNow());
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                metrics.Failed();
                PassFailed(logger, e);
            }
        }
    }

    [LoggerMessage(EventId = 1210, Level = LogLevel.Error, Message = "Margin pass failed; the next block or the timed pass tries again")]
    private static partial void PassFailed(ILogger logger, Exception exception);
}
