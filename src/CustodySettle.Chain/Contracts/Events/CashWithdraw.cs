using System.Numerics;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>CashAsset <c>Withdraw(uint indexed accountId, address indexed recipient, uint amountCashBurned, uint stableAssetWithdrawn)</c>.</summary>
public sealed record CashWithdraw(BigInteger AccountId, Address Recipient, BigInteger AmountCashBurned, BigInteger StableAssetWithdrawn) : ContractEvent;
