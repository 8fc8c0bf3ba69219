using CustodySettle.Access;
using CustodySettle.Api.V1;
using CustodySettle.Domain.Access;
using CustodySettle.Grpc;
using CustodySettle.Reconciliation;
using BreakStatus = CustodySettle.Reconciliation.BreakStatus;
using ReconciliationReport = CustodySettle.Api.V1.ReconciliationReport;
using Role = CustodySettle.Domain.Access.Role;

namespace CustodySettle.Server.Services;

/// <summary>
/// custodysettle.v1.ReconciliationService (reconciliation_service.proto). Operators run and change
/// breaks; auditors read everything; a desk sees breaks about itself, a custodian breaks about what it holds.
/// </summary>
internal sealed class ReconciliationServiceHandler(PostgresReconciliationStore store, BreakFeed feed, TimeProvider time, Reconciler? reconciler = null)
{
    private const int ReasonLength = 500;
    private const int EventBatch = 500;

    public async Task<ReconciliationReport> RunReconciliation(RunReconciliationRequest request, ServerCallContext context)
    {
        var requestId = request.RequestId.Length == 0 ? (Guid?)null : Fields.Uuid(request.RequestId, "request_id");
        var runner = reconciler ?? throw new RpcException(StatusCode.FailedPrecondition, "reconciliation needs the chain: the service runs without CS_CHAIN_RPC_URL, CS_DEPLOYMENT_FILE and CS_MINTER_KEY");
        return (await runner.RunAsync(requestId, context.CancellationToken)).ToMessage();
    }

    public async Task<ReconciliationReport> GetReport(GetReportRequest request, ServerCallContext context)
    {
        var reportId = Fields.Uuid(request.ReportId, "report_id");
        var report = await store.GetReportAsync(reportId, context.CancellationToken)
            ?? throw new RpcException(StatusCode.NotFound, $"report_id: no report {reportId}");
        return report.ToMessage();
    }

    public async Task<ListBreaksResponse> ListBreaks(ListBreaksRequest request, ServerCallContext context)
    {
        var caller = ScopeGuard.CallerOf(context);
        var status = request.Status == Api.V1.BreakStatus.Unspecified ? (BreakStatus?)null : ReconciliationMapping.FromMessage(request.Status)
            ?? throw Fields.Invalid("status", "is not a break status");
        var desk = request.DeskId.Length == 0 ? null : Fields.PartyId(request.DeskId, "desk_id");
        var breaks = await store.ListBreaksAsync(status, desk, context.CancellationToken);
        return new() { Breaks = { breaks.Where(b => Visible(caller, b)).Select(b => b.ToMessage()) } };
    }

    public async Task WatchBreaks(WatchBreaksRequest request, IAsyncStreamWriter<BreakEvent> responseStream, ServerCallContext context)
    {
        var caller = ScopeGuard.CallerOf(context);
        var after = request.AfterSequence >= 0 ? request.AfterSequence : throw Fields.Invalid("after_sequence", "must not be negative");
        var ct = context.CancellationToken;
        while (true)
        {
            // Take the signal before reading, so a change committed while the read runs is not slept through.
            var changed = feed.Changed;
            var events = await store.EventsAfterAsync(after, EventBatch, ct);
            foreach (var (sequence, record) in events)
            {
                if (Visible(caller, record))
                {
                    await responseStream.WriteAsync(new BreakEvent { Sequence = sequence, Break = record.ToMessage() }, ct);
                }

                after = sequence;
            }

            if (events.Count < EventBatch)
            {
                await Task.WhenAny(changed, Task.Delay(BreakFeed.PollInterval, time, ct)).WaitAsync(ct);
            }
        }
    }

    public async Task<Break> AcknowledgeBreak(AcknowledgeBreakRequest request, ServerCallContext context) =>
        await TransitionAsync(context, request.BreakId, BreakStatus.Acknowledged, Fields.Text(request.Reason, "reason", ReasonLength, required: false));

    public async Task<Break> ResolveBreak(ResolveBreakRequest request, ServerCallContext context) =>
        await TransitionAsync(context, request.BreakId, BreakStatus.Resolved, Fields.Text(request.Reason, "reason", ReasonLength));

    private async Task<Break> TransitionAsync(ServerCallContext context, string breakId, BreakStatus to, string reason)
    {
        var caller = ScopeGuard.CallerOf(context);
        var id = Fields.Uuid(breakId, "break_id");
        return (await store.TransitionAsync(id, to, caller.ToString(), reason, time.GetUtcNow(), context.CancellationToken)).ToMessage();
    }

    private static bool Visible(Principal caller, BreakRecord record) => caller.Role switch
    {
        Role.Desk => record.DeskId == caller.ScopeId,
        Role.Custodian => record.CustodianId == caller.ScopeId,
        _ => true,
    };
}
