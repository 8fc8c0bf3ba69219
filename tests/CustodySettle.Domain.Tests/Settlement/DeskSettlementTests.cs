using System.Numerics;
using CustodySettle.Domain.Errors;
using CustodySettle.Domain.Settlement;

namespace CustodySettle.Domain.Tests.Settlement;

/// <summary>A settlement's life: pending for its window, disputed and held, approved, final exactly when the window ends.</summary>
public sealed class DeskSettlementTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Undisputed_IsFinalExactlyAtTheEndOfItsWindow_AndThenNeedsAnInstruction()
    {
        var pending = CreateSut();

        var before = pending.AsOf(Noon.AddHours(1).AddTicks(-10));
        var after = pending.AsOf(Noon.AddHours(3));

        Assert.Equal(SettlementState.Pending, before.State);
        Assert.False(before.NeedsInstruction);
        Assert.Equal((SettlementState.Final, Noon.AddHours(1), DeskSettlement.Engine), (after.State, after.History[^1].At, after.History[^1].Actor));
        Assert.True(after.NeedsInstruction);
        Assert.False(after.Instructed(Guid.NewGuid()).NeedsInstruction);
    }

    [Fact]
    public void Disputed_IsHeldPastTheWindow_UntilAnOperatorApprovesIt()
    {
        var disputed = CreateSut().Dispute("desk alpha", Noon.AddMinutes(10), "our mark differs", 1_000_500_000);

        var later = disputed.AsOf(Noon.AddDays(1));
        var resolved = later.Approve("operator ops", Noon.AddDays(1), "index confirmed", byOperator: true);

        Assert.Equal((SettlementState.Disputed, (BigInteger?)1_000_500_000), (later.State, later.DeskFigure));
        Assert.False(later.NeedsInstruction);
        Assert.Throws<InvalidStateException>(() => later.Approve("desk alpha", Noon.AddDays(1), "ok", byOperator: false));
        Assert.Equal([SettlementState.Pending, SettlementState.Disputed, SettlementState.Final], resolved.History.Select(h => h.To));
        Assert.True(resolved.NeedsInstruction);
    }

    [Fact]
    public void Dispute_AfterTheWindow_OrOfAFinalSettlement_IsRefused_ButARetryChangesNothing()
    {
        var sut = CreateSut();
        var disputed = sut.Dispute("desk alpha", Noon.AddMinutes(1), "r", 5);

        Assert.Throws<InvalidStateException>(() => sut.Dispute("desk alpha", Noon.AddHours(1), "late", 5));
        Assert.Throws<InvalidStateException>(() => sut.AsOf(Noon.AddHours(2)).Dispute("desk alpha", Noon.AddHours(2), "late", 5));
        Assert.Same(disputed, disputed.Dispute("desk alpha", Noon.AddMinutes(2), "r", 5));
        Assert.Throws<InvalidStateException>(() => disputed.Dispute("desk alpha", Noon.AddMinutes(2), "r", 6));
    }

    [Fact]
    public void Approve_EarlyByTheDesk_IsFinalAtOnce_AndARetryChangesNothing()
    {
        var approved = CreateSut().Approve("desk alpha", Noon.AddMinutes(3), "agreed", byOperator: false);

        Assert.Equal((SettlementState.Final, 2), (approved.State, approved.History.Count));
        Assert.Same(approved, approved.Approve("desk alpha", Noon.AddMinutes(4), "agreed", byOperator: false));
    }

    [Fact]
    public void NothingToMove_OrNoCustodian_NeedsNoInstruction()
    {
        var zero = CreateSut(net: 0).AsOf(Noon.AddHours(2));
        var unroutable = (CreateSut() with { CustodianId = null }).AsOf(Noon.AddHours(2));

        Assert.False(zero.NeedsInstruction);
        Assert.False(unroutable.NeedsInstruction);
    }

    private static DeskSettlement CreateSut(long net = 1_000_000_000) =>
        DeskSettlement.Compute(Guid.NewGuid(), Guid.NewGuid(), new DeskNet("alpha", net * 1_000_000_000_000, 0, net, []), "vault", "USDC", Noon, TimeSpan.FromHours(1), "blocks 1 to 9");
}
