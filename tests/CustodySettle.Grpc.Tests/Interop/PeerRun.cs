using System.Text.Json;
using CustodySettle.Testing;

namespace CustodySettle.Grpc.Tests.Interop;

/// <summary>Runs one scenario of a real gRPC peer against our server and checks the line it prints.</summary>
internal static class PeerRun
{
    public static async Task AssertPassesAsync(string fileName, string script, string target, string scenario, string peer)
    {
        var result = await ProcessRunner.RunAsync(
            fileName, [RepositoryPaths.Combine("tests", "interop", script), "--target", target, scenario], TimeSpan.FromSeconds(90));

        var line = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        Assert.True(line is not null, $"{peer} printed nothing for {scenario}:\n{result.Output}");
        using var json = JsonDocument.Parse(line);
        Assert.Equal(peer, json.RootElement.GetProperty("peer").GetString());
        Assert.Equal(scenario, json.RootElement.GetProperty("scenario").GetString());
        Assert.True(json.RootElement.GetProperty("ok").GetBoolean(), $"{peer} {scenario}: {json.RootElement.GetProperty("detail").GetString()}\n{result.StandardError}");
        Assert.Equal(0, result.ExitCode);
    }
}
