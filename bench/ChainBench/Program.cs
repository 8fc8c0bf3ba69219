using ChainBench;
using ChainBench.Following;
using ChainBench.Reads;
using ChainBench.Seeding;

// Chain reads and log following against anvil, for bench/chain/run.sh (docs/benchmarks.md,
// "Chain reads and log following"). One command per step, so the script can wait for a quiet machine
// before each measured one: seed, reads (measured), emit, follow (measured).
var options = BenchOptions.Parse(args);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

return options.Command switch
{
    "seed" => await SeedCommand.RunAsync(options, cancel.Token),
    "reads" => await ReadsCommand.RunAsync(options, cancel.Token),
    "emit" => await EmitCommand.RunAsync(options, cancel.Token),
    _ => await FollowCommand.RunAsync(options, cancel.Token),
};
