using System.Numerics;
using CustodySettle.Domain.Errors;
using CustodySettle.Domain.Margin;

namespace CustodySettle.Domain.Tests.Margin;

/// <summary>Credit support arithmetic: hand-computed vectors, then properties over random positions.</summary>
public sealed class MarginCalculatorTests
{
    private const int Usdc = 6;
    private static readonly BigInteger E18 = FixedPoint.One18;
    private static readonly CreditSupportTerms Terms = new(
        IndependentAmount: 1_000_000_000, Threshold: 5_000_000_000, MinimumTransferAmount: 100_000_000, RoundingUnit: 10_000_000,
        DeliveryDeadline: TimeSpan.FromHours(2), CurePeriod: TimeSpan.FromHours(24));

    [Fact]
    public void RequirementIn_OneBtcLongAtSixtyThousand_IsTheInitialRateTimesNotional()
    {
        // 1 BTC x 60,000 x 0.066 = 3,960 USDC; no unrealized PnL.
        var position = new PerpExposure(E18, 60_000 * E18, 66 * E18 / 1000, 0);

        Assert.Equal(new BigInteger(3_960_000_000), position.RequirementIn(Usdc));
    }

    [Fact]
    public void RequirementIn_UnrealizedLossAddsAndGainSubtracts()
    {
        var loss = new PerpExposure(-2 * E18, 50_000 * E18, 5 * E18 / 100, -1_234_5 * E18 / 10); // 5,000 + 1,234.5
        var gain = new PerpExposure(E18, 10_000 * E18, 5 * E18 / 100, 700 * E18);              // 500 - 700 < 0

        Assert.Equal(new BigInteger(6_234_500_000), loss.RequirementIn(Usdc));
        Assert.Equal(BigInteger.Zero, gain.RequirementIn(Usdc));
    }

    [Fact]
    public void RequirementIn_FractionOfAUnit_RoundsUp()
    {
        // 1e-18 BTC x 1 x 0.05 is 5e-20 USDC: one smallest unit, not zero.
        Assert.Equal(BigInteger.One, new PerpExposure(BigInteger.One, E18, 5 * E18 / 100, 0).RequirementIn(Usdc));
    }

    [Fact]
    public void ValueIn_HaircutAndDecimals_RoundsDown()
    {
        // 0.5 BTC (8 decimals) at 60,000 USDC, 90 %: 27,000 USDC; one satoshi at 60,000 x 0.9 is 0.00054 USDC -> 540 units.
        var btc = new CollateralHolding("BTC", 50_000_000, 8, 60_000 * E18, 9 * E18 / 10);
        var satoshi = btc with { Quantity = 1 };
        var dust = btc with { Quantity = 1, Price18 = 1 };

        Assert.Equal(new BigInteger(27_000_000_000), btc.ValueIn(Usdc));
        Assert.Equal(new BigInteger(540), satoshi.ValueIn(Usdc));
        Assert.Equal(BigInteger.Zero, dust.ValueIn(Usdc));
    }

    [Theory]
    [InlineData(10_000_000_000, 0, "Delivery", 6_000_000_000)]      // CSA 10,000 + 1,000 - 5,000 = 6,000
    [InlineData(10_000_000_000, 5_905_000_000, "Delivery", 100_000_000)] // 95 short: rounds up to 100, = MTA
    [InlineData(10_000_000_000, 5_950_000_000, "None", 0)]          // 50 short: below the MTA
    [InlineData(3_000_000_000, 1_000_000_000, "Return", 1_000_000_000)] // CSA floored at 0: all 1,000 returned
    [InlineData(10_000_000_000, 6_095_000_000, "None", 0)]          // 95 excess rounds down to 90 < MTA
    [InlineData(10_000_000_000, 6_205_000_000, "Return", 200_000_000)]
    public void Decide_Vectors(long exposure, long collateral, string action, long amount)
    {
        var decision = MarginCalculator.Decide(exposure, collateral, Terms);

        Assert.Equal((Enum.Parse<MarginAction>(action), new BigInteger(amount)), (decision.Action, decision.Amount));
    }

    [Fact]
    public void Decide_BadTerms_NameTheField()
    {
        var error = Assert.Throws<InvalidFieldException>(() => MarginCalculator.Decide(1, 1, Terms with { RoundingUnit = 0 }));

        Assert.Equal("rounding_unit", error.Field);
    }

    [Fact]
    public void Property_RequirementRisesAsThePriceMovesAgainstThePosition()
    {
        var random = new Random(7);
        for (var i = 0; i < 2_000; i++)
        {
            var size = (BigInteger)random.NextInt64(1, 1_000_000) * E18 / 1000 * (random.Next(2) == 0 ? 1 : -1);
            var entry = (BigInteger)random.NextInt64(1_000, 100_000) * E18;
            var step = (BigInteger)random.NextInt64(1, 5_000) * E18;
            var against = size.Sign > 0 ? entry - step : entry + step; // longs lose as the price falls, shorts as it rises
            if (against.Sign <= 0)
            {
                continue;
            }

            var at = Requirement(size, entry, entry);
            var worse = Requirement(size, entry, against);

            Assert.True(worse > at, $"size {size}, entry {entry}, moved to {against}: {worse} <= {at}");
        }
    }

    [Fact]
    public void Property_NoCallOrReturnBelowTheMta_ThresholdRespected_AndMeetingACallLeavesNoShortfall()
    {
        var random = new Random(11);
        for (var i = 0; i < 5_000; i++)
        {
            var terms = new CreditSupportTerms(
                random.NextInt64(0, 10_000_000_000), random.NextInt64(0, 50_000_000_000), random.NextInt64(0, 1_000_000_000),
                random.NextInt64(1, 100_000_000), TimeSpan.FromHours(1), TimeSpan.FromHours(1));
            BigInteger exposure = random.NextInt64(0, 100_000_000_000);
            BigInteger collateral = random.NextInt64(0, 100_000_000_000);

            var decision = MarginCalculator.Decide(exposure, collateral, terms);

            if (decision.Action != MarginAction.None)
            {
                Assert.True(decision.Amount >= terms.MinimumTransferAmount && decision.Amount.Sign > 0);
            }

            if (exposure + terms.IndependentAmount <= terms.Threshold)
            {
                Assert.NotEqual(MarginAction.Delivery, decision.Action); // unsecured exposure under the threshold is tolerated
            }

            if (decision.Action == MarginAction.Delivery)
            {
                Assert.True(collateral + decision.Amount >= decision.CreditSupportAmount, "meeting the call must cover the credit support amount");
            }

            if (decision.Action == MarginAction.Return)
            {
                Assert.True(collateral - decision.Amount >= decision.CreditSupportAmount, "a return must not leave the desk short");
            }
        }
    }

    /// <summary>The requirement of a position opened at <paramref name="entry"/> when the mark is <paramref name="mark"/> (unrealized PnL = (mark - entry) x size).</summary>
    private static BigInteger Requirement(BigInteger size, BigInteger entry, BigInteger mark) =>
        new PerpExposure(size, mark, 66 * E18 / 1000, (mark - entry) * size / E18).RequirementIn(Usdc);
}
