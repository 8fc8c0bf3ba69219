using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;
using Microsoft.Extensions.Logging;

namespace CustodySettle.Chain.Signers;

/// <summary>Which nonce the next send takes, and the recent sends that tell a dropped transaction from a lagging node.</summary>
public sealed partial class LocalKeySigner
{
    /// <summary>Sends remembered by nonce: far more than ever wait in a pool at once.</summary>
    private const int RememberedSends = 4096;

    private readonly SortedDictionary<long, Hash32> _recent = [];

    /// <summary>
    /// The node's pending nonce (its mined count plus our consecutive transactions in its pool) against
    /// ours. At or past ours: take it. Behind ours: the node holds none of ours from its nonce on. If it
    /// does not know the one we sent with that nonce either, that one was dropped from its pool, and
    /// every later one waits behind the gap (a pool's "queued"); the nonce is free again, so it is
    /// signed anew (the caller's own check decides what it resends, e.g. the mirror's supply guard).
    /// If it does know it, the node is behind (a lagging backend) and our count stands.
    /// </summary>
    private async Task<long> NextNonceAsync(CancellationToken ct)
    {
        var pending = await _eth.GetTransactionCountAsync(Address, BlockTag.Pending, ct).ConfigureAwait(false);
        if (_nextNonce is not { } next || pending >= next)
        {
            return pending;
        }

        if (_recent.TryGetValue(pending, out var hash) && await _eth.GetTransactionByHashAsync(hash, ct).ConfigureAwait(false) is not null)
        {
            return next;
        }

        LogGap(_logger, Address, pending, next);
        foreach (var nonce in _recent.Keys.Where(n => n >= pending).ToList())
        {
            _recent.Remove(nonce);
        }

        return pending;
    }

    private void Remember(SentTransaction sent)
    {
        _recent[sent.Nonce] = sent.Hash;
        while (_recent.Count > RememberedSends)
        {
            _recent.Remove(_recent.Keys.First());
        }
    }

    [LoggerMessage(EventId = 4114, Level = LogLevel.Warning,
        Message = "The node's pending nonce of {From} is {Pending}, behind ours ({Next}): our transaction with nonce {Pending} was dropped from its pool; signing from {Pending} again")]
    private static partial void LogGap(ILogger logger, Address from, long pending, long next);
}
