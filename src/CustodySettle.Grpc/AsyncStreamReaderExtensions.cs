using System.Runtime.CompilerServices;

namespace CustodySettle.Grpc;

/// <summary><c>await foreach</c> over a stream reader.</summary>
public static class AsyncStreamReaderExtensions
{
    public static async IAsyncEnumerable<T> ReadAllAsync<T>(
        this IAsyncStreamReader<T> reader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        while (await reader.MoveNext(cancellationToken))
        {
            yield return reader.Current;
        }
    }
}
