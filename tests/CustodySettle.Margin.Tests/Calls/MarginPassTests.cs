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
    [InlineData(1500, MarginCallState.Issued, 0)]     // the shortfall grew: this call is not reduced
    [InlineData(600, MarginCallState.PartiallyMet, 400)]
    [InlineData(0, MarginCallState.Met, 1000)]
    public void Follow_ShortfallNow_DeliveredIsWhatItShrankBy(long shortfall, MarginCallState state, long delivered)
    {
        var call = MarginCall.Issue(Guid.NewGuid(), "alpha", 1000, Terms, 1, Noon);

        var followed = MarginPass.Follow(call, shortfall, Noon.AddHours(1));

        Assert.Equal((state, delivered), (followed.State, (long)followed.Delivered));
    }

    [Fact]
    public void Follow_AfterTheCurePeriod_DefaultsTheUnmetRest()
    {
        var call = MarginCall.Issue(Guid.NewGuid(), "alpha", 1000, Terms, 1, Noon);

        var followed = MarginPass.Follow(call, 700, call.DefaultsAt);

        Assert.Equal((MarginCallState.Defaulted, 300), (followed.State, (long)followed.Delivered));
    }
}
