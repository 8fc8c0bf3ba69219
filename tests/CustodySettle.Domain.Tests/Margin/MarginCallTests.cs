using CustodySettle.Domain.Errors;
using CustodySettle.Domain.Margin;

namespace CustodySettle.Domain.Tests.Margin;

/// <summary>The margin call lifecycle: every allowed path, the refused ones, and default exactly at the end of the cure period.</summary>
public sealed class MarginCallTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly CreditSupportTerms Terms = new(0, 0, 1, 1, TimeSpan.FromHours(2), TimeSpan.FromHours(24));

    [Fact]
    public void Issue_SetsDeadlineAndDefaultFromTheTerms()
    {
        var call = CreateSut();

        Assert.Equal((Noon.AddHours(2), Noon.AddHours(26), MarginCallState.Issued), (call.DeliveryDue, call.DefaultsAt, call.State));
        Assert.Single(call.History);
    }

    [Fact]
    public void PartialThenRest_MetThenSettled_WithEveryTransitionRecorded()
    {
        var call = CreateSut()
            .Acknowledge("desk alpha", Noon.AddMinutes(5), "agreed")
            .Deliver(400, "custodian vault", Noon.AddMinutes(30), "confirmation c-1")
            .Deliver(600, "custodian vault", Noon.AddMinutes(50), "confirmation c-2")
            .Settle("reconciliation", Noon.AddHours(1), "ledger, chain and custodian agree");

        Assert.Equal((MarginCallState.Settled, 1000, 0), (call.State, (int)call.Delivered, (int)call.Outstanding));
        Assert.Equal(
            [MarginCallState.Issued, MarginCallState.Acknowledged, MarginCallState.PartiallyMet, MarginCallState.Met, MarginCallState.Settled],
            call.History.Select(t => t.To));
        Assert.Equal(("custodian vault", "confirmation c-2"), (call.History[3].Actor, call.History[3].Reason));
    }

    [Fact]
    public void Dispute_RecordsTheDesksFigure_AndTheCallIsStillDue()
    {
        var call = CreateSut().Dispute("desk alpha", Noon.AddMinutes(1), "our figure uses the index price", 700);

        Assert.Equal((MarginCallState.Disputed, 700), (call.State, (int)call.History[^1].Amount!.Value));
        Assert.Equal(MarginCallState.Defaulted, call.AsOf(call.DefaultsAt).State);
    }

    [Fact]
    public void AsOf_ATickBeforeTheEndOfTheCurePeriod_StillOpen_AtItDefaulted()
    {
        var call = CreateSut().Deliver(100, "custodian vault", Noon.AddHours(1), "c-1");

        var before = call.AsOf(call.DefaultsAt.AddTicks(-1));
        var at = call.AsOf(call.DefaultsAt);

        Assert.Equal(MarginCallState.PartiallyMet, before.State);
        Assert.Equal((MarginCallState.Defaulted, 900, call.DefaultsAt), (at.State, (int)at.History[^1].Amount!.Value, at.History[^1].At));
    }

    [Fact]
    public void Defaulted_CuredByDelivery_ThenSettles_AndAMetCallNeverDefaults()
    {
        var defaulted = CreateSut().AsOf(Noon.AddDays(2));
        var cured = defaulted.Deliver(1000, "custodian vault", Noon.AddDays(2), "late top-up");

        Assert.Equal(MarginCallState.Met, cured.State);
        Assert.Equal(MarginCallState.Met, cured.AsOf(Noon.AddDays(30)).State);
    }

    [Fact]
    public void RefusedTransitions_ThrowNamingBothStates()
    {
        var met = CreateSut().Deliver(1000, "custodian vault", Noon, "c-1");
        var settled = met.Settle("reconciliation", Noon, "agree");

        var ack = Assert.Throws<InvalidStateException>(() => met.Acknowledge("desk alpha", Noon, "late"));
        Assert.Throws<InvalidStateException>(() => met.Dispute("desk alpha", Noon, "late", 1));
        Assert.Throws<InvalidStateException>(() => settled.Deliver(1, "custodian vault", Noon, "again"));
        Assert.Throws<InvalidStateException>(() => CreateSut().Settle("reconciliation", Noon, "nothing delivered"));
        Assert.Throws<InvalidFieldException>(() => CreateSut().Deliver(0, "custodian vault", Noon, "zero"));

        Assert.Contains("met", ack.Message, StringComparison.Ordinal);
        Assert.Contains("acknowledged", ack.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReturnCall_NeverDefaults_IsCancelledOnlyBeforeItIsInstructed_AndIsNeverRaised()
    {
        var sut = MarginCall.IssueReturn(Guid.NewGuid(), "alpha", 600, Terms, 1, Noon, "excess 600");
        var instructed = sut.Acknowledge("desk alpha", Noon.AddMinutes(1), "yes").Instructed(Guid.NewGuid());

        Assert.Equal((MarginCallKind.Return, MarginCallState.Issued), (sut.Kind, sut.AsOf(Noon.AddDays(10)).State));
        Assert.Equal(MarginCallState.Cancelled, sut.Cancel("margin engine", Noon.AddMinutes(2), "excess gone").State);
        Assert.False(sut.Cancel("margin engine", Noon.AddMinutes(2), "excess gone").IsOpen);
        Assert.Throws<InvalidStateException>(() => instructed.Cancel("margin engine", Noon.AddMinutes(2), "too late"));
        Assert.Throws<InvalidStateException>(() => sut.Raise(100, "margin engine", Noon, "more"));
        Assert.Equal(MarginCallState.Met, instructed.Deliver(600, "custodian vault", Noon.AddMinutes(3), "executed").State);
    }

    [Fact]
    public void DeliveryCall_IsNeverCancelled()
    {
        Assert.Throws<InvalidStateException>(() => CreateSut().Cancel("margin engine", Noon, "no"));
    }

    private static MarginCall CreateSut() => MarginCall.Issue(Guid.NewGuid(), "alpha", 1000, Terms, 1, Noon);
}
