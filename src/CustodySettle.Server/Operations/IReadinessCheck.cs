namespace CustodySettle.Server.Operations;

/// <summary>A dependency the server cannot serve without, asked by <see cref="ReadinessService"/>.</summary>
internal interface IReadinessCheck
{
    /// <summary>The <c>check</c> tag of <c>custodysettle.ready</c> and the name /healthz reports.</summary>
    string Name { get; }

    /// <summary>Completes when the dependency answered; throws, with the reason, when it did not.</summary>
    Task CheckAsync(CancellationToken ct);
}
