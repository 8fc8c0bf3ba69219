using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Reading;

/// <summary>Subaccounts read at one block (<see cref="BlockNumber"/>, <see cref="BlockHash"/>), in query order, and the HTTP round trips it took.</summary>
public sealed record SubaccountSnapshot(long BlockNumber, Hash32 BlockHash, IReadOnlyList<SubaccountReading> Accounts, int RoundTrips);
