namespace ChainBench.Reads;

/// <summary>
/// A measured comparison: one value set, read by the batched reader and by one eth_call per value,
/// plus the raw per-call floor (reference only; null to skip it).
/// </summary>
internal sealed record ReadCase(ValueSet Set, IReadPath Batched, IReadPath PerCall, IReadPath? PerCallRaw)
{
    /// <summary>The paths of one repeat: batched first in odd repeats, last in even ones.</summary>
    public IReadOnlyList<IReadPath> Order(int repeat)
    {
        IReadPath[] paths = PerCallRaw is { } raw ? [Batched, PerCall, raw] : [Batched, PerCall];
        return repeat % 2 == 1 ? paths : [.. paths.Reverse()];
    }
}
