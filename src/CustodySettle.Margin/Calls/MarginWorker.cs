using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustodySettle.Margin.Calls;

/// <summary>Runs a <see cref="MarginPass"/> every <paramref name="interval"/> (the event-driven pass from the log follower is the next step).</summary>
public sealed partial class MarginWorker(MarginPass pass, TimeSpan interval, TimeProvider time, ILogger<MarginWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(interval, time, stoppingToken);
            try
            {
                await pass.RunAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                PassFailed(logger, e);
            }
        }
    }

    [LoggerMessage(EventId = 1210, Level = LogLevel.Error, Message = "Margin pass failed; the next one runs on schedule")]
    private static partial void PassFailed(ILogger logger, Exception exception);
}
