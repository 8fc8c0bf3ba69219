using CustodySettle.Domain.Errors;
using CustodySettle.Domain.Margin;
using CustodySettle.Margin.Terms;
using CustodySettle.Registry;
using CustodySettle.Testing;

namespace CustodySettle.Margin.Tests.Terms;

/// <summary>The terms history on the real PostgreSQL, with an injected clock.</summary>
public sealed class PostgresCreditTermsStoreTests
{
    private static readonly CreditSupportTerms Terms = new(1, 2, 3, 4, TimeSpan.FromHours(2), TimeSpan.FromHours(24));

    [Fact]
    public async Task AtAsync_ExactlyAtAVersionsStart_ThatVersion_AndJustBefore_ThePrevious()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var clock = new SteppedClock(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var registry = new PostgresRegistry(database.DataSource, clock);
        await registry.CreateAssetAsync("USDC", 6, default);
        await registry.CreateDeskAsync("alpha", "A", "0x0000000000000000000000000000000000000001", default);
        var sut = new PostgresCreditTermsStore(database.DataSource, registry, clock);

        var first = await sut.SetAsync(Guid.NewGuid(), "alpha", "USDC", Terms, default);
        clock.Now = clock.Now.AddHours(1);
        var second = await sut.SetAsync(Guid.NewGuid(), "alpha", "USDC", Terms with { Threshold = 20 }, default);

        Assert.Null(await sut.AtAsync("alpha", first.EffectiveFrom.AddTicks(-10), default));
        Assert.Equal(1, (await sut.AtAsync("alpha", second.EffectiveFrom.AddTicks(-10), default))?.Version);
        Assert.Equal((2, 20), ((await sut.AtAsync("alpha", second.EffectiveFrom, default))?.Version, (int?)(await sut.AtAsync("alpha", second.EffectiveFrom, default))?.Terms.Threshold));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), second.EffectiveFrom);
    }

    [Fact]
    public async Task SetAsync_InvalidTerms_ThrowsNamingTheFieldAndStoresNothing()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var registry = new PostgresRegistry(database.DataSource, TimeProvider.System);
        await registry.CreateAssetAsync("USDC", 6, default);
        await registry.CreateDeskAsync("alpha", "A", "0x0000000000000000000000000000000000000001", default);
        var sut = new PostgresCreditTermsStore(database.DataSource, registry, TimeProvider.System);

        var error = await Assert.ThrowsAsync<InvalidFieldException>(() => sut.SetAsync(Guid.NewGuid(), "alpha", "USDC", Terms with { DeliveryDeadline = TimeSpan.Zero }, default));

        Assert.Equal("delivery_deadline", error.Field);
        Assert.Empty(await sut.HistoryAsync("alpha", default));
    }

    private sealed class SteppedClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
