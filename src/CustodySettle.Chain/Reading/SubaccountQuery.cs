using System.Numerics;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Reading;

/// <summary>
/// What to read of one subaccount: its position in <paramref name="Perp"/>, and, when the account is
/// backed by a custody token, that token's balance in the holder's wallet and as collateral.
/// </summary>
/// <param name="AccountId">The SubAccounts id.</param>
/// <param name="Perp">The perp asset whose position, unsettled cash and margin rates apply.</param>
/// <param name="CustodyToken">The custody token, or null when the account has none.</param>
/// <param name="Holder">The token's holder (whose wallet balance is read); required with a token.</param>
public sealed record SubaccountQuery(BigInteger AccountId, Address Perp, Address? CustodyToken = null, Address? Holder = null);
