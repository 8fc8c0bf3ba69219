using CustodySettle.Chain.Abi;
using CustodySettle.Chain.Contracts.Errors;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;
using CustodySettle.Chain.Signers;

namespace CustodySettle.Chain.Contracts;

/// <summary>
/// Waits for a binding's transaction and turns a failed receipt into a <see cref="ContractRevertException"/>.
/// A receipt says only that a transaction failed (EIP-658 status), not why; the reason is recovered by
/// replaying the transaction as an eth_call on the state before its block. That state is not the one
/// the transaction met when transactions ahead of it in the same block changed it, so the replay may
/// not revert or may revert differently: the exception then says "reverted without data". The writes'
/// eth_call pre-flight catches most reverts before anything is sent.
/// </summary>
public sealed class TransactionConfirmer
{
    private readonly EthClient _eth;
    private readonly ReceiptWaiter _waiter;

    public TransactionConfirmer(EthClient eth, ReceiptWaiter? waiter = null)
    {
        ArgumentNullException.ThrowIfNull(eth);
        _eth = eth;
        _waiter = waiter ?? new ReceiptWaiter(eth, pollInterval: TimeSpan.FromMilliseconds(50));
    }

    /// <summary>The receipt once mined under <paramref name="confirmations"/> blocks; throws when it failed.</summary>
    /// <param name="sent">What a binding's write returned.</param>
    /// <param name="abi">The called contract's ABI, to decode the revert (a binding's <c>Abi</c>).</param>
    /// <param name="confirmations">1 = mined.</param>
    /// <param name="ct">Cancels the wait.</param>
    public async Task<TransactionReceipt> ConfirmAsync(SentTransaction sent, ContractAbi abi, int confirmations, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(abi);
        var receipt = await _waiter.WaitAsync(sent.Hash, confirmations, ct).ConfigureAwait(false);
        if (receipt.Succeeded)
        {
            return receipt;
        }

        var transaction = await _eth.GetTransactionByHashAsync(sent.Hash, ct).ConfigureAwait(false);
        var contract = receipt.To ?? Address.Zero;
        var function = transaction is null ? null : abi.FindFunction(transaction.Input.Span)?.Name;
        var (revert, nodeError) = transaction is null
            ? (AbiRevert.Decode([]), null)
            : await ReplayAsync(transaction, contract, receipt.BlockNumber, abi, ct).ConfigureAwait(false);
        // Out of gas leaves no revert data; a nested call running out leaves the outer one little gas either.
        var detail = revert.Data.IsEmpty && transaction is not null && receipt.GasUsed * 10 >= transaction.Gas * 9
            ? $"it used {receipt.GasUsed} of its {transaction.Gas} gas: probably out of gas"
            : nodeError;
        throw new ContractRevertException(contract, function, revert, sent.Hash, null, detail);
    }

    /// <summary>The replay's revert, or no revert and the node's error when it failed otherwise (e.g. "EVM error OutOfGas").</summary>
    private async Task<(AbiRevert Revert, string? NodeError)> ReplayAsync(
        TransactionDetails transaction, Address contract, long blockNumber, ContractAbi abi, CancellationToken ct)
    {
        var call = new CallRequest(contract, transaction.Input, transaction.From, transaction.Value, transaction.Gas);
        try
        {
            await _eth.CallAsync(call, BlockTag.At(Math.Max(0, blockNumber - 1)), ct).ConfigureAwait(false);
            return (AbiRevert.Decode([]), "the replay on the previous block's state did not revert");
        }
        catch (JsonRpcException error) when (error.IsRevert)
        {
            return (ContractErrors.Decode(abi, error.RevertData.Span), null);
        }
        catch (JsonRpcException error) when (error.Kind == JsonRpcErrorKind.Rpc)
        {
            return (AbiRevert.Decode([]), $"the replay failed: {error.RpcMessage}");
        }
    }
}
