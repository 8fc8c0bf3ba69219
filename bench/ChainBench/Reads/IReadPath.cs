using ChainBench.Seeding;

namespace ChainBench.Reads;

/// <summary>One way of reading a <see cref="ValueSet"/> for many subaccounts at one block.</summary>
internal interface IReadPath
{
    /// <summary>"batched" or "per-call".</summary>
    string Name { get; }

    Task<PathRead> ReadAsync(IReadOnlyList<SeededAccount> accounts, long block, CancellationToken ct);
}
