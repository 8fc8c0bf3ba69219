using System.Collections.Immutable;
using System.Numerics;
using CustodySettle.Chain.Crypto;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Signing;
using CustodySettle.Chain.Tests.Signing;
using CustodySettle.Chain.Transactions;

namespace CustodySettle.Chain.Tests.Transactions;

// Signed vectors from viem (wevm/viem, src/accounts/utils/signTransaction.test.ts, "eip1559"): the anvil
// dev key 0xac09...ff80, chain 1, nonce 785, gas 21000 unless a case says otherwise, no recipient (so
// "to" is the empty string), zero value and fees. viem signs with RFC 6979 (noble-curves), as we do.
public sealed class Eip1559TransactionTests
{
    private static readonly PrivateKey Key = PrivateKey.Parse(PrivateKeyTests.AnvilKey);

    private static Eip1559Transaction Base() => new() { ChainId = 1, Nonce = 785, GasLimit = 21000 };

    [Fact]
    public void Sign_ViemDefault_MatchesVector()
    {
        Assert.Equal(
            "0x02f850018203118080825208808080c080a04012522854168b27e5dc3d5839bab5e6b39e1a0ffd343901ce1622e3d64b48f1a04e00902ae0502c4728cbf12156290df99c3ed7de85b1dbfe20b5c36931733a33",
            Base().Sign(Key).ToHex());
    }

    [Fact]
    public void Sign_ViemMinimalWithMaxFee_MatchesVector()
    {
        var transaction = new Eip1559Transaction { ChainId = 1, MaxFeePerGas = 1 };

        Assert.Equal(
            "0x02f84c0180800180808080c080a0c95f157628e67a435b1b85584db1b8346cbccf9890d28466f6edfed07d097793a03bdfde4f59a340a4308b5b4d2c89da83838d691c8059b228d0667309f1d2e893",
            transaction.Sign(Key).ToHex());
    }

    [Fact]
    public void Sign_ViemAllZero_MatchesVectorWithParityOne()
    {
        var signed = new Eip1559Transaction { ChainId = 1 }.Sign(Key);

        Assert.Equal(
            "0x02f84c0180808080808080c001a0db5b8a12b90b68aeb786379ac14219ac85934e833082dee6cf03fd912809224da06902cc208e3b14a056dca2005c96f59eae33118b899f642551a58cff09044c9a",
            signed.ToHex());
        Assert.Equal(1, signed.Signature.YParity);
    }

    [Fact]
    public void Sign_ViemAccessList_MatchesVector()
    {
        var transaction = Base() with
        {
            AccessList =
            [
                new AccessListEntry(
                    Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"),
                    [
                        Hash32.Parse("0x0000000000000000000000000000000000000000000000000000000000000001"),
                        Hash32.Parse("0x60fdd29ff912ce880cd3edaf9f932dc61d3dae823ea77e0323f94adb9f6a72fe"),
                    ]),
            ],
        };

        Assert.Equal(
            "0x02f8ac018203118080825208808080f85bf85994f39fd6e51aad88f6f4ce6ab8827279cfffb92266f842a00000000000000000000000000000000000000000000000000000000000000001a060fdd29ff912ce880cd3edaf9f932dc61d3dae823ea77e0323f94adb9f6a72fe80a0df4810a25d0e147163b03e392bf083dc852702715b9ba848eb9821c70ce2c92ea00b6d11209ef326abaf83aa2443ba61851c7c8ca0813e347a04b501f584b03024",
            transaction.Sign(Key).ToHex());
    }

    [Fact]
    public void Sign_ViemData_MatchesVector()
    {
        Assert.Equal(
            "0x02f8520182031180808252088080821234c001a054d552c58a162c9003633c20871d8e381ef7a3c35d1c8a79c7c12d5cf09a0914a03c5d6241f8c4fcf8b35262de038d3ab1940feb1a70b934ae5d40ea6bce912e2d",
            (Base() with { Data = Hex.Decode("0x1234") }).Sign(Key).ToHex());
    }

    [Fact]
    public void Sign_ViemFees_MatchesVector()
    {
        var transaction = Base() with { MaxFeePerGas = 20_000_000_000, MaxPriorityFeePerGas = 2_000_000_000 };

        Assert.Equal(
            "0x02f8590182031184773594008504a817c800825208808080c001a06ea33b188b30a5f5d0d1cec62b2bac7203ff428a49048766596727737689043fa0255b74c8e704e3692497a29cd246ffc4344b4107457ce1c914fe2b4e09993859",
            transaction.Sign(Key).ToHex());
    }

    [Fact]
    public void GetSigningPayload_StartsWithType2()
    {
        Assert.Equal("0x02cd018203118080825208808080c0", Hex.Encode(Base().GetSigningPayload()));
    }

    [Fact]
    public void Sign_PriorityFeeAboveCap_Refused()
    {
        var transaction = Base() with { MaxFeePerGas = 1, MaxPriorityFeePerGas = 2 };

        Assert.Throws<InvalidOperationException>(() => transaction.Sign(Key));
    }

    [Fact]
    public void Sign_Transfer_HashIsKeccakOfRaw()
    {
        var signed = (Base() with { To = Key.Address, Value = BigInteger.Pow(10, 18) }).Sign(Key);

        Assert.Equal(Hash32.FromBytes(Keccak256.Hash(signed.RawBytes.Span)), signed.Hash);
        Assert.Equal(Key.Address, signed.To);
    }

    [Fact]
    public void AccessList_Default_EncodedAsEmptyList()
    {
        var explicitEmpty = Base() with { AccessList = ImmutableArray<AccessListEntry>.Empty };
        var uninitialized = Base() with { AccessList = default };

        Assert.Equal(explicitEmpty.GetSigningPayload(), uninitialized.GetSigningPayload());
    }
}
