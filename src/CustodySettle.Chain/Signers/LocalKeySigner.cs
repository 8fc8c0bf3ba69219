using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;
using CustodySettle.Chain.Signing;
using CustodySettle.Chain.Transactions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CustodySettle.Chain.Signers;

/// <summary>
/// Signs EIP-1559 transactions with a key held in this process and sends them with
/// eth_sendRawTransaction. Nonces: sends from one instance are serialized (sign, send, learn the
/// outcome, then the next), so nonces go out consecutively whatever the concurrency of callers. Every
/// send starts from the node's pending nonce (LocalKeySigner.Nonce.cs), so a restart neither reuses a
/// nonce the node has seen nor leaves a gap; a node that moved past ours (another sender) is followed;
/// one behind ours because it dropped a transaction of ours from its pool (evicted, or
/// anvil_dropTransaction) has the gap filled, since every later one waits behind it forever otherwise;
/// a node merely behind (a balancer's lagging backend, which does not know that transaction yet
/// either) is not. An unanswered send is settled by its hash, then by the node's nonce, never by
/// signing anew blindly (LocalKeySigner.Settle.cs). Another sender of the same key is followed when
/// its transaction is mined first (the node refuses ours, "nonce too low", and we sign again) but not
/// when it is still in the pool: ours, at the same nonce with a higher fee cap, replaces it there and
/// the other's hash is never mined (seen on anvil, whose eth_sendTransaction caps at base fee + tip).
/// Give each key one sending instance and nothing else. The key is never logged nor put in an error.
/// </summary>
public sealed partial class LocalKeySigner : IChainSigner, IDisposable
{
    private const int MaxAttempts = 3;
    private readonly EthClient _eth;
    private readonly PrivateKey _key;
    private readonly ulong _chainId;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long? _nextNonce;

    public LocalKeySigner(EthClient eth, PrivateKey key, long chainId, ILogger<LocalKeySigner>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(eth);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chainId);
        _eth = eth;
        _key = key;
        _chainId = (ulong)chainId;
        _logger = logger ?? NullLogger<LocalKeySigner>.Instance;
    }

    public Address Address => _key.Address;

    public async Task<SentTransaction> SendAsync(TransactionIntent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                _nextNonce = await NextNonceAsync(cancellationToken).ConfigureAwait(false);
                var signed = await SignAsync(intent, _nextNonce.Value, cancellationToken).ConfigureAwait(false);
                // From here on the transaction may reach the node: the outcome is settled before the
                // caller's cancellation is honoured, or the nonce would be left in doubt.
                var outcome = await _eth.SendRawTransactionAsync(signed.RawBytes, CancellationToken.None).ConfigureAwait(false);
                var settled = await SettleAsync(signed, outcome).ConfigureAwait(false);
                if (settled is { } sent)
                {
                    _nextNonce = sent.Nonce + 1;
                    Remember(sent);
                    LogSent(_logger, sent.Hash, Address, sent.Nonce);
                    return sent;
                }

                // The nonce was taken by another sender of this key: learn the node's and sign again.
                _nextNonce = null;
                if (attempt == MaxAttempts)
                {
                    throw new ChainSendException(
                        $"Nonce {signed.Nonce} of {Address} kept being taken by another sender; gave up after {MaxAttempts} attempts.",
                        refused: true,
                        hash: signed.Hash,
                        rpcError: outcome.Error);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<SignedTransaction> SignAsync(TransactionIntent intent, long nonce, CancellationToken cancellationToken)
    {
        var (maxFee, tip) = await FeeEstimator.EstimateAsync(_eth, cancellationToken).ConfigureAwait(false);
        var gas = await GasEstimator.GasLimitAsync(_eth, Address, intent, cancellationToken).ConfigureAwait(false);
        var transaction = new Eip1559Transaction
        {
            ChainId = _chainId,
            Nonce = (ulong)nonce,
            MaxPriorityFeePerGas = tip,
            MaxFeePerGas = maxFee,
            GasLimit = (ulong)gas,
            To = intent.To,
            Value = intent.Value,
            Data = intent.Data,
        };
        return transaction.Sign(_key);
    }

    [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "Sent transaction {Hash} from {From} with nonce {Nonce}")]
    private static partial void LogSent(ILogger logger, Hash32 hash, Address from, long nonce);
}
