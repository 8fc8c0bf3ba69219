namespace CustodySettle.Chain.Contracts.Errors;

/// <summary>A custom error a contract reverted with, typed (see <see cref="ContractRevertException.Error"/>).</summary>
public abstract record ContractError;
