using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustodySettle.Reconciliation;

/// <summary>Runs a reconciliation on <see cref="ReconciliationOptions.Schedule"/> (none when null), besides the on-demand runs.</summary>
public sealed partial class ReconciliationWorker(Reconciler reconciler, ReconciliationOptions options, ReconciliationMetrics metrics, TimeProvider time, ILogger<ReconciliationWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Schedule is not { } every)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(every, time, stoppingToken);
            try
            {
                await reconciler.RunAsync(requestId: null, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                RunFailed(logger, e);
                metrics.Failed();
            }
        }
    }

    [LoggerMessage(EventId = 1110, Level = LogLevel.Error, Message = "Scheduled reconciliation failed; the next one runs on schedule")]
    private static partial void RunFailed(ILogger logger, Exception exception);
}
