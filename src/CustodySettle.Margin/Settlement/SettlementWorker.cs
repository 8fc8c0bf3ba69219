using System.Security.Cryptography;
using System.Text;
using CustodySettle.Domain.Errors;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CustodySettle.Margin.Settlement;

/// <summary>
/// Every <see cref="SettlementOptions.Tick"/>: closes the scheduled cycle when one is due
/// (<see cref="SettlementOptions.Interval"/>), makes final the settlements whose dispute window ended
/// undisputed, and issues the instructions of final settlements that have none. Each step is
/// idempotent, so several instances may run it: a scheduled cycle's request id is derived from its
/// slot, a window ends once, and an instruction's request id is its settlement's.
/// </summary>
public sealed partial class SettlementWorker(
    SettlementCycleRunner runner, PostgresSettlementStore store, SettlementInstructor instructor, SettlementOptions options, SettlementMetrics metrics,
    TimeProvider time, ILogger<SettlementWorker> logger) : BackgroundService
{
    /// <summary>The request id of the scheduled cycle of the slot starting at <paramref name="slot"/>: the same on every instance.</summary>
    public static Guid ScheduledRequestId(DateTimeOffset slot)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"custodysettle.settlement-cycle:{slot.UtcTicks}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    /// <summary>One tick's work (the tests call it to step the worker).</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (options.Interval is { } interval)
        {
            var slot = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % interval.Ticks), TimeSpan.Zero);
            if (await store.LastClosedAtAsync(cancellationToken) is not { } last || last < slot)
            {
                try
                {
                    await runner.RunAsync(ScheduledRequestId(slot), null, "schedule", scheduled: true, cancellationToken);
                }
                catch (InvalidStateException e)
                {
                    NothingToSettle(logger, e.Message);
                }
            }
        }

        foreach (var id in await store.DueToFinalizeAsync(now, cancellationToken))
        {
            await store.TransitionAsync(id, s => s, cancellationToken); // the store applies the window's end
            metrics.Finalized("window");
        }

        foreach (var id in await store.ToInstructAsync(cancellationToken))
        {
            if (await store.GetAsync(id, cancellationToken) is { } settlement)
            {
                await instructor.InstructAsync(settlement, cancellationToken);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                TickFailed(logger, e);
            }

            await Task.Delay(options.Tick, time, stoppingToken);
        }
    }

    [LoggerMessage(EventId = 1304, Level = LogLevel.Debug, Message = "Scheduled settlement cycle skipped: {Reason}")]
    private static partial void NothingToSettle(ILogger logger, string reason);

    [LoggerMessage(EventId = 1305, Level = LogLevel.Error, Message = "Settlement tick failed; the next tick tries again")]
    private static partial void TickFailed(ILogger logger, Exception exception);
}
