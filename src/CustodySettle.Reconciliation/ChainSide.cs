using System.Numerics;
using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Primitives;
using static CustodySettle.Reconciliation.Reconciler;

namespace CustodySettle.Reconciliation;

/// <summary>
/// One (desk, custodian, asset) on chain at the pinned block: whether its custody token exists, its
/// supply, the holder's wallet balance and the token held as collateral in the desk's linked
/// subaccounts; and how that compares with the books.
/// </summary>
internal sealed class ChainSide
{
    private readonly LedgerSide _books;
    private readonly Address _token;
    private readonly Func<bool?> _exists;
    private readonly Func<BigInteger?> _supply;
    private readonly Func<BigInteger?> _wallet;
    private readonly List<Func<BigInteger?>> _collateral;

    private ChainSide(LedgerSide books, Address token, Func<bool?> exists, Func<BigInteger?> supply, Func<BigInteger?> wallet, List<Func<BigInteger?>> collateral) =>
        (_books, _token, _exists, _supply, _wallet, _collateral) = (books, token, exists, supply, wallet, collateral);

    public static ChainSide Plan(
        ReadBag bag, ChainContracts contracts, LedgerSide books, Address token, IReadOnlyList<(BigInteger SubaccountId, string DeskId, Address Wallet)> subaccounts)
    {
        var custody = contracts.CustodyToken(token);
        var subId = CustodyCollateralAssetContract.SubIdOf(token);
        var collateral = subaccounts.Where(s => s.DeskId == books.DeskId)
            .Select(s => bag.Add(contracts.SubAccounts.GetBalanceCall(s.SubaccountId, contracts.Collateral.Address, subId))).ToList();
        return new ChainSide(books, token, bag.Add(contracts.Factory.IsCustodyTokenCall(token)), bag.Add(custody.TotalSupplyCall()),
            bag.Add(custody.BalanceOfCall(books.Holder)), collateral);
    }

    private bool Exists => _exists() == true;

    private BigInteger Supply => Exists ? _supply() ?? 0 : 0;

    private BigInteger Wallet => Exists ? _wallet() ?? 0 : 0;

    private BigInteger Collateral => _collateral.Aggregate(BigInteger.Zero, (sum, read) => sum + ToTokenUnits(read() ?? 0, _books.Decimals));

    public TargetFigures Figures() => new(
        _books.DeskId, _books.CustodianId, _books.Asset, _books.StatementBalance is { } s ? Text(s) : string.Empty, _books.StatementId ?? string.Empty,
        Text(_books.Held), Exists ? _token.ToString() : string.Empty, Text(Supply), Text(Wallet), Text(Collateral));

    public IEnumerable<Observation> Compare(Evidence block)
    {
        var evidence = block with { StatementId = _books.StatementId ?? string.Empty, JournalSequence = _books.JournalSequence, TokenAddress = _token.ToString() };
        if (_books.StatementBalance is { } reported && reported != _books.Held)
        {
            yield return Observe(BreakType.AmountMismatch, reported, _books.Held,
                evidence with { Detail = $"statement {_books.StatementId} says {reported}; the ledger holds {_books.Held}" });
        }

        if (!Exists)
        {
            if (_books.Held.Sign > 0)
            {
                yield return Observe(BreakType.MissingOnChain, _books.Held, 0, evidence with { Detail = "no custody token exists for this holder, custodian and asset" });
            }

            yield break;
        }

        if (!_books.MirrorInFlight && Supply != _books.Held)
        {
            yield return Observe(BreakType.SupplyMismatch, _books.Held, Supply,
                evidence with { Detail = $"token supply {Supply} at block {block.BlockNumber}; the ledger holds {_books.Held} and no mint or burn is in flight" });
        }

        var located = Wallet + Collateral;
        if (located != Supply)
        {
            yield return Observe(BreakType.UnexpectedOnChain, Supply, located,
                evidence with { Detail = $"of supply {Supply}: {Wallet} in the holder's wallet, {Collateral} as collateral in linked subaccounts; the rest is elsewhere" });
        }
    }

    private Observation Observe(BreakType type, BigInteger expected, BigInteger actual, Evidence evidence) =>
        new(type, _books.DeskId, _books.CustodianId, _books.Asset, string.Empty, Text(expected), Text(actual), evidence);
}
