namespace CustodySettle.Chain.Following;

/// <summary>
/// The eth_getLogs range, adapted to event density (The Graph and Ponder size ranges the same way):
/// a range that returned more logs than the target shrinks in proportion, one that returned under half
/// of it doubles, and a provider's "range too large" halves the refused range.
/// </summary>
internal sealed class BlockRangeSizer
{
    private readonly long _min;
    private readonly long _max;
    private readonly int _targetLogs;

    public BlockRangeSizer(long initial, long min, long max, int targetLogs)
    {
        (_min, _max, _targetLogs) = (min, max, targetLogs);
        Current = Math.Clamp(initial, min, max);
    }

    /// <summary>The next range's size in blocks.</summary>
    public long Current { get; private set; }

    /// <summary>A range of <paramref name="blocks"/> returned <paramref name="logs"/> logs.</summary>
    public void Observe(long blocks, int logs)
    {
        if (logs > _targetLogs)
        {
            Current = Math.Clamp(blocks * _targetLogs / logs, _min, Math.Min(Current, _max));
        }
        else if (logs * 2L < _targetLogs && blocks >= Current)
        {
            // Only a full-size range says anything about density; the short last range at the head does not.
            Current = Math.Min(_max, Current * 2);
        }
    }

    /// <summary>The provider refused <paramref name="blocks"/> blocks: halve. False when already at the minimum.</summary>
    public bool TryShrink(long blocks)
    {
        if (blocks <= _min)
        {
            return false;
        }

        Current = Math.Max(_min, blocks / 2);
        return true;
    }
}
