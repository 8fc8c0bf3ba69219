using System.Globalization;
using CustodySettle.Access;
using CustodySettle.Api.V1;
using CustodySettle.Grpc;
using CustodySettle.Margin.Calls;
using CustodySettle.Margin.Status;
using DomainAction = CustodySettle.Domain.Margin.MarginAction;

namespace CustodySettle.Server.Services;

/// <summary>custodysettle.v1.MarginService (margin_service.proto): a desk reads its own margin; auditors and operators any desk's.</summary>
internal sealed partial class MarginServiceHandler(ScopeGuard scope, PostgresMarginCallStore calls, TimeProvider time, MarginStatusReader? reader = null)
{
    public async Task<MarginStatus> GetMarginStatus(GetMarginStatusRequest request, ServerCallContext context)
    {
        var deskId = Desk(context, request.DeskId, required: true)!;
        var margin = reader ?? throw new RpcException(StatusCode.FailedPrecondition, "margin needs the chain: the service runs without CS_CHAIN_RPC_URL, CS_DEPLOYMENT_FILE and CS_MINTER_KEY");
        var status = await margin.ReadAsync(deskId, context.CancellationToken);
        var message = new MarginStatus
        {
            DeskId = deskId,
            SettlementAsset = status.Terms.SettlementAsset,
            TermsVersion = status.Terms.Version,
            BlockNumber = status.BlockNumber,
            Exposure = Text(status.Decision.Exposure),
            IndependentAmount = Text(status.Terms.Terms.IndependentAmount),
            Threshold = Text(status.Terms.Terms.Threshold),
            CreditSupportAmount = Text(status.Decision.CreditSupportAmount),
            CollateralValue = Text(status.Decision.CollateralValue),
            Action = status.Decision.Action switch
            {
                DomainAction.Delivery => MarginAction.Delivery,
                DomainAction.Return => MarginAction.Return,
                _ => MarginAction.None,
            },
            Amount = Text(status.Decision.Amount),
            // GetMarginStatus always reads getMargin (MarginStatusReader.ReadAsync); only the pass skips it.
            VenueInitialMargin = Text(status.VenueInitialMargin ?? throw new InvalidOperationException("the desk's status was read without getMargin")),
        };
        message.Positions.AddRange(status.Positions.Select(p => new PositionLine
        {
            SubaccountId = Text(p.SubaccountId), Perp = p.Perp, Size = Text(p.Size), MarkPrice = Text(p.MarkPrice), UnsettledCash = Text(p.UnsettledCash),
            Requirement = Text(p.Requirement),
        }));
        message.Collateral.AddRange(status.Collateral.Select(c => new CollateralLine
        {
            Asset = c.AssetCode, Held = Text(c.Held), ValuationBps = c.ValuationBps, Value = Text(c.Value), Note = c.Note,
        }));
        return message;
    }

    /// <summary>The desk a request names: a desk key's own (when omitted too); any, for auditors and operators (null: all, unless required).</summary>
    private string? Desk(ServerCallContext context, string requested, bool required)
    {
        var desk = scope.DeskFor(context, requested.Length == 0 ? null : Fields.PartyId(requested, "desk_id"));
        return desk is null && required ? Fields.PartyId(requested, "desk_id") : desk; // the empty id: INVALID_ARGUMENT naming desk_id
    }

    private static string Text(System.Numerics.BigInteger value) => value.ToString(CultureInfo.InvariantCulture);
}
