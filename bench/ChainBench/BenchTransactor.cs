using CustodySettle.Chain.Abi;
using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;
using CustodySettle.Chain.Signers;

namespace ChainBench;

/// <summary>
/// Setup transactions from one of anvil's unlocked dev accounts (eth_sendTransaction through
/// <see cref="RemoteSigner"/>), each waited for and checked: a failed one throws with its decoded revert.
/// Gas limits are given, so the node does not estimate the large seeding calls by re-running them.
/// </summary>
internal sealed class BenchTransactor(EthClient eth, Address from) : IDisposable
{
    private readonly RemoteSigner _signer = new(eth, from);
    private readonly TransactionConfirmer _confirmer = new(eth);

    public IChainSigner Signer => _signer;

    /// <summary>Calls <paramref name="function"/> of the contract at <paramref name="to"/> and waits until it is mined.</summary>
    public async Task<TransactionReceipt> CallAsync(Address to, ContractAbi abi, string function, object?[] args, long gas, CancellationToken ct)
    {
        var sent = await _signer.SendAsync(new TransactionIntent(to, abi.GetFunction(function).EncodeCall(args)) { GasLimit = gas }, ct);
        return await _confirmer.ConfirmAsync(sent, abi, 1, ct);
    }

    /// <summary>Waits for a binding's transaction.</summary>
    public Task<TransactionReceipt> ConfirmAsync(SentTransaction sent, ContractAbi abi, CancellationToken ct) =>
        _confirmer.ConfirmAsync(sent, abi, 1, ct);

    /// <summary>Deploys <paramref name="artifact"/> and returns its address.</summary>
    public async Task<Address> DeployAsync(ContractArtifact artifact, object?[] constructorArgs, long gas, CancellationToken ct)
    {
        var sent = await _signer.SendAsync(new TransactionIntent(null, artifact.EncodeDeployment(constructorArgs)) { GasLimit = gas }, ct);
        var receipt = await _confirmer.ConfirmAsync(sent, artifact.Abi, 1, ct);
        return receipt.ContractAddress ?? throw new InvalidOperationException($"Deployment {sent.Hash} created no contract.");
    }

    /// <summary>A view of a contract without a binding, at <paramref name="block"/>.</summary>
    public async Task<AbiValues> ViewAsync(Address to, ContractAbi abi, string function, object?[] args, BlockTag block, CancellationToken ct)
    {
        var abiFunction = abi.GetFunction(function);
        var data = await eth.CallAsync(new CallRequest(to, abiFunction.EncodeCall(args)), block, ct);
        return abiFunction.DecodeOutput(data.Span);
    }

    public void Dispose() => _signer.Dispose();
}
