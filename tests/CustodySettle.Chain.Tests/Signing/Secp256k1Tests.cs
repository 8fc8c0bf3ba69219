using System.Numerics;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Signing;

namespace CustodySettle.Chain.Tests.Signing;

public sealed class Secp256k1Tests
{
    private static readonly Hash32 Eip155Hash = Hash32.Parse("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53");

    private static readonly EcdsaSignature Eip155Signature = new(
        BigInteger.Parse("028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276", System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture),
        BigInteger.Parse("067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83", System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture),
        0);

    [Fact]
    public void Recover_Eip155ExampleSignature_ExampleSender()
    {
        Assert.Equal(Address.Parse("0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F"), Secp256k1.Recover(Eip155Hash, Eip155Signature));
    }

    [Fact]
    public void Recover_OtherHashOrParity_OtherAddress()
    {
        var sender = Secp256k1.Recover(Eip155Hash, Eip155Signature);

        Assert.NotEqual(sender, Secp256k1.Recover(Hash32.Zero, Eip155Signature));
        Assert.NotEqual(sender, Secp256k1.Recover(Eip155Hash, new EcdsaSignature(Eip155Signature.R, Eip155Signature.S, 1)));
    }

    [Fact]
    public void TryRecover_RNotOnCurve_False()
    {
        // About half of all x coordinates have no curve point; some r in 1..20 must be one of them.
        var failures = Enumerable.Range(1, 20).Count(r => !Secp256k1.TryRecover(Eip155Hash, new EcdsaSignature(r, 1, 0), out _));

        Assert.InRange(failures, 1, 19);
        Assert.Throws<FormatException>(() => Secp256k1.Recover(
            Eip155Hash,
            new EcdsaSignature(Enumerable.Range(1, 20).First(r => !Secp256k1.TryRecover(Eip155Hash, new EcdsaSignature(r, 1, 0), out _)), 1, 0)));
    }
}
