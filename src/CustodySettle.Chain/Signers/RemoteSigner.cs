using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustodySettle.Chain.Signers;

/// <summary>
/// Sends through an endpoint that holds the key (eth_sendTransaction): anvil's unlocked dev accounts,
/// Clef, Web3Signer. Sends from this instance are serialized and carry the nonce read from the node's
/// pending state, so an unanswered send can be settled by reading that nonce again: advanced means the
/// node took it, unchanged means nothing was sent and the caller may try again. A refusal because
/// another sender of the same key took the nonce meanwhile ("nonce too low", or "replacement
/// transaction underpriced" while the other is pending: either way this one was not accepted) is retried with the node's new pending nonce, up to <see cref="MaxAttempts"/> times.
/// </summary>
public sealed partial class RemoteSigner : IChainSigner, IDisposable
{
    private const int MaxAttempts = 6;
    private readonly EthClient _eth;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public RemoteSigner(EthClient eth, Address address, ILogger<RemoteSigner>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(eth);
        _eth = eth;
        Address = address;
        _logger = logger ?? NullLogger<RemoteSigner>.Instance;
    }

    public Address Address { get; }

    public async Task<SentTransaction> SendAsync(TransactionIntent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var sent = await SendOnceAsync(intent, lastAttempt: attempt == MaxAttempts, cancellationToken).ConfigureAwait(false);
                if (sent is not null)
                {
                    return sent;
                }

                // A random pause, growing with each loss, so two senders racing for nonces stop losing to each other in lockstep.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 25) * attempt), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>One send; null when the nonce was taken by another sender and it is worth another attempt.</summary>
    private async Task<SentTransaction?> SendOnceAsync(TransactionIntent intent, bool lastAttempt, CancellationToken cancellationToken)
    {
        var nonce = await _eth.GetTransactionCountAsync(Address, BlockTag.Pending, cancellationToken).ConfigureAwait(false);
        var gas = await GasEstimator.GasLimitAsync(_eth, Address, intent, cancellationToken).ConfigureAwait(false);
        var request = new TransactionRequest
        {
            From = Address,
            To = intent.To,
            Data = intent.Data,
            Value = intent.Value,
            Gas = gas,
            Nonce = nonce,
        };
        var outcome = await _eth.SendTransactionAsync(request, cancellationToken).ConfigureAwait(false);
        switch (outcome.Status)
        {
            case SendStatus.Sent:
                LogSent(_logger, Address, nonce, outcome.TransactionHash);
                return new SentTransaction(outcome.EnsureSent(), Address, nonce);
            case SendStatus.Rejected when !lastAttempt && NonceTaken(outcome.Error?.RpcMessage):
                LogNonceTaken(_logger, Address, nonce);
                return null;
            case SendStatus.Rejected:
                throw new ChainSendException(
                    $"The signer endpoint refused the transaction from {Address} (nonce {nonce}): {outcome.Error?.RpcMessage}",
                    refused: true,
                    hash: null,
                    rpcError: outcome.Error);
            default:
                // No answer: the node's pending nonce tells whether it took the transaction.
                var after = await _eth.GetTransactionCountAsync(Address, BlockTag.Pending, CancellationToken.None).ConfigureAwait(false);
                LogUnanswered(_logger, Address, nonce, after);
                throw new ChainSendException(
                    after > nonce
                        ? $"The send from {Address} was not answered, but the node's nonce moved from {nonce} to {after}: it took the transaction; look it up before sending again."
                        : $"The send from {Address} was not answered and the node's nonce is still {nonce}: nothing was sent; it is safe to try again.",
                    refused: after <= nonce,
                    hash: null,
                    rpcError: outcome.Error);
        }
    }

    /// <summary>geth's and anvil's refusals of a nonce another sender used first: mined already, or waiting in the pool.</summary>
    private static bool NonceTaken(string? message) =>
        message is not null && (message.Contains("nonce too low", StringComparison.OrdinalIgnoreCase)
            || message.Contains("replacement transaction underpriced", StringComparison.OrdinalIgnoreCase));

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "Nonce {Nonce} of {From} was taken by another sender meanwhile; sending again with the node's next")]
    private static partial void LogNonceTaken(ILogger logger, Address from, long nonce);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Sent transaction {Hash} from {From} with nonce {Nonce} through the signer endpoint")]
    private static partial void LogSent(ILogger logger, Address from, long nonce, Hash32? hash);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Send from {From} with nonce {Nonce} was not answered; the node's pending nonce is now {After}")]
    private static partial void LogUnanswered(ILogger logger, Address from, long nonce, long after);
}
