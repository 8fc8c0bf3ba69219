using System.Numerics;
using CustodySettle.Chain.Primitives;

namespace ChainBench.Seeding;

/// <summary>Subaccount <paramref name="Index"/> of BenchSeeder: its id, its holder and the holder's custody token.</summary>
internal sealed record SeededAccount(int Index, BigInteger AccountId, Address Holder, Address Token);
