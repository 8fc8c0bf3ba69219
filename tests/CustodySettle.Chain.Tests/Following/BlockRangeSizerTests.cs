using CustodySettle.Chain.Following;

namespace CustodySettle.Chain.Tests.Following;

public sealed class BlockRangeSizerTests
{
    private static BlockRangeSizer CreateSut(long initial = 100) => new(initial, min: 1, max: 1000, targetLogs: 50);

    [Fact]
    public void Observe_SparseFullRange_Doubles()
    {
        var sut = CreateSut();

        sut.Observe(100, 10);

        Assert.Equal(200, sut.Current);
    }

    [Fact]
    public void Observe_SparseShortRangeAtTheHead_Unchanged()
    {
        var sut = CreateSut();

        sut.Observe(3, 0);

        Assert.Equal(100, sut.Current);
    }

    [Fact]
    public void Observe_DenseRange_ShrinksInProportionToTheTarget()
    {
        var sut = CreateSut();

        sut.Observe(100, 500);

        Assert.Equal(10, sut.Current);
    }

    [Fact]
    public void Observe_AroundTheTarget_Unchanged()
    {
        var sut = CreateSut();

        sut.Observe(100, 40);

        Assert.Equal(100, sut.Current);
    }

    [Fact]
    public void Observe_GrowthAndShrink_StayWithinBounds()
    {
        var sut = CreateSut(initial: 800);

        sut.Observe(800, 0);
        var grown = sut.Current;
        sut.Observe(1000, 1_000_000);

        Assert.Equal(1000, grown);
        Assert.Equal(1, sut.Current);
    }

    [Fact]
    public void TryShrink_RefusedRange_HalvesItUntilTheMinimum()
    {
        var sut = CreateSut();

        Assert.True(sut.TryShrink(100));
        Assert.Equal(50, sut.Current);
        Assert.True(sut.TryShrink(3));
        Assert.Equal(1, sut.Current);
        Assert.False(sut.TryShrink(1));
    }
}
