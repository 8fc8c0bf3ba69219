using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustodySettle.Custody.Mirroring;

/// <summary>
/// Runs <see cref="CustodyMirror"/> passes: every <see cref="MirrorOptions.Interval"/>, and at once when
/// a report changed the ledger (<see cref="Poke"/>). Operations advance one step per pass, so a pass
/// never waits on the chain; confirmations arrive over the following passes.
/// </summary>
public sealed partial class MirrorWorker(CustodyMirror mirror, MirrorOptions options, MirrorMetrics metrics, TimeProvider time, ILogger<MirrorWorker> logger)
    : BackgroundService, IMirrorTrigger
{
    private readonly Channel<bool> _pokes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Poke() => _pokes.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await mirror.SyncAllAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                PassFailed(logger, e);
                metrics.PassFailed();
            }

            using var interval = new CancellationTokenSource(options.Interval, time);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, interval.Token);
            try
            {
                await _pokes.Reader.ReadAsync(wait.Token);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                // the interval passed
            }
        }
    }

    [LoggerMessage(EventId = 1010, Level = LogLevel.Error, Message = "Mirror pass failed; the next one tries again")]
    private static partial void PassFailed(ILogger logger, Exception exception);
}
