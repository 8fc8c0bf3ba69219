using CustodySettle.Chain.Contracts;

namespace CustodySettle.Chain.Tests.Contracts;

public sealed class ContractCallerTests
{
    [Theory]
    [InlineData(21_000, 36_250)]
    [InlineData(129_068, 171_335)]
    public void GasHeadroom_Estimate_AddsAQuarterAndTenThousand(long estimate, long expected)
    {
        Assert.Equal(expected, ContractCaller.GasHeadroom(estimate));
    }
}
