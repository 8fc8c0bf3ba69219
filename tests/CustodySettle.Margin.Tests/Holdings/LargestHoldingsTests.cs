using System.Numerics;
using CustodySettle.Margin.Holdings;
using CustodySettle.Testing;
using Dapper;

namespace CustodySettle.Margin.Tests.Holdings;

/// <summary>The one rule for "the custodian a desk holds most with": largest net posted, ties to the lowest custodian id.</summary>
public sealed class LargestHoldingsTests(PostgresFixture fixture) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task ReadAsync_TiesAndSplitAccountsAndOtherAssets_PicksLargestThenLowestCustodianId()
    {
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync("""
            INSERT INTO ledger_assets (ledger_id, asset_code, decimals) VALUES (71, 'HOLD71', 6), (72, 'OTHER72', 6);
            INSERT INTO ledger_accounts (ledger_id, owner_kind, owner_id, custodian_id, purpose, debits_posted, credits_posted) VALUES
                -- tie: 500 at cust-b and cust-a; the lower id wins whatever the insertion order
                (71, 'desk', 'tie', 'cust-b', 'available', 0, 500),
                (71, 'desk', 'tie', 'cust-a', 'available', 0, 500),
                -- split over two purposes at cust-z (300 + 300) beats one account of 500 at cust-y
                (71, 'desk', 'split', 'cust-y', 'available', 0, 500),
                (71, 'desk', 'split', 'cust-z', 'available', 0, 300),
                (71, 'desk', 'split', 'cust-z', 'locked_for_margin', 0, 300),
                -- net, not gross: 900 credited and 800 debited at cust-c is 100, less than 200 at cust-d
                (71, 'desk', 'net', 'cust-c', 'available', 800, 900),
                (71, 'desk', 'net', 'cust-d', 'available', 0, 200),
                -- nothing held: no entry
                (71, 'desk', 'empty', 'cust-a', 'available', 40, 40),
                -- another asset does not count
                (72, 'desk', 'tie', 'cust-c', 'available', 0, 9000);
            """);

        var held = await LargestHoldings.ReadAsync(fixture.DataSource, "HOLD71", ["tie", "split", "net", "empty", "unknown"], CancellationToken.None);

        Assert.Equal(("cust-a", new BigInteger(500)), held["tie"]);
        Assert.Equal(("cust-z", new BigInteger(600)), held["split"]);
        Assert.Equal(("cust-d", new BigInteger(200)), held["net"]);
        Assert.False(held.ContainsKey("empty"));
        Assert.False(held.ContainsKey("unknown"));
        Assert.Equal(3, held.Count);
    }
}
