using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;
using CustodySettle.Chain.Transactions;
using Microsoft.Extensions.Logging;

namespace CustodySettle.Chain.Signers;

/// <summary>What a send's outcome means for the nonce.</summary>
public sealed partial class LocalKeySigner
{
    private const int UnknownOutcomeChecks = 3;

    /// <summary>
    /// The sent transaction; null when its nonce was taken by another sender (sign again with a fresh
    /// nonce); throws when it was refused (nonce free again) or its fate cannot be established.
    /// </summary>
    private async Task<SentTransaction?> SettleAsync(SignedTransaction signed, SendOutcome outcome)
    {
        var nonce = (long)signed.Nonce;
        var sent = new SentTransaction(signed.Hash, Address, nonce);
        switch (outcome.Status)
        {
            case SendStatus.Sent:
                return sent;
            case SendStatus.Rejected when IsAlreadyKnown(outcome.Error):
                // The node holds this very transaction (an earlier attempt did reach it).
                return sent;
            case SendStatus.Rejected when IsNonceTaken(outcome.Error):
                LogNonceTaken(_logger, Address, nonce);
                return null;
            case SendStatus.Rejected:
                throw new ChainSendException(
                    $"The node refused the transaction from {Address} with nonce {nonce}: {outcome.Error?.RpcMessage}",
                    refused: true,
                    hash: signed.Hash,
                    rpcError: outcome.Error);
        }

        // No answer. The hash is ours (keccak of the signed bytes): ask for it; if the node does not have
        // it and its nonce has not moved past ours, re-sending the identical bytes is harmless (same hash,
        // same nonce: it can be included at most once).
        for (var check = 1; check <= UnknownOutcomeChecks; check++)
        {
            LogUnanswered(_logger, signed.Hash, Address, nonce, check);
            try
            {
                if (await _eth.GetTransactionByHashAsync(signed.Hash, CancellationToken.None).ConfigureAwait(false) is not null)
                {
                    return sent;
                }

                var pending = await _eth.GetTransactionCountAsync(Address, BlockTag.Pending, CancellationToken.None).ConfigureAwait(false);
                if (pending > nonce)
                {
                    // Mined between the two reads, or the nonce used by another sender of this key.
                    return await _eth.GetTransactionByHashAsync(signed.Hash, CancellationToken.None).ConfigureAwait(false) is null ? null : sent;
                }

                var resent = await _eth.SendRawTransactionAsync(signed.RawBytes, CancellationToken.None).ConfigureAwait(false);
                if (resent.Status == SendStatus.Sent || (resent.Status == SendStatus.Rejected && IsAlreadyKnown(resent.Error)))
                {
                    return sent;
                }
            }
            catch (JsonRpcException)
            {
                // The node is still unreachable; try again below.
            }
        }

        // Its fate is unknown: the next send starts again from the node's pending nonce.
        _nextNonce = null;
        throw new ChainSendException(
            $"Could not establish whether transaction {signed.Hash} (nonce {nonce} of {Address}) reached the node; look the hash up before sending again.",
            refused: false,
            hash: signed.Hash,
            rpcError: outcome.Error);
    }

    // geth: "already known"; anvil/reth: "transaction already imported" / "already exists".
    private static bool IsAlreadyKnown(JsonRpcException? error) =>
        error?.RpcMessage is { } message
        && (message.Contains("already known", StringComparison.OrdinalIgnoreCase)
            || message.Contains("already imported", StringComparison.OrdinalIgnoreCase)
            || message.Contains("already exists", StringComparison.OrdinalIgnoreCase));

    // Another transaction holds the nonce: mined ("nonce too low") or in the pool, where ours would
    // replace it at a higher fee only ("replacement transaction underpriced"); geth and anvil alike.
    private static bool IsNonceTaken(JsonRpcException? error) =>
        error?.RpcMessage is { } message
        && (message.Contains("nonce too low", StringComparison.OrdinalIgnoreCase)
            || message.Contains("replacement transaction underpriced", StringComparison.OrdinalIgnoreCase));

    [LoggerMessage(EventId = 4112, Level = LogLevel.Warning, Message = "Nonce {Nonce} of {From} was taken by another sender; re-reading the node's nonce")]
    private static partial void LogNonceTaken(ILogger logger, Address from, long nonce);

    [LoggerMessage(EventId = 4113, Level = LogLevel.Warning, Message = "Send of {Hash} from {From} with nonce {Nonce} was not answered; checking by hash and nonce (check {Check})")]
    private static partial void LogUnanswered(ILogger logger, Hash32 hash, Address from, long nonce, int check);
}
