using CustodySettle.Chain.Rpc;

namespace CustodySettle.Chain.Tests.Rpc;

public sealed class EndpointRedactionTests
{
    [Theory]
    [InlineData("http://127.0.0.1:8545", "http://127.0.0.1:8545")]
    [InlineData("https://mainnet.infura.io/v3/0123456789abcdef0123456789abcdef", "https://mainnet.infura.io/v3/***")]
    [InlineData("https://eth-mainnet.g.alchemy.com/v2/AbCdEfGhIjKlMnOp", "https://eth-mainnet.g.alchemy.com/v2/***")]
    [InlineData("https://user:s3cret@node.example.com/rpc?apikey=k3y", "https://node.example.com/rpc?***")]
    public void Redact_ProviderUrls_KeysRemoved(string endpoint, string expected)
    {
        Assert.Equal(expected, EndpointRedaction.Redact(new Uri(endpoint)));
    }
}
