using CustodySettle.Chain.Contracts;

namespace CustodySettle.Chain.Reading;

/// <summary>The calls of one aggregate3: consecutive calls from index <see cref="Start"/> of a read, and their summed gas hints.</summary>
internal sealed class MulticallChunk(int start)
{
    public int Start { get; } = start;

    public List<ViewCall> Calls { get; } = [];

    public long Gas { get; set; }

    /// <summary>The aggregate3 call: Multicall3.getBlockNumber() then <see cref="Calls"/>.</summary>
    public ContractRead<IReadOnlyList<Multicall3Result>>? Read { get; set; }

    /// <summary>Times it was sent and run at a block other than the pinned one.</summary>
    public int Attempts { get; set; }
}
