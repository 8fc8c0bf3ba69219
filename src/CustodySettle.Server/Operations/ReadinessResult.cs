namespace CustodySettle.Server.Operations;

/// <summary>What one readiness check found at its latest run; <see cref="Reason"/> is null when ready.</summary>
internal readonly record struct ReadinessResult(string Name, bool Ready, string? Reason);
