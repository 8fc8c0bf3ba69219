using System.Numerics;

namespace CustodySettle.Registry;

/// <summary>A Derive SubAccounts token id and the desk that trades it.</summary>
public sealed record SubaccountLink(BigInteger SubaccountId, string DeskId, DateTimeOffset CreatedAt);
