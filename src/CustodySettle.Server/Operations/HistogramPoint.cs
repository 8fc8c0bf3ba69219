namespace CustodySettle.Server.Operations;

/// <summary>
/// A histogram's state: <see cref="CumulativeCounts"/>[i] is the number of values at most
/// <see cref="Bounds"/>[i] (Prometheus' <c>le</c>); <see cref="Count"/> is the <c>+Inf</c> bucket.
/// </summary>
internal sealed record HistogramPoint(IReadOnlyList<double> Bounds, IReadOnlyList<long> CumulativeCounts, double Sum, long Count);
