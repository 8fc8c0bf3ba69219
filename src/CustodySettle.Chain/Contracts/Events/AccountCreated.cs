using System.Numerics;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>SubAccounts <c>AccountCreated(address indexed owner, uint indexed accountId, address indexed manager)</c>.</summary>
public sealed record AccountCreated(Address Owner, BigInteger AccountId, Address Manager) : ContractEvent;
