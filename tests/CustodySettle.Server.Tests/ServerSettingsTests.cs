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
}
