using CustodySettle.Ledger.Expiry;

namespace CustodySettle.Ledger.Tests.Expiry;

public sealed class ExpiryIdsTests
{
    [Fact]
    public void For_SamePendingId_IsDeterministicVersion5()
    {
        var pending = Guid.Parse("0b5e7a52-1f0e-4c1a-9d7b-3e2f5a6c8d90");

        var id = ExpiryIds.For(pending);

        Assert.Equal(id, ExpiryIds.For(pending));
        Assert.NotEqual(id, ExpiryIds.For(Guid.NewGuid()));
        Assert.Equal(5, id.Version);
        Assert.Equal(0x8, id.Variant & 0xC);
    }
}
