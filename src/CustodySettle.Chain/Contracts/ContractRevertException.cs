using CustodySettle.Chain.Abi;
using CustodySettle.Chain.Contracts.Errors;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Contracts;

/// <summary>
/// A contract call reverted: in an eth_call (a view, or the pre-flight of a write, so nothing was
/// sent) or in a mined transaction (<see cref="TransactionHash"/> set). <see cref="Revert"/> is the
/// revert data decoded against the contract's ABI; <see cref="Error"/> the typed form of the errors
/// callers act on (e.g. <see cref="SupplyMismatch"/>), null for the others.
/// </summary>
public sealed class ContractRevertException : Exception
{
    public ContractRevertException()
    {
    }

    public ContractRevertException(string message)
        : base(message)
    {
    }

    public ContractRevertException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal ContractRevertException(Address contract, string? function, AbiRevert revert, Hash32? transactionHash, Exception? innerException, string? detail = null)
        : base(Describe(contract, function, revert, transactionHash) + (detail is null ? "" : $" ({detail})"), innerException)
    {
        Contract = contract;
        Function = function;
        Revert = revert;
        Error = ContractErrors.From(revert);
        TransactionHash = transactionHash;
    }

    /// <summary>The contract called.</summary>
    public Address Contract { get; }

    /// <summary>The function called, e.g. "guardMint"; null when the call data matched none.</summary>
    public string? Function { get; }

    /// <summary>The decoded revert (raw data, matched error, arguments, readable message).</summary>
    public AbiRevert? Revert { get; }

    /// <summary>The typed error, for the errors with a record in <c>Contracts/Errors</c>.</summary>
    public ContractError? Error { get; }

    /// <summary>The mined transaction that reverted; null when an eth_call reverted (nothing was sent).</summary>
    public Hash32? TransactionHash { get; }

    private static string Describe(Address contract, string? function, AbiRevert revert, Hash32? hash) =>
        (hash is null ? "" : $"Transaction {hash}: ")
        + $"{function ?? "call"} on {contract} reverted: {revert.Message}";
}
