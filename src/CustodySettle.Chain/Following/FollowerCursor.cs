using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Following;

/// <summary>The last block whose logs are applied; <c>Hash</c> is null only before the first range.</summary>
internal readonly record struct FollowerCursor(long Number, Hash32? Hash);
