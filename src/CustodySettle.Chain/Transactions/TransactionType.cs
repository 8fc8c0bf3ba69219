namespace CustodySettle.Chain.Transactions;

/// <summary>The EIP-2718 transaction type byte.</summary>
public enum TransactionType : byte
{
    /// <summary>An untyped RLP list; signed with EIP-155 replay protection when it has a chain id.</summary>
    Legacy = 0x00,

    /// <summary>EIP-1559: a fee cap and a priority fee instead of a gas price.</summary>
    Eip1559 = 0x02,
}
