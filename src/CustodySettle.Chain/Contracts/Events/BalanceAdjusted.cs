using System.Numerics;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>SubAccounts <c>BalanceAdjusted(uint indexed accountId, address indexed manager, bytes32 indexed assetAndSubId, int amount, int preBalance, int postBalance, uint tradeId)</c>.
/// <c>Amount</c> is the requested change, <c>PostBalance - PreBalance</c> what happened; match <c>AssetAndSubId</c>
/// against <see cref="SubAccountsContract.AssetAndSubIdKey"/> of known pairs (docs/contracts.md, SubAccounts).</summary>
public sealed record BalanceAdjusted(BigInteger AccountId, Address Manager, Hash32 AssetAndSubId, BigInteger Amount, BigInteger PreBalance, BigInteger PostBalance, BigInteger TradeId) : ContractEvent;
