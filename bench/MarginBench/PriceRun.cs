using System.Diagnostics;
using System.Numerics;
using System.Threading.Channels;
using CustodySettle.Api.V1;

namespace MarginBench;

/// <summary>
/// The measured part: price move n (the BTC perp's mark and index down by one step) must call desk n-1,
/// and only it. For each move: the time from the price transaction being mined (the bench's receipt) to
/// the call's ISSUED event arriving on WatchMarginCalls, and from the send to that event. The stream is
/// opened once, before the first move, as a desk's or an operator's client would hold it.
/// </summary>
internal static class PriceRun
{
    private static readonly BigInteger E18 = BigInteger.Pow(10, 18);

    public static async Task<RunResult> RunAsync(BenchApi api, BenchChain chain, DeskBook book, int moves, int stepUsd, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var events = Channel.CreateUnbounded<(MarginCallEvent Event, long At)>();
        using var stream = api.Stream<WatchMarginCallsRequest, MarginCallEvent>(BenchApi.Margin, "WatchMarginCalls", new WatchMarginCallsRequest(), stop.Token);
        var reading = Task.Run(async () =>
        {
            try
            {
                while (await stream.ResponseStream.MoveNext(stop.Token))
                {
                    await events.Writer.WriteAsync((stream.ResponseStream.Current, Stopwatch.GetTimestamp()), stop.Token);
                }
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
            }
        }, stop.Token);

        var fromMined = new List<double>();
        var fromSent = new List<double>();
        var (missed, unexpected) = (0, 0);
        for (var n = 1; n <= moves; n++)
        {
            var desk = book.Desks[n - 1];
            var sent = Stopwatch.GetTimestamp();
            await chain.SetPriceAsync(book.StartPrice - (n * stepUsd * E18), ct);
            var mined = Stopwatch.GetTimestamp();
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
            wait.CancelAfter(TimeSpan.FromSeconds(30));
            try
            {
                while (true)
                {
                    var (e, at) = await events.Reader.ReadAsync(wait.Token);
                    if (e.DeskId == desk.DeskId && e.Transition.State == MarginCallState.Issued)
                    {
                        fromMined.Add(Stopwatch.GetElapsedTime(mined, at).TotalMilliseconds);
                        fromSent.Add(Stopwatch.GetElapsedTime(sent, at).TotalMilliseconds);
                        break;
                    }

                    unexpected++;
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                missed++;
            }

            if (n % 100 == 0)
            {
                Console.WriteLine($"progress moves={n} received={fromMined.Count} missed={missed}");
            }
        }

        await stop.CancelAsync();
        await reading;
        return new RunResult(fromMined, fromSent, missed, unexpected);
    }
}

/// <summary>Per move: milliseconds from the price block mined, and from the send, to the call on the stream.</summary>
internal sealed record RunResult(List<double> FromMined, List<double> FromSent, int Missed, int Unexpected);
