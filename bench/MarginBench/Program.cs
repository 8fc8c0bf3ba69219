using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using CustodySettle.Access;
using CustodySettle.Margin.Calls;
using CustodySettle.Server;
using MarginBench;

// Margin calls at scale, for bench/margin/run.sh (docs/benchmarks.md, "Margin calls at scale"):
//   CustodySettle.Benchmarks --rpc-url URL --deployment FILE --contracts-out DIR --accounts-file FILE
//       --pg "<maintenance connection string>" [--desks 1000] [--moves 1000] [--step-usd 1] [--out DIR]
var options = BenchArgs.Parse(args);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
var ct = cancel.Token;

var database = await BenchDatabase.CreateAsync(options.Required("--pg"), "cs_margin_bench", ct);
var (_, operatorKey) = ApiKeyToken.Generate();
var chain = new ChainSettings
{
    RpcUrl = new Uri(options.Required("--rpc-url")),
    DeploymentFile = options.Required("--deployment"),
    ContractsOut = options.Required("--contracts-out"),
    MinterKey = BenchChain.MinterKey,
    FinalityDepth = 1,
    MirrorInterval = TimeSpan.FromMilliseconds(500),
    // The service looks for a new block this often: the wait before it first sees one is at most this.
    MarginInterval = TimeSpan.FromMilliseconds(options.Int("--margin-poll-ms", 10)),
};
var passes = new List<double>();
using var listener = PassListener(passes);
await using var server = await BenchServer.StartAsync(new ServerSettings
{
    Listen = new Uri("http://127.0.0.1:0"),
    PostgresConnectionString = database,
    BootstrapOperatorKey = operatorKey,
    Chain = chain,
    Reconciliation = new() { Schedule = null },
});
using var api = new BenchApi(new CustodySettle.Grpc.Client.GrpcClientChannel(server.Address), operatorKey);
using var bench = await BenchChain.OpenAsync(chain, ct);

var desks = options.Int("--desks", 1000);
var moves = options.Int("--moves", 1000);
var step = options.Int("--step-usd", 1);
var setup = Stopwatch.StartNew();
var book = await DeskBook.SetUpAsync(api, bench, options.Required("--accounts-file"), desks, step, database, ct);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"setup desks={book.Desks.Count} seconds={setup.Elapsed.TotalSeconds:F1} start_price={book.StartPrice}"));

lock (passes)
{
    passes.Clear();
}

var run = await PriceRun.RunAsync(api, bench, book, moves, step, ct);
double[] passTimes;
lock (passes)
{
    passTimes = [.. passes];
}

var results = Results.Format(run, passTimes, desks, moves, step, chain.MarginInterval);
Console.WriteLine(results);
if (options.Optional("--out") is { } outDir)
{
    await File.WriteAllTextAsync(Path.Combine(outDir, "margin.txt"), results + Environment.NewLine, ct);
}

return run.Missed == 0 ? 0 : 1;

// Every margin pass's duration, from the service's own histogram (margin.pass.duration).
static MeterListener PassListener(List<double> passes)
{
    var listener = new MeterListener();
    listener.InstrumentPublished = (instrument, l) =>
    {
        if (instrument.Meter.Name == MarginMetrics.MeterName && instrument.Name == "margin.pass.duration")
        {
            l.EnableMeasurementEvents(instrument);
        }
    };
    listener.SetMeasurementEventCallback<double>((_, value, _, _) =>
    {
        lock (passes)
        {
            passes.Add(value);
        }
    });
    listener.Start();
    return listener;
}
