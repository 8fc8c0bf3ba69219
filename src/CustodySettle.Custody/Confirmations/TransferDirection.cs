namespace CustodySettle.Custody.Confirmations;

/// <summary>Which way collateral moved at the custodian.</summary>
public enum TransferDirection
{
    Deposit,
    Withdrawal,
}
