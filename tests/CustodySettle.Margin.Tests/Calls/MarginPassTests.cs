using CustodySettle.Domain.Margin;
using CustodySettle.Margin.Calls;

namespace CustodySettle.Margin.Tests.Calls;

/// <summary>How an open call follows the desk's shortfall between passes.</summary>
public sealed class MarginPassTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly CreditSupportTerms Terms = new(0, 0, 1, 1, TimeSpan.FromHours(2), TimeSpan.FromHours(24));

    [Theory]
    [InlineData(1000, MarginCallState.Issued, 0)]     // nothing delivered yet
    [InlineData(1400, MarginCallState.Issued, 0)]     // grew, but by less than the MTA of 500: unchanged
    [InlineData(600, MarginCallState.PartiallyMet, 400)]
    [InlineData(0, MarginCallState.Met, 1000)]
    public void Follow_ShortfallNow_DeliveredIsWhatItShrankBy(long shortfall, MarginCallState state, long delivered)
    {
        var call = MarginCall.Issue(Guid.NewGuid(), "alpha", 1000, Terms, 1, Noon);

        var followed = MarginPass.Follow(call, shortfall, 500, Noon.AddHours(1), 7);

        Assert.Equal((state, delivered, 1000), (followed.State, (long)followed.Delivered, (long)followed.Amount));
    }

    [Fact]
    public void Follow_ShortfallGrewByAtLeastTheMta_RaisesTheCallAndIssuesItAgain_KeepingItsDeadlines()
    {
        var call = MarginCall.Issue(Guid.NewGuid(), "alpha", 1000, Terms, 1, Noon).Acknowledge("desk alpha", Noon.AddMinutes(1), "ok");

        var raised = MarginPass.Follow(call, 1500, 500, Noon.AddHours(1), 7);

        Assert.Equal((MarginCallState.Issued, 1500, 0), (raised.State, (long)raised.Amount, (long)raised.Delivered));
        Assert.Equal((call.DeliveryDue, call.DefaultsAt), (raised.DeliveryDue, raised.DefaultsAt));
        Assert.Equal((1500, "shortfall grew to 1500 at block 7: call raised by 500"), ((long)raised.History[^1].Amount!.Value, raised.History[^1].Reason));
    }

    [Fact]
    public void Follow_PartlyMetThenShortfallGrew_RaisesByTheGrowthOfWhatIsOutstanding()
    {
        var call = MarginCall.Issue(Guid.NewGuid(), "alpha", 1000, Terms, 1, Noon).Deliver(400, "custodian vault", Noon.AddMinutes(5), "c-1");

        var raised = MarginPass.Follow(call, 1100, 500, Noon.AddHours(1), 7); // 600 outstanding, now 1,100 short

        Assert.Equal((MarginCallState.Issued, 1500, 400, 1100), (raised.State, (long)raised.Amount, (long)raised.Delivered, (long)raised.Outstanding));
    }

    [Fact]
    public void Follow_DefaultedCall_IsNotRaised()
    {
        var defaulted = MarginCall.Issue(Guid.NewGuid(), "alpha", 1000, Terms, 1, Noon).AsOf(Noon.AddDays(2));

        var followed = MarginPass.Follow(defaulted, 5000, 500, Noon.AddDays(2), 7);

        Assert.Equal((MarginCallState.Defaulted, 1000), (followed.State, (long)followed.Amount));
    }

    [Fact]
    public void Follow_AfterTheCurePeriod_DefaultsTheUnmetRest()
    {
        var call = MarginCall.Issue(Guid.NewGuid(), "alpha", 1000, Terms, 1, Noon);

        var followed = MarginPass.Follow(call, 700, 500, call.DefaultsAt, 7);

        Assert.Equal((MarginCallState.Defaulted, 300), (followed.State, (long)followed.Delivered));
    }
}
