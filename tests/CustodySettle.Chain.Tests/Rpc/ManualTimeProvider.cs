namespace CustodySettle.Chain.Tests.Rpc;

/// <summary>A clock the test moves; timers still run on real time (the breaker reads only the clock).</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
