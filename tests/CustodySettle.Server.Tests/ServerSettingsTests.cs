using Microsoft.Extensions.Configuration;

namespace CustodySettle.Server.Tests;

public sealed class ServerSettingsTests
{
    private static ServerSettings CreateSut(params (string Key, string Value)[] values) =>
        ServerSettings.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build());

    [Fact]
    public void FromConfiguration_Nothing_LoopbackH2cOnDefaultPortWithoutDatabase()
    {
        var settings = CreateSut();

        Assert.Equal(new Uri("http://127.0.0.1:50051"), settings.Listen);
        Assert.False(settings.UsesTls);
        Assert.Null(settings.PostgresConnectionString);
        Assert.Equal(4 * 1024 * 1024, settings.MaxReceiveMessageSize);
    }

    [Theory]
    [InlineData("127.0.0.1:50051")]
    [InlineData("ftp://127.0.0.1:21")]
    [InlineData("not a uri")]
    public void FromConfiguration_BadListen_ThrowsNamingTheSetting(string listen)
    {
        var error = Assert.Throws<InvalidOperationException>(() => CreateSut(("CS_LISTEN", listen)));

        Assert.Contains("CS_LISTEN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_CertificateWithoutKey_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => CreateSut(("CS_TLS_CERT", "/tmp/cert.pem")));

        Assert.Contains("CS_TLS_KEY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_AllSet_ParsedExactly()
    {
        var settings = CreateSut(
            ("CS_LISTEN", "https://0.0.0.0:6000"), ("CS_TLS_CERT", "c.pem"), ("CS_TLS_KEY", "k.pem"),
            ("CS_PG_CONNECTION", "Host=x"), ("CS_MAX_RECEIVE_MESSAGE_SIZE", "1048576"));

        Assert.Equal(6000, settings.Listen.Port);
        Assert.True(settings.UsesTls);
        Assert.Equal("Host=x", settings.PostgresConnectionString);
        Assert.Equal(1_048_576, settings.MaxReceiveMessageSize);
    }

    [Fact]
    public void FromConfiguration_NoAdminListen_LoopbackOnPrometheusExporterPort()
    {
        var settings = CreateSut();

        Assert.Equal(new Uri("http://127.0.0.1:9464"), settings.AdminListen);
        Assert.Null(settings.ChainRpcUrl);
    }

    [Theory]
    [InlineData("off")]
    [InlineData("OFF")]
    public void FromConfiguration_AdminListenOff_NoAdminListener(string value)
    {
        var settings = CreateSut(("CS_ADMIN_LISTEN", value));

        Assert.Null(settings.AdminListen);
    }

    [Theory]
    [InlineData("http://0.0.0.0:9100", 9100)]
    [InlineData("http://[::1]:9101", 9101)]
    [InlineData("http://localhost:9102", 9102)]
    public void FromConfiguration_AdminListenSet_ParsedExactly(string value, int port)
    {
        var settings = CreateSut(("CS_ADMIN_LISTEN", value));

        Assert.Equal(new Uri(value), settings.AdminListen);
        Assert.Equal(port, settings.AdminListen!.Port);
    }

    [Theory]
    [InlineData("https://127.0.0.1:9464")]
    [InlineData("127.0.0.1:9464")]
    [InlineData("not a uri")]
    [InlineData("http://metrics.example:9464")]
    [InlineData("http://127.0.0.1:9464/metrics")]
    [InlineData("http://127.0.0.1:50051")]
    public void FromConfiguration_BadAdminListen_ThrowsNamingTheSetting(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => CreateSut(("CS_ADMIN_LISTEN", value)));

        Assert.Contains("CS_ADMIN_LISTEN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_AnvilUrl_IsTheChainRpcUrl()
    {
        var settings = CreateSut(("CS_ANVIL_URL", "http://127.0.0.1:8545"));

        Assert.Equal(new Uri("http://127.0.0.1:8545"), settings.ChainRpcUrl);
    }

    [Theory]
    [InlineData("127.0.0.1:8545")]
    [InlineData("ws://127.0.0.1:8545")]
    public void FromConfiguration_BadAnvilUrl_ThrowsNamingTheSetting(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => CreateSut(("CS_ANVIL_URL", value)));

        Assert.Contains("CS_ANVIL_URL", error.Message, StringComparison.Ordinal);
    }

    private static readonly (string, string)[] Chain =
        [("CS_ANVIL_URL", "http://127.0.0.1:8545"), ("CS_DEPLOYMENT_FILE", "deployment.json"), ("CS_MINTER_KEY", "0x01")];

    [Fact]
    public void FromConfiguration_ChainWithoutSettlementSettings_ManualCyclesOfUsdcWithAnHourToDispute()
    {
        var settlement = CreateSut(Chain).Chain!.Settlement;

        Assert.Equal(("USDC", (TimeSpan?)null, TimeSpan.FromHours(1)), (settlement.AssetCode, settlement.Interval, settlement.DisputeWindow));
    }

    [Fact]
    public void FromConfiguration_SettlementSettings_ParsedExactly()
    {
        var settlement = CreateSut([.. Chain, ("CS_SETTLEMENT_ASSET", "USDT"), ("CS_SETTLEMENT_INTERVAL_MINUTES", "240"), ("CS_SETTLEMENT_DISPUTE_WINDOW_SECONDS", "900")])
            .Chain!.Settlement;

        Assert.Equal(("USDT", (TimeSpan?)TimeSpan.FromHours(4), TimeSpan.FromMinutes(15)), (settlement.AssetCode, settlement.Interval, settlement.DisputeWindow));
    }

    [Theory]
    [InlineData("CS_SETTLEMENT_INTERVAL_MINUTES", "0")]
    [InlineData("CS_SETTLEMENT_INTERVAL_MINUTES", "every 4 h")]
    [InlineData("CS_SETTLEMENT_DISPUTE_WINDOW_SECONDS", "-5")]
    public void FromConfiguration_BadSettlementSetting_ThrowsNamingIt(string name, string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => CreateSut([.. Chain, (name, value)]));

        Assert.Contains(name, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_MarginTolerance_DefaultOneMillionthOrAsSet_RefusedWhenNotAnInteger()
    {
        Assert.Equal(System.Numerics.BigInteger.Pow(10, 12), CreateSut().Reconciliation.MarginTolerance);
        Assert.Equal(new System.Numerics.BigInteger(5), CreateSut(("CS_RECON_MARGIN_TOLERANCE", "5")).Reconciliation.MarginTolerance);
        var error = Assert.Throws<InvalidOperationException>(() => CreateSut(("CS_RECON_MARGIN_TOLERANCE", "-1")));
        Assert.Contains("CS_RECON_MARGIN_TOLERANCE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromConfiguration_CloseOutAccount_OffByDefault_ParsedWhenSet_RefusedWhenNotAnId()
    {
        Assert.Null(CreateSut(Chain).Chain!.CloseOutAccount);
        Assert.Equal(new System.Numerics.BigInteger(42), CreateSut([.. Chain, ("CS_CLOSEOUT_ACCOUNT", "42")]).Chain!.CloseOutAccount);
        var error = Assert.Throws<InvalidOperationException>(() => CreateSut([.. Chain, ("CS_CLOSEOUT_ACCOUNT", "0")]));
        Assert.Contains("CS_CLOSEOUT_ACCOUNT", error.Message, StringComparison.Ordinal);
    }
}
