namespace CustodySettle.Chain.Tests.Reading;

/// <summary>Runs an action (e.g. mining a block that changes state) before every request but the first,
/// so a multi-round-trip read deterministically spans several blocks.</summary>
internal sealed class BeforeEachRequestHandler(HttpMessageHandler inner, Func<Task> action) : DelegatingHandler(inner)
{
    private int _requests;

    public int ActionsRun { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _requests) > 1)
        {
            await action();
            ActionsRun++;
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
