using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>SubAccounts <c>TrustedCallerSet(address indexed caller, bool trusted)</c>.</summary>
public sealed record TrustedCallerSet(Address Caller, bool Trusted) : ContractEvent;
