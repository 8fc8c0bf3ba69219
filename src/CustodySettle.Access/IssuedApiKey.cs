namespace CustodySettle.Access;

/// <summary>A created or rotated key; <see cref="Token"/> is null on a replay (only its hash is kept).</summary>
public sealed record IssuedApiKey(ApiKeyRecord Key, string? Token);
