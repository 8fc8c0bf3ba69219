using CustodySettle.Server.Operations;

namespace CustodySettle.Server.Tests.Operations;

/// <summary>A readiness check the test turns up or down.</summary>
internal sealed class SwitchableCheck(string name) : IReadinessCheck
{
    public string Name { get; } = name;

    public bool Up { get; set; } = true;

    public Task CheckAsync(CancellationToken ct) =>
        Up ? Task.CompletedTask : Task.FromException(new InvalidOperationException($"{Name} is switched off"));
}
