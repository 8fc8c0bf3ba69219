using System.Diagnostics;
using System.Globalization;
using CustodySettle.Testing;

namespace CustodySettle.Ledger.Tests;

/// <summary>
/// One run of the crash writer as a separate process. It collects every "ack" line and, when asked,
/// kills the process with SIGKILL (<see cref="Process.Kill()"/>) from the output handler the moment
/// the Nth ack of an id no earlier run acknowledged arrives, while the writer's other submitters
/// still have batches in flight. Counting only new ids makes every killed run get further than the
/// last, however many replays it printed first.
/// </summary>
internal sealed class CrashWriterRun : IDisposable
{
    private readonly Process _process;
    private readonly int? _killAfterNewAcks;
    private readonly IReadOnlySet<Guid> _known;
    private int _newAcks;
    private readonly Lock _gate = new();
    private readonly List<(Guid Id, string Result)> _acks = [];
    private readonly LogTail _log = new(40);

    private CrashWriterRun(Process process, int? killAfterNewAcks, IReadOnlySet<Guid> known)
    {
        _process = process;
        _killAfterNewAcks = killAfterNewAcks;
        _known = known;
    }

    /// <summary>Transfer ids in the whole plan, from the writer's first line.</summary>
    public int PlannedTransfers { get; private set; } = -1;

    /// <summary>True when this run was killed by the test (not ended by itself).</summary>
    public bool Killed { get; private set; }

    /// <summary>True when the writer printed "done": it finished every unit.</summary>
    public bool Done { get; private set; }

    public IReadOnlyList<(Guid Id, string Result)> Acks
    {
        get
        {
            lock (_gate)
            {
                return [.. _acks];
            }
        }
    }

    public string RecentOutput => _log.ToString();

    public static CrashWriterRun Start(string connectionString, int ledgerId, long seed, int count, int concurrency, int? killAfterNewAcks, IReadOnlySet<Guid> known)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[CrashWriterBinary.Locate(), connectionString, ledgerId.ToString(CultureInfo.InvariantCulture),
                     seed.ToString(CultureInfo.InvariantCulture), count.ToString(CultureInfo.InvariantCulture), concurrency.ToString(CultureInfo.InvariantCulture)])
        {
            start.ArgumentList.Add(argument);
        }

        var run = new CrashWriterRun(new Process { StartInfo = start }, killAfterNewAcks, known);
        run._process.OutputDataReceived += (_, e) => run.OnLine(e.Data);
        run._process.ErrorDataReceived += (_, e) => run._log.Add(e.Data);
        run._process.Start();
        run._process.BeginOutputReadLine();
        run._process.BeginErrorReadLine();
        return run;
    }

    /// <summary>Waits for the process to end (killed or finished) and for its output to be drained.</summary>
    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            // With asynchronous reads this also waits for the end of both streams.
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
            throw new TimeoutException($"crash writer still running after {timeout}:\n{RecentOutput}");
        }

        return _process.ExitCode;
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        var parts = line.Split(' ');
        if (parts is ["ack", var id, var result])
        {
            var ack = (Id: Guid.Parse(id, CultureInfo.InvariantCulture), Result: result);
            lock (_gate)
            {
                _acks.Add(ack);
            }

            // Output events arrive one at a time, in order: no lock needed for the counter.
            if (!_known.Contains(ack.Id) && ++_newAcks == _killAfterNewAcks && !Done)
            {
                Killed = true;
                _process.Kill();
            }

            return;
        }

        _log.Add(line);
        if (parts is ["plan", var planned, ..])
        {
            PlannedTransfers = int.Parse(planned, CultureInfo.InvariantCulture);
        }
        else if (parts is ["done", ..])
        {
            Done = true;
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
