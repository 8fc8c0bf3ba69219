namespace CustodySettle.Grpc.Tests.Interop;

/// <summary>@grpc/grpc-js (npm, pinned in package-lock.json) drives our server.</summary>
public sealed class NodeGrpcJsPeerTests(InteropServerFixture fixture) : IClassFixture<InteropServerFixture>
{
    public static TheoryData<string> Scenarios => InteropServerFixture.Scenarios;

    [Theory]
    [MemberData(nameof(Scenarios))]
    public Task Scenario_AgainstOurServer_Passes(string scenario) =>
        PeerRun.AssertPassesAsync("node", "node/peer.js", fixture.Server.Target, scenario, "node");
}
