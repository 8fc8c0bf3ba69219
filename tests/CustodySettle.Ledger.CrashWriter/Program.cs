using System.Globalization;
using CustodySettle.Domain.Ledger;
using CustodySettle.Ledger.CrashWriter;
using Npgsql;

// Usage: CustodySettle.Ledger.CrashWriter <connection string> <ledger id> <seed> <count> <concurrency>
// Submits units 0..count-1 of the seed's plan from <concurrency> tasks and prints, after each outcome
// is acknowledged (the SubmitAsync task completed, so it is committed), "ack <id> <result>", flushed
// at once: a line the test has read is a promise the database must keep after a SIGKILL.
if (args.Length != 5)
{
    await Console.Error.WriteLineAsync("usage: CustodySettle.Ledger.CrashWriter <connection> <ledger id> <seed> <count> <concurrency>");
    return 2;
}

var ledgerId = int.Parse(args[1], CultureInfo.InvariantCulture);
var seed = long.Parse(args[2], CultureInfo.InvariantCulture);
var count = int.Parse(args[3], CultureInfo.InvariantCulture);
var concurrency = int.Parse(args[4], CultureInfo.InvariantCulture);
var ct = CancellationToken.None;

await using var dataSource = NpgsqlDataSource.Create(args[0]);
var (store, writer) = CrashLedger.Create(dataSource);
await using var output = new AckOutput(Console.OpenStandardOutput());
try
{
    await store.EnsureLedgerAsync(ledgerId, string.Create(CultureInfo.InvariantCulture, $"CRASH{ledgerId}"), 6, ct);
    var accounts = new List<long>();
    for (var i = 0; i < CrashPlan.AccountCount; i++)
    {
        var key = new AccountKey(ledgerId, OwnerKind.Desk, string.Create(CultureInfo.InvariantCulture, $"crash-{i}"), "crash-custodian", "available");
        var limits = i >= CrashPlan.FirstLimitedAccount ? AccountLimits.DebitsMustNotExceedCredits : AccountLimits.None;
        accounts.Add((await store.OpenAsync(key, limits, ct)).Id);
    }

    var plan = new CrashPlan(ledgerId, seed, accounts);
    output.Line(string.Create(CultureInfo.InvariantCulture, $"plan {plan.TransferCount(count)} accounts {string.Join(',', accounts)}"));

    var next = -1;
    var submitters = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
    {
        for (var index = Interlocked.Increment(ref next); index < count; index = Interlocked.Increment(ref next))
        {
            foreach (var outcome in await writer.SubmitAsync(plan.Unit(index), ct))
            {
                output.Line(string.Create(CultureInfo.InvariantCulture, $"ack {outcome.Id} {outcome.Result}"));
            }
        }
    }));
    await Task.WhenAll(submitters);
    output.Line(string.Create(CultureInfo.InvariantCulture, $"done {count}"));
    return 0;
}
finally
{
    if (writer is IAsyncDisposable disposable)
    {
        await disposable.DisposeAsync();
    }
}
