using System.Numerics;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Custody.Mirroring;

/// <summary>One custody token's worth of the mirror: a desk's holding of an asset at a custodian, per the ledger.</summary>
public sealed record MirrorTarget(string DeskId, Address Holder, string CustodianId, int LedgerId, string AssetCode, BigInteger Held);
