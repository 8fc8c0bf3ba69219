using System.Numerics;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Signing;
using CustodySettle.Chain.Tests.Signing;
using CustodySettle.Chain.Transactions;

namespace CustodySettle.Chain.Tests.Transactions;

public sealed class LegacyTransactionTests
{
    private static readonly BigInteger OneEther = BigInteger.Pow(10, 18);
    private static readonly BigInteger TwentyGwei = 20_000_000_000;

    // The example of EIP-155 itself (eips.ethereum.org/EIPS/eip-155, "Example").
    private static LegacyTransaction Eip155Example() => new()
    {
        ChainId = 1,
        Nonce = 9,
        GasPrice = TwentyGwei,
        GasLimit = 21000,
        To = Address.Parse("0x3535353535353535353535353535353535353535"),
        Value = OneEther,
    };

    [Fact]
    public void GetSigningPayload_Eip155Example_MatchesEip()
    {
        Assert.Equal(
            "0xec098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a764000080018080",
            Hex.Encode(Eip155Example().GetSigningPayload()));
    }

    [Fact]
    public void GetSigningHash_Eip155Example_MatchesEip()
    {
        Assert.Equal(
            Hash32.Parse("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53"),
            Eip155Example().GetSigningHash());
    }

    [Fact]
    public void Sign_Eip155Example_MatchesEip()
    {
        var signed = Eip155Example().Sign(PrivateKey.Parse(PrivateKeyTests.Eip155Key));

        Assert.Equal(
            "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83",
            signed.ToHex());
        Assert.Equal(Address.Parse("0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F"), signed.Sender);
        Assert.Equal(TransactionType.Legacy, signed.Type);
    }

    [Theory]
    // web3.js test/eth.accounts.signTransaction.js: key 0xbe6383...3728, raw transactions from geth's eth_signTransaction.
    [InlineData(20_000_000_000L, 21000UL, "0x3535353535353535353535353535353535353535", "0x",
        "0xf86c808504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a04f4c17305743700648bc4f6cd3038ec6f6af0df73e31757007b7f59df7bee88da07e1941b264348e80c78c4027afc65a87b0a5e43e86742b8ca0823584c6788fd0")]
    [InlineData(230_000_000_000L, 50000UL, "0xFCAd0B19bB29D4674531d6f115237E16AfCE377c", "0x0123abcd",
        "0xf8708085358d117c0082c35094fcad0b19bb29d4674531d6f115237e16afce377c880de0b6b3a7640000840123abcd26a031bb05bd1535150d312dcaa870a4a69c130a51aa80537659c1f308bf1f180ac6a012c938a8e04ac4e279d0b7c29811609031a96e949ad98f1ca74ca6078910bede")]
    public void Sign_Web3JsVector_MatchesGeth(long gasPrice, ulong gas, string to, string data, string expected)
    {
        var transaction = new LegacyTransaction
        {
            ChainId = 1,
            Nonce = 0,
            GasPrice = gasPrice,
            GasLimit = gas,
            To = Address.Parse(to),
            Value = OneEther,
            Data = Hex.Decode(data),
        };

        var signed = transaction.Sign(PrivateKey.Parse("0xbe6383dad004f233317e46ddb46ad31b16064d14447a95cc1d8c8d4bc61c3728"));

        Assert.Equal(expected, signed.ToHex());
    }

    [Fact]
    public void Sign_NoChainId_Refused()
    {
        var transaction = Eip155Example() with { ChainId = null };

        Assert.Throws<InvalidOperationException>(() => transaction.Sign(PrivateKey.Parse(PrivateKeyTests.Eip155Key)));
    }

    [Fact]
    public void Sign_LargeChainId_VEncodesChainId()
    {
        var key = PrivateKey.Parse(PrivateKeyTests.AnvilKey);
        var transaction = Eip155Example() with { ChainId = 31337 };

        var signed = transaction.Sign(key);
        var decoded = SignedTransaction.Decode(signed.RawBytes.Span);

        Assert.Equal(31337UL, decoded.ChainId);
        Assert.Equal(key.Address, decoded.Sender);
        Assert.Equal(transaction.V(signed.Signature), (31337 * 2) + 35 + signed.Signature.YParity);
    }

    [Fact]
    public void GetSigningPayload_NegativeValue_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => (Eip155Example() with { Value = -1 }).GetSigningPayload());
        Assert.Throws<ArgumentOutOfRangeException>(() => (Eip155Example() with { GasPrice = BigInteger.One << 256 }).GetSigningPayload());
    }
}
