using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Reading;

/// <summary>
/// What <see cref="BatchedReader.ReadAsync"/> read: one result per call, in call order, all at block
/// <see cref="BlockNumber"/> (hash <see cref="BlockHash"/>, read first), and what it cost.
/// </summary>
/// <param name="Results">Per call, in the order given.</param>
/// <param name="BlockNumber">The block every call was made at.</param>
/// <param name="BlockHash">That block's hash when the read started.</param>
/// <param name="RoundTrips">HTTP requests made: one for the block, one per JSON-RPC batch (transparent retries not counted).</param>
/// <param name="CallsPerRoundTrip">Most calls one batch carried.</param>
/// <param name="Multicalls">aggregate3 eth_calls made, repeats included (0 in the JSON-RPC-batch fallback).</param>
/// <param name="Repeats">aggregate3 eth_calls sent again because the node ran them at another block than the pinned one.</param>
public sealed record BatchReadResult(
    IReadOnlyList<ViewResult> Results, long BlockNumber, Hash32 BlockHash, int RoundTrips, int CallsPerRoundTrip, int Multicalls, int Repeats);
