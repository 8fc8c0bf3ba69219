namespace CustodySettle.Domain.Access;

/// <summary>What an API key may do (issue 6, "Access").</summary>
public enum Role
{
    /// <summary>A trading desk: its own accounts, positions, margin and calls.</summary>
    Desk,

    /// <summary>A custodian: reports for, and reads, the accounts whose collateral it holds.</summary>
    Custodian,

    /// <summary>Reads everything, writes nothing.</summary>
    Auditor,

    /// <summary>Configures desks, custodians, assets, subaccount links and keys.</summary>
    Operator,
}
