using System.Numerics;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Contracts;

/// <summary>One row of <c>SubAccounts.getAccountBalances</c>: ISubAccounts.AssetBalance (18-decimal balance).</summary>
public sealed record AssetBalance(Address Asset, BigInteger SubId, BigInteger Balance);
