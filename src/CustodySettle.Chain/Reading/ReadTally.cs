namespace CustodySettle.Chain.Reading;

/// <summary>What one <see cref="BatchedReader.ReadAsync"/> costs: HTTP round trips, the most calls one carried, aggregate3 calls.</summary>
internal sealed class ReadTally
{
    public int RoundTrips { get; set; }

    public int CallsPerRoundTrip { get; private set; }

    public int Multicalls { get; set; }

    /// <summary>aggregate3 calls sent again because the node ran them at another block.</summary>
    public int Repeats { get; set; }

    /// <summary>One more JSON-RPC batch (one HTTP request) carrying <paramref name="calls"/> view calls.</summary>
    public void Add(int calls)
    {
        RoundTrips++;
        CallsPerRoundTrip = Math.Max(CallsPerRoundTrip, calls);
    }
}
