namespace CustodySettle.Chain.Abi;

/// <summary>The "stateMutability" of a JSON ABI function.</summary>
public enum AbiStateMutability
{
    /// <summary>Neither reads nor writes state.</summary>
    Pure,

    /// <summary>Reads state; safe to eth_call.</summary>
    View,

    /// <summary>Writes state and refuses ether (Solidity's default).</summary>
    NonPayable,

    /// <summary>Writes state and accepts ether.</summary>
    Payable,
}
