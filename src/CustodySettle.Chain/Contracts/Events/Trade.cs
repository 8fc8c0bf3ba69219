using System.Numerics;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>TradeExecutor <c>Trade(uint indexed tradeId, uint indexed fromAcc, uint indexed toAcc, address perp, int size, uint price, uint markPrice, int cashTransferred)</c>: toAcc bought size from fromAcc.</summary>
public sealed record Trade(BigInteger TradeId, BigInteger FromAcc, BigInteger ToAcc, Address Perp, BigInteger Size, BigInteger Price, BigInteger MarkPrice, BigInteger CashTransferred) : ContractEvent;
