using CustodySettle.Domain.Ledger;

namespace CustodySettle.Ledger.Writing;

/// <summary>One caller's transfers waiting in the writer's queue, and the task that answers it.</summary>
internal sealed class Submission
{
    public Submission(IReadOnlyList<TransferRequest> requests, bool isExpiry)
    {
        Requests = requests;
        IsExpiry = isExpiry;
        // Hashing here runs on the callers' threads, off the single batching loop.
        Fingerprints = new RequestFingerprint[requests.Count];
        for (var i = 0; i < requests.Count; i++)
        {
            Fingerprints[i] = RequestFingerprint.Of(requests[i], KindOf(requests[i]));
        }
    }

    public IReadOnlyList<TransferRequest> Requests { get; }

    /// <summary>The expirer's releases (kind expire_pending), never a client's request.</summary>
    public bool IsExpiry { get; }

    public RequestFingerprint[] Fingerprints { get; }

    public TaskCompletionSource<IReadOnlyList<TransferOutcome>> Completion { get; } =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    public OperationKind KindOf(TransferRequest request) =>
        IsExpiry ? OperationKind.ExpirePending : OperationKinds.From(request.Kind);
}
