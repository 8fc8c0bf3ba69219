using CustodySettle.Access;
using CustodySettle.Api.V1;
using CustodySettle.Grpc;
using CustodySettle.Margin.Settlement;
using DeskSettlement = CustodySettle.Domain.Settlement.DeskSettlement;
using Role = CustodySettle.Domain.Access.Role;

namespace CustodySettle.Server.Services;

/// <summary>
/// custodysettle.v1.SettlementService (settlement_service.proto): operators close cycles; a desk reads,
/// approves and disputes its own settlements (another desk's is NOT_FOUND, exactly as a missing one);
/// auditors and operators read any; an operator resolves a disputed settlement by approving it.
/// </summary>
internal sealed class SettlementServiceHandler(
    ScopeGuard scope, PostgresSettlementStore store, SettlementInstructor instructor, TimeProvider time, SettlementCycleRunner? runner = null)
{
    private const int ReasonLength = 500;

    public async Task<Api.V1.SettlementCycle> RunSettlementCycle(RunSettlementCycleRequest request, ServerCallContext context)
    {
        var requestId = request.RequestId.Length == 0 ? Guid.NewGuid() : Fields.Uuid(request.RequestId, "request_id");
        var toBlock = request.ToBlock switch
        {
            0 => (long?)null,
            > 0 => request.ToBlock,
            _ => throw Fields.Invalid("to_block", "must not be negative"),
        };
        var cycles = runner ?? throw new RpcException(StatusCode.FailedPrecondition, "settlement cycles need the chain: the service runs without CS_CHAIN_RPC_URL, CS_DEPLOYMENT_FILE and CS_MINTER_KEY");
        var cycle = await cycles.RunAsync(requestId, toBlock, ScopeGuard.CallerOf(context).ToString(), scheduled: false, context.CancellationToken);
        return SettlementMapping.ToMessage(cycle);
    }

    public async Task<ListSettlementsResponse> ListSettlements(ListSettlementsRequest request, ServerCallContext context)
    {
        var deskId = scope.DeskFor(context, request.DeskId.Length == 0 ? null : Fields.PartyId(request.DeskId, "desk_id"));

        var cycleId = request.CycleId.Length == 0 ? (Guid?)null : Fields.Uuid(request.CycleId, "cycle_id");
        var settlements = await store.ListAsync(deskId, cycleId, context.CancellationToken);
        return new ListSettlementsResponse { Settlements = { settlements.Select(s => SettlementMapping.ToMessage(s)) } };
    }

    public async Task<Settlement> GetSettlement(GetSettlementRequest request, ServerCallContext context)
    {
        var settlement = await VisibleAsync(context, request.SettlementId);
        return SettlementMapping.ToMessage(settlement, await store.EventsAsync(settlement, context.CancellationToken));
    }

    public async Task<Settlement> ApproveSettlement(ApproveSettlementRequest request, ServerCallContext context)
    {
        var caller = ScopeGuard.CallerOf(context);
        var byOperator = caller.Role == Role.Operator;
        var reason = Fields.Text(request.Reason, "reason", ReasonLength, required: byOperator);
        var existing = await VisibleAsync(context, request.SettlementId);
        var now = Database.PostgresTime.ToMicroseconds(time.GetUtcNow());
        var approved = await store.TransitionAsync(existing.SettlementId,
            s => s.Approve(caller.ToString(), now, reason.Length == 0 ? "approved by the desk" : reason, byOperator), context.CancellationToken);
        // The worker would issue it within a tick; issuing here lets the answer name the instruction.
        return SettlementMapping.ToMessage(await instructor.InstructAsync(approved, context.CancellationToken));
    }

    public async Task<Settlement> DisputeSettlement(DisputeSettlementRequest request, ServerCallContext context)
    {
        var caller = ScopeGuard.CallerOf(context);
        var reason = Fields.Text(request.Reason, "reason", ReasonLength);
        var figure = Fields.Int256(request.DeskAmount, "desk_amount");
        var existing = await VisibleAsync(context, request.SettlementId);
        var now = Database.PostgresTime.ToMicroseconds(time.GetUtcNow());
        var disputed = await store.TransitionAsync(existing.SettlementId, s => s.Dispute(caller.ToString(), now, reason, figure), context.CancellationToken);
        return SettlementMapping.ToMessage(disputed);
    }

    /// <summary>The settlement, if the caller may see it: a desk only its own (another's is NOT_FOUND, as a missing one).</summary>
    private async Task<DeskSettlement> VisibleAsync(ServerCallContext context, string settlementId)
    {
        var caller = ScopeGuard.CallerOf(context);
        var id = Fields.Uuid(settlementId, "settlement_id");
        var settlement = await store.GetAsync(id, context.CancellationToken);
        var message = $"settlement_id: no settlement {id}";
        return settlement switch
        {
            null => throw new RpcException(StatusCode.NotFound, message),
            _ when caller.Role == Role.Desk && settlement.DeskId != caller.ScopeId => throw scope.Hide(context, caller, message),
            _ => settlement,
        };
    }
}
