using CustodySettle.Chain.Abi;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;

namespace CustodySettle.Chain.Contracts;

/// <summary>The base of every typed binding: one deployed contract, its ABI, and the caller that encodes,
/// calls, sends and decodes for it.</summary>
public abstract class ContractBinding
{
    private protected ContractBinding(EthClient eth, Address address, ContractAbi abi) => Caller = new ContractCaller(eth, address, abi);

    /// <summary>Where the contract is deployed.</summary>
    public Address Address => Caller.Address;

    /// <summary>Its ABI, from the forge artifact.</summary>
    public ContractAbi Abi => Caller.Abi;

    private protected ContractCaller Caller { get; }
}
