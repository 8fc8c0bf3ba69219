using System.Numerics;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>SubAccounts <c>AssetTransferred(uint indexed fromAcc, uint indexed toAcc, address asset, uint subId, int amount, bytes32 assetData, uint tradeId)</c>: fromAcc debited, toAcc credited.</summary>
public sealed record AssetTransferred(BigInteger FromAcc, BigInteger ToAcc, Address Asset, BigInteger SubId, BigInteger Amount, Hash32 AssetData, BigInteger TradeId) : ContractEvent;
