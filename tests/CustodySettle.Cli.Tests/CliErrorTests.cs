using System.Net;
using System.Net.Sockets;

namespace CustodySettle.Cli.Tests;

/// <summary>The failures a script meets: one line on stderr, no stack trace, and the documented exit code.</summary>
public sealed class CliErrorTests : IAsyncLifetime
{
    private CliHarness _cli = null!;

    public async Task InitializeAsync() => _cli = await CliHarness.StartAsync();

    public async Task DisposeAsync() => await _cli.DisposeAsync();

    [Fact]
    public async Task ServerDown_Exit3_SaysItCannotReachIt()
    {
        var run = await CliHarness.RunAsync("--server", $"http://127.0.0.1:{FreePort()}", "--key", "k", "operator", "desk", "list");

        Assert.Equal(ExitCodes.Unreachable, run.ExitCode);
        Assert.StartsWith("error: cannot reach the service at", run.Error, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public async Task BadKey_Exit4_SaysTheKeyWasNotAccepted()
    {
        var run = await _cli.AsAsync("cs_not_a_real_key", "operator", "desk", "list");

        Assert.Equal(ExitCodes.Unauthenticated, run.ExitCode);
        Assert.Contains("did not accept the key", run.Error, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public async Task NoKey_Exit4_SaysHowToGiveOne()
    {
        var run = await CliHarness.RunAsync("--server", _cli.Address.ToString(), "operator", "desk", "list");

        Assert.Equal(ExitCodes.Unauthenticated, run.ExitCode);
        Assert.Contains("--key", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditorCreatingADesk_Exit5_Forbidden()
    {
        var created = await _cli.OperatorAsync("--json", "operator", "key", "create", "--role", "auditor");
        using var key = System.Text.Json.JsonDocument.Parse(created.Output);

        var run = await _cli.AsAsync(key.RootElement.GetProperty("secret").GetString()!, "operator", "desk", "create", "--id", "x", "--wallet", "0x1111111111111111111111111111111111111111");

        Assert.Equal(ExitCodes.Forbidden, run.ExitCode);
        Assert.Contains("may not do that", run.Error, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public async Task InvalidField_Exit7_NamesTheField()
    {
        var run = await _cli.OperatorAsync("operator", "desk", "create", "--id", "alpha", "--wallet", "not-an-address");

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Contains("INVALID_ARGUMENT", run.Error, StringComparison.Ordinal);
        Assert.Contains("wallet_address", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCall_Exit6_NotFound()
    {
        await _cli.OperatorAsync("operator", "desk", "create", "--id", "alpha", "--wallet", "0x1111111111111111111111111111111111111111");
        var created = await _cli.OperatorAsync("--json", "operator", "key", "create", "--role", "desk", "--scope", "alpha");
        using var key = System.Text.Json.JsonDocument.Parse(created.Output);

        var run = await _cli.AsAsync(key.RootElement.GetProperty("secret").GetString()!, "desk", "ack", "0d9a4c1e-7b2f-4e58-a6c3-1f0e9d8b7a65");

        Assert.True(run.ExitCode == ExitCodes.NotFound, run.ToString());
        Assert.Contains("NOT_FOUND", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("operator", "desk", "create", "--id", "alpha")]
    [InlineData("no-such-group")]
    [InlineData("operator", "key", "create", "--role", "root")]
    public async Task WrongCommandLine_Exit2_WithTheCommandsHelpHint(params string[] args)
    {
        var run = await CliHarness.RunAsync(args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("error: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("--help", run.Error, StringComparison.Ordinal);
    }

    private static void AssertNoStackTrace(CliRun run) => Assert.DoesNotContain("   at ", run.Error + run.Output, StringComparison.Ordinal);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
