namespace CustodySettle.Registry;

/// <summary>A qualified custodian holding desks' collateral off exchange.</summary>
public sealed record Custodian(string CustodianId, string DisplayName, DateTimeOffset CreatedAt);
