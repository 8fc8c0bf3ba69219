namespace CustodySettle.Chain.Reading;

/// <summary>One query's outcome: its <see cref="State"/>, or, when one of its calls failed, why in <see cref="Error"/>.</summary>
public sealed record SubaccountReading(SubaccountQuery Query, SubaccountState? State, string? Error);
