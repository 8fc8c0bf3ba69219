namespace CustodySettle.Server.Operations;

/// <summary>One instrument's collected state: its name as the instrument has it, and one point per tag set.</summary>
internal sealed record MetricFamily(string Name, string? Description, MetricKind Kind, IReadOnlyList<MetricPoint> Points);
