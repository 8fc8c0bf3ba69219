using System.Numerics;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>CashAsset <c>Deposit(uint indexed accountId, address indexed from, uint amountCashMinted, uint stableAssetDeposited)</c>: cash in 18 decimals, USDC in its 6.</summary>
public sealed record CashDeposit(BigInteger AccountId, Address From, BigInteger AmountCashMinted, BigInteger StableAssetDeposited) : ContractEvent;
