using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;

namespace CustodySettle.Chain.Signers;

/// <summary>
/// Waits until a transaction is mined and buried under a number of confirmations (the chain's
/// finality depth when money depends on it), polling with the injected clock. The receipt's block is
/// re-checked at the end: if a reorg dropped it, waiting goes on until the transaction is re-mined.
/// </summary>
public sealed class ReceiptWaiter
{
    private readonly EthClient _eth;
    private readonly TimeProvider _time;
    private readonly TimeSpan _pollInterval;

    public ReceiptWaiter(EthClient eth, TimeProvider? time = null, TimeSpan? pollInterval = null)
    {
        ArgumentNullException.ThrowIfNull(eth);
        _eth = eth;
        _time = time ?? TimeProvider.System;
        _pollInterval = pollInterval ?? TimeSpan.FromMilliseconds(200);
    }

    /// <summary>The receipt once its block has <paramref name="confirmations"/> blocks on top of it and
    /// itself (1 = mined). A reverted transaction returns too: check <see cref="TransactionReceipt.Succeeded"/>.</summary>
    public async Task<TransactionReceipt> WaitAsync(Hash32 hash, int confirmations, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(confirmations, 1);
        while (true)
        {
            var receipt = await _eth.GetTransactionReceiptAsync(hash, cancellationToken).ConfigureAwait(false);
            if (receipt is not null)
            {
                var head = await _eth.BlockNumberAsync(cancellationToken).ConfigureAwait(false);
                if (head - receipt.BlockNumber + 1 >= confirmations)
                {
                    var block = await _eth.GetBlockByNumberAsync(BlockTag.At(receipt.BlockNumber), cancellationToken).ConfigureAwait(false);
                    if (block?.Hash == receipt.BlockHash)
                    {
                        return receipt;
                    }
                }
            }

            await Task.Delay(_pollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }
}
