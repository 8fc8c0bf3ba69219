namespace CustodySettle.Chain.Tests.Signers;

/// <summary>
/// Simulates the sending process dying at a chosen eth_sendRawTransaction: either just before the
/// request leaves (the node never sees it) or just after the node received it (the answer is lost).
/// From that moment on every request fails, as nothing more would be sent by a dead process.
/// </summary>
internal sealed class SenderCrashHandler(HttpMessageHandler inner, int crashAtSend, bool afterNodeReceived) : DelegatingHandler(inner)
{
    private int _sends;
    private volatile bool _dead;

    public bool Crashed => _dead;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_dead)
        {
            throw new HttpRequestException("the sending process is dead");
        }

        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        if (!body.Contains("eth_sendRawTransaction", StringComparison.Ordinal) || Interlocked.Increment(ref _sends) != crashAtSend)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        _dead = true;
        if (afterNodeReceived)
        {
            using var response = await base.SendAsync(request, cancellationToken);
            await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }

        throw new HttpRequestException("the sending process died mid-send");
    }
}
