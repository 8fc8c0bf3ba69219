using CustodySettle.Domain.Ledger;

namespace CustodySettle.Ledger.Queries;

/// <summary>An account with its ledger's asset code, as a statement prints it.</summary>
internal sealed record OwnedAccount(Account Account, string AssetCode);
