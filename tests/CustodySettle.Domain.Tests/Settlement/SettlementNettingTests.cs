using System.Numerics;
using CustodySettle.Domain.Settlement;

namespace CustodySettle.Domain.Tests.Settlement;

/// <summary>Netting per desk and the conversion from 18 decimals, whose rounding always goes against the desk.</summary>
public sealed class SettlementNettingTests
{
    private static readonly BigInteger E18 = BigInteger.Pow(10, 18);

    [Theory]
    [InlineData("1000000000123456789000", 6, "1000000000")] // 1,000.000000000123456789 received: rounded down
    [InlineData("-1000000000123456789000", 6, "-1000000001")] // the same paid: rounded up
    [InlineData("999999999999", 6, "0")] // under one unit received: nothing
    [InlineData("-1", 6, "-1")] // a wei of loss still costs a unit
    [InlineData("-1000000000000", 6, "-1")] // exactly one unit: no rounding
    [InlineData("5", 18, "5")]
    [InlineData("-5", 20, "-500")]
    [InlineData("0", 6, "0")]
    public void ToAssetUnits_ReceiptsRoundDown_PaymentsRoundUp(string amount18, int decimals, string expected)
    {
        Assert.Equal(BigInteger.Parse(expected), SettlementNetting.ToAssetUnits(BigInteger.Parse(amount18), decimals));
    }

    [Fact]
    public void ToAssetUnits_NeverPaysTheDeskMoreThanItsExactFigure_NorLessThanOneUnitBelowIt()
    {
        var random = new Random(7);
        for (var i = 0; i < 10_000; i++)
        {
            var amount = new BigInteger(random.NextInt64(long.MinValue, long.MaxValue)) * random.Next(1, 1_000_000);
            var decimals = random.Next(0, 19);
            var scale = BigInteger.Pow(10, 18 - decimals);

            var units = SettlementNetting.ToAssetUnits(amount, decimals);

            Assert.True(units * scale <= amount, $"{amount} at {decimals} decimals became {units}: more than the desk's figure");
            Assert.True(amount - (units * scale) < scale, $"{amount} at {decimals} decimals became {units}: a whole unit short");
        }
    }

    [Fact]
    public void Net_SumsPerDeskAndConvertsOnce_ListingUnlinkedSubaccounts()
    {
        // Three events of 0.4 of a unit each for alpha: converted once they make 1.2 units (1), not per event (0 each).
        var unit = BigInteger.Pow(10, 12);
        PerpSettlement[] events =
        [
            Event(1, (unit * 4 / 10), 0, 10), Event(2, (unit * 4 / 10), 0, 11), Event(1, 0, unit * 4 / 10, 12),
            Event(3, -unit * 12 / 10, 0, 13), Event(9, 5 * E18, 0, 14),
        ];
        var links = new Dictionary<BigInteger, string> { [1] = "alpha", [2] = "alpha", [3] = "beta" };

        var (desks, unattributed) = SettlementNetting.Net(events, links, 6);

        Assert.Equal(["alpha", "beta"], desks.Select(d => d.DeskId));
        Assert.Equal((unit * 8 / 10, unit * 4 / 10, BigInteger.One, 3), (desks[0].Pnl, desks[0].Funding, desks[0].Net, desks[0].Events.Count));
        Assert.Equal(new BigInteger(-2), desks[1].Net);
        Assert.Equal(9, (int)Assert.Single(unattributed).SubaccountId);
    }

    [Fact]
    public void Net_OfZeroSumEvents_NeverPaysOutMoreThanItTakesIn()
    {
        var random = new Random(11);
        for (var round = 0; round < 1_000; round++)
        {
            var events = new List<PerpSettlement>();
            for (var i = 0; i < 6; i++)
            {
                var pnl = new BigInteger(random.NextInt64(-1_000_000_000_000_000, 1_000_000_000_000_000)) * random.Next(1, 1000);
                events.Add(Event(random.Next(1, 5), pnl, 0, (i * 2) + 1));
                events.Add(Event(random.Next(1, 5), -pnl, 0, (i * 2) + 2)); // the counterparty's side
            }

            var links = new Dictionary<BigInteger, string> { [1] = "a", [2] = "b", [3] = "c", [4] = "d" };
            var (desks, _) = SettlementNetting.Net(events, links, 6);

            Assert.True(desks.Aggregate(BigInteger.Zero, (sum, d) => sum + d.Net) <= 0);
        }
    }

    private static PerpSettlement Event(BigInteger subaccount, BigInteger pnl, BigInteger funding, int logIndex) =>
        new(subaccount, "0x00000000000000000000000000000000000000b7", pnl, funding, 100, logIndex, "0xabc");
}
