using System.Numerics;

namespace ChainBench.Reads;

/// <summary>The values read, per account in the value set's order, and the round trips the reader itself reports (null when it reports none).</summary>
internal sealed record PathRead(BigInteger[][] Values, int? ReaderRoundTrips);
