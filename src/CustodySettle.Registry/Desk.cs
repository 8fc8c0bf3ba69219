namespace CustodySettle.Registry;

/// <summary>A trading desk; <paramref name="WalletAddress"/> (lower-case hex) holds its custody tokens on chain.</summary>
public sealed record Desk(string DeskId, string DisplayName, string WalletAddress, DateTimeOffset CreatedAt);
