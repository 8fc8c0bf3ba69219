using System.Globalization;
using CustodySettle.Access;
using CustodySettle.Api.V1;
using CustodySettle.Grpc;
using Google.Protobuf.WellKnownTypes;
using DomainCall = CustodySettle.Domain.Margin.MarginCall;
using MarginCallEvent = CustodySettle.Api.V1.MarginCallEvent;
using DomainState = CustodySettle.Domain.Margin.MarginCallState;
using DomainTransition = CustodySettle.Domain.Margin.MarginCallTransition;

namespace CustodySettle.Server.Services;

/// <summary>Margin calls: listed, watched (resuming from a sequence), acknowledged and disputed by their desk.</summary>
internal sealed partial class MarginServiceHandler
{
    private const int WatchBatch = 500;
    private static readonly TimeSpan WatchPoll = TimeSpan.FromSeconds(1);

    public async Task<ListMarginCallsResponse> ListMarginCalls(ListMarginCallsRequest request, ServerCallContext context)
    {
        var deskId = Desk(context, request.DeskId, required: false);
        return new() { Calls = { (await calls.ListAsync(deskId, context.CancellationToken)).Select(ToMessage) } };
    }

    public async Task WatchMarginCalls(WatchMarginCallsRequest request, IAsyncStreamWriter<MarginCallEvent> responseStream, ServerCallContext context)
    {
        var deskId = Desk(context, request.DeskId, required: false);
        var after = request.AfterSequence >= 0 ? request.AfterSequence : throw Fields.Invalid("after_sequence", "must not be negative");
        var ct = context.CancellationToken;
        while (true)
        {
            // Take the signal before reading, so a change committed while the read runs is not slept through.
            var changed = calls.Changed;
            var events = await calls.EventsAfterAsync(deskId, after, WatchBatch, ct);
            foreach (var e in events)
            {
                await responseStream.WriteAsync(new MarginCallEvent { Sequence = e.Sequence, CallId = e.CallId.ToString(), DeskId = e.DeskId, Transition = ToMessage(e.Transition) }, ct);
                after = e.Sequence;
            }

            if (events.Count < WatchBatch)
            {
                await Task.WhenAny(changed, Task.Delay(WatchPoll, time, ct)).WaitAsync(ct);
            }
        }
    }

    public async Task<Api.V1.MarginCall> AcknowledgeMarginCall(AcknowledgeMarginCallRequest request, ServerCallContext context)
    {
        var reason = Fields.Text(request.Reason, "reason", 500, required: false);
        return await DeskActionAsync(context, request.CallId, (call, actor, at) => call.Acknowledge(actor, at, reason));
    }

    public async Task<Api.V1.MarginCall> DisputeMarginCall(DisputeMarginCallRequest request, ServerCallContext context)
    {
        var reason = Fields.Text(request.Reason, "reason", 500);
        var figure = Fields.Uint256(request.DeskAmount, "desk_amount");
        return await DeskActionAsync(context, request.CallId, (call, actor, at) => call.Dispute(actor, at, reason, figure));
    }

    /// <summary>A desk acting on one of its own calls; another desk's call is NOT_FOUND, exactly as a missing one.</summary>
    private async Task<Api.V1.MarginCall> DeskActionAsync(ServerCallContext context, string callId, Func<DomainCall, string, DateTimeOffset, DomainCall> action)
    {
        var caller = ScopeGuard.CallerOf(context);
        var id = Fields.Uuid(callId, "call_id");
        var existing = await calls.GetAsync(id, context.CancellationToken);
        if (existing is null || existing.DeskId != caller.ScopeId)
        {
            var message = $"call_id: no margin call {id}";
            throw existing is null ? new RpcException(StatusCode.NotFound, message) : scope.Hide(context, caller, message);
        }

        var now = Database.PostgresTime.ToMicroseconds(time.GetUtcNow());
        return ToMessage(await calls.TransitionAsync(id, call => action(call, caller.ToString(), now), context.CancellationToken));
    }

    private static Api.V1.MarginCall ToMessage(DomainCall call) => new()
    {
        CallId = call.CallId.ToString(),
        DeskId = call.DeskId,
        Amount = call.Amount.ToString(CultureInfo.InvariantCulture),
        Delivered = call.Delivered.ToString(CultureInfo.InvariantCulture),
        State = ToMessage(call.State),
        IssuedAt = Timestamp.FromDateTimeOffset(call.IssuedAt),
        DeliveryDue = Timestamp.FromDateTimeOffset(call.DeliveryDue),
        DefaultsAt = Timestamp.FromDateTimeOffset(call.DefaultsAt),
        TermsVersion = call.TermsVersion,
        History = { call.History.Select(ToMessage) },
        Kind = call.Kind == Domain.Margin.MarginCallKind.Return ? Api.V1.MarginCallKind.Return : Api.V1.MarginCallKind.Delivery,
        InstructionId = call.InstructionId?.ToString() ?? string.Empty,
    };

    private static Api.V1.MarginCallTransition ToMessage(DomainTransition t) => new()
    {
        State = ToMessage(t.To),
        Actor = t.Actor,
        At = Timestamp.FromDateTimeOffset(t.At),
        Reason = t.Reason,
        Amount = t.Amount?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
    };

    private static Api.V1.MarginCallState ToMessage(DomainState state) => state switch
    {
        DomainState.Issued => Api.V1.MarginCallState.Issued,
        DomainState.Acknowledged => Api.V1.MarginCallState.Acknowledged,
        DomainState.Disputed => Api.V1.MarginCallState.Disputed,
        DomainState.PartiallyMet => Api.V1.MarginCallState.PartiallyMet,
        DomainState.Met => Api.V1.MarginCallState.Met,
        DomainState.Settled => Api.V1.MarginCallState.Settled,
        DomainState.Defaulted => Api.V1.MarginCallState.Defaulted,
        DomainState.Cancelled => Api.V1.MarginCallState.Cancelled,
        _ => Api.V1.MarginCallState.Unspecified,
    };
}
