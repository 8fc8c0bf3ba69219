using CustodySettle.Testing;

namespace CustodySettle.Stack.Tests;

/// <summary>
/// A second, throw-away stack (its own folder and ports) so tests can start, crash and stop it without
/// touching the stack the rest of the test run uses. Its folder is private (mode 700), which also
/// exercises stack.sh's fallback for a checkout the cluster's owner cannot reach.
/// </summary>
internal sealed class PrivateStack : IAsyncDisposable
{
    public PrivateStack()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("cs-stack-").FullName;
        PgPort = TestPorts.Next();
        AnvilPort = TestPorts.Next();
        ServicePort = TestPorts.Next();
        Environment = new Dictionary<string, string>
        {
            ["CS_STACK_DIR"] = Directory,
            ["CS_PG_PORT"] = PgPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CS_ANVIL_PORT"] = AnvilPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CS_LISTEN"] = $"http://127.0.0.1:{ServicePort}",
            // A port of its own for /metrics, so a run of the service on this machine does not collide with it.
            ["CS_ADMIN_LISTEN"] = "http://127.0.0.1:0",
        };
    }

    public string Directory { get; }

    public int PgPort { get; }

    public int AnvilPort { get; }

    /// <summary>Where the run command serves gRPC for this stack.</summary>
    public int ServicePort { get; }

    public Dictionary<string, string> Environment { get; }

    public string PgData => Path.Combine(Directory, "pg", "data");

    public string PgSocketDir => Path.Combine(Directory, "pg", "run");

    public string AnvilPidFile => Path.Combine(Directory, "anvil", "anvil.pid");

    public Task<ProcessResult> RunAsync(params string[] arguments) =>
        ProcessRunner.RunAsync(RepositoryPaths.Combine("scripts", "stack.sh"), arguments, TimeSpan.FromMinutes(3), Environment);

    /// <summary>Pids of live (non-zombie) processes whose command line mentions this stack's folder.</summary>
    public IReadOnlyList<int> LiveProcesses() => ProcessTable.LiveWhoseCommandLineContains(Directory);

    public async ValueTask DisposeAsync()
    {
        await RunAsync("down");
        // The cluster may live behind a link (see stack.sh prepare_pg_dir); remove its target too.
        var pg = new FileInfo(Path.Combine(Directory, "pg"));
        if (pg.LinkTarget is { } target)
        {
            System.IO.Directory.Delete(target, recursive: true);
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
