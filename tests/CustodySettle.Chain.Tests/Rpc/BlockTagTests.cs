using CustodySettle.Chain.Rpc;

namespace CustodySettle.Chain.Tests.Rpc;

public sealed class BlockTagTests
{
    [Fact]
    public void ToString_TagsAndNumbers_WireForm()
    {
        Assert.Equal("latest", BlockTag.Latest.ToString());
        Assert.Equal("latest", default(BlockTag).ToString());
        Assert.Equal("finalized", BlockTag.Finalized.ToString());
        Assert.Equal("safe", BlockTag.Safe.ToString());
        Assert.Equal("pending", BlockTag.Pending.ToString());
        Assert.Equal("0x1a", BlockTag.At(26).ToString());
        Assert.Equal(26, BlockTag.At(26).Number);
    }
}
