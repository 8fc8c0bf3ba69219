using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustodySettle.Chain.Signers;

/// <summary>
/// Sends through an endpoint that holds the key (eth_sendTransaction): anvil's unlocked dev accounts,
/// Clef, Web3Signer. Sends from this instance are serialized and carry the nonce read from the node's
/// pending state, so an unanswered send can be settled by reading that nonce again: advanced means the
/// node took it, unchanged means nothing was sent and the caller may try again.
/// </summary>
public sealed partial class RemoteSigner : IChainSigner, IDisposable
{
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
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Sent transaction {Hash} from {From} with nonce {Nonce} through the signer endpoint")]
    private static partial void LogSent(ILogger logger, Address from, long nonce, Hash32? hash);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "Send from {From} with nonce {Nonce} was not answered; the node's pending nonce is now {After}")]
    private static partial void LogUnanswered(ILogger logger, Address from, long nonce, long after);
}
