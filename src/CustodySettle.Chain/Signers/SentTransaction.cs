using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Signers;

/// <summary>A transaction the node accepted: its hash and the nonce it used.</summary>
public sealed record SentTransaction(Hash32 Hash, Address From, long Nonce);
