using CustodySettle.Chain.Abi;
using CustodySettle.Chain.Contracts.Errors;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;
using CustodySettle.Chain.Signers;

namespace CustodySettle.Chain.Contracts;

/// <summary>
/// What every binding does: encode a function call, eth_call it and decode the output, or send it.
/// A revert becomes a <see cref="ContractRevertException"/> decoded against the contract's ABI.
/// </summary>
internal sealed class ContractCaller
{
    public ContractCaller(EthClient eth, Address address, ContractAbi abi)
    {
        ArgumentNullException.ThrowIfNull(eth);
        ArgumentNullException.ThrowIfNull(abi);
        (Eth, Address, Abi) = (eth, address, abi);
    }

    public EthClient Eth { get; }

    public Address Address { get; }

    public ContractAbi Abi { get; }

    /// <summary>A view call of <paramref name="function"/> not yet made, decoding its outputs with <paramref name="map"/>.</summary>
    public ContractRead<T> Read<T>(string function, object?[] args, long gasHint, Func<AbiValues, T> map)
    {
        var abiFunction = Abi.GetFunction(function);
        return new ContractRead<T>(Address, abiFunction.Name, abiFunction.EncodeCall(args), gasHint, data => map(abiFunction.DecodeOutput(data.Span)));
    }

    /// <summary>Makes <paramref name="read"/> with eth_call at <paramref name="block"/> (latest when null).</summary>
    public async Task<T> ReadAsync<T>(ContractRead<T> read, BlockTag? block, CancellationToken ct)
    {
        var data = await CallRawAsync(read.Function, new CallRequest(Address, read.Data), block ?? BlockTag.Latest, ct).ConfigureAwait(false);
        return read.Decode(data);
    }

    /// <summary>
    /// Sends <paramref name="function"/> from <paramref name="signer"/> after an eth_estimateGas
    /// pre-flight from the same address against the pending state. A call that would revert throws
    /// <see cref="ContractRevertException"/> with the decoded revert data and sends nothing (a mined
    /// transaction's receipt carries no revert data; <see cref="TransactionConfirmer"/> replays one that
    /// failed). The gas limit is the estimate plus <see cref="GasHeadroom"/>: the estimate holds for the
    /// pending block's timestamp and state only, and e.g. PerpAsset's funding accrual writes storage only
    /// when the timestamp has moved, so a transaction mined a second later can need more.
    /// </summary>
    public async Task<SentTransaction> SendAsync(IChainSigner signer, string function, object?[] args, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var abiFunction = Abi.GetFunction(function);
        var data = abiFunction.EncodeCall(args);
        long estimate;
        try
        {
            estimate = await Eth.EstimateGasAsync(new TransactionRequest { From = signer.Address, To = Address, Data = data }, ct).ConfigureAwait(false);
        }
        catch (JsonRpcException error) when (error.IsRevert)
        {
            throw new ContractRevertException(Address, abiFunction.Name, ContractErrors.Decode(Abi, error.RevertData.Span), null, error);
        }

        var intent = new TransactionIntent(Address, data) { GasLimit = GasHeadroom(estimate) };
        return await signer.SendAsync(intent, ct).ConfigureAwait(false);
    }

    /// <summary>The estimate plus a quarter and 10,000 (a few storage writes and a log).</summary>
    public static long GasHeadroom(long estimate) => checked(estimate + (estimate / 4) + 10_000);

    private async Task<ReadOnlyMemory<byte>> CallRawAsync(string function, CallRequest call, BlockTag block, CancellationToken ct)
    {
        try
        {
            return await Eth.CallAsync(call, block, ct).ConfigureAwait(false);
        }
        catch (JsonRpcException error) when (error.IsRevert)
        {
            throw new ContractRevertException(Address, function, ContractErrors.Decode(Abi, error.RevertData.Span), null, error);
        }
    }
}
