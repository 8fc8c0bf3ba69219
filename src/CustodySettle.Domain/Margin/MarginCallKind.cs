namespace CustodySettle.Domain.Margin;

/// <summary>Which way a margin call moves collateral (ISDA CSA: Delivery Amount and Return Amount).</summary>
public enum MarginCallKind
{
    /// <summary>The desk delivers collateral: its collateral is below the credit support amount.</summary>
    Delivery,

    /// <summary>Collateral goes back to the desk: it holds more than the credit support amount by at least the MTA.</summary>
    Return,
}
