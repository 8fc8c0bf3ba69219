namespace CustodySettle.Grpc.Tests.Interop;

/// <summary>Python grpcio (Debian python3-grpcio, the C-core stack) drives our server.</summary>
public sealed class PythonGrpcioPeerTests(InteropServerFixture fixture) : IClassFixture<InteropServerFixture>
{
    /// <summary>Debian's interpreter has grpcio; another python3 first on PATH may not.</summary>
    private const string Python = "/usr/bin/python3";

    public static TheoryData<string> Scenarios => InteropServerFixture.Scenarios;

    [Theory]
    [MemberData(nameof(Scenarios))]
    public Task Scenario_AgainstOurServer_Passes(string scenario) =>
        PeerRun.AssertPassesAsync(Python, "python/peer.py", fixture.Server.Target, scenario, "python");
}
