using CustodySettle.Api.V1;
using CustodySettle.Domain.Errors;
using CustodySettle.Domain.Margin;
using CustodySettle.Grpc;
using Google.Protobuf.WellKnownTypes;

namespace CustodySettle.Server.Services;

/// <summary>Credit support terms and haircuts, with their history (issue 7, "Credit support terms").</summary>
internal sealed partial class AdminServiceHandler
{
    public async Task<CreditTerms> SetCreditTerms(SetCreditTermsRequest request, ServerCallContext context)
    {
        var requestId = Fields.Uuid(request.RequestId, "request_id");
        var terms = request.Terms ?? throw Fields.Invalid("terms", "is required");
        var deskId = Fields.PartyId(terms.DeskId, "terms.desk_id");
        var asset = Fields.AssetCode(terms.SettlementAsset, "terms.settlement_asset");
        var values = new CreditSupportTerms(
            Fields.Uint256(terms.IndependentAmount, "terms.independent_amount"),
            Fields.Uint256(terms.Threshold, "terms.threshold"),
            Fields.Uint256(terms.MinimumTransferAmount, "terms.minimum_transfer_amount"),
            Fields.Uint256(terms.RoundingUnit, "terms.rounding_unit"),
            Span(terms.DeliveryDeadline, "terms.delivery_deadline"),
            Span(terms.CurePeriod, "terms.cure_period"));
        try
        {
            values.Validated();
        }
        catch (InvalidFieldException e)
        {
            throw Fields.Invalid($"terms.{e.Field}", e.Reason);
        }

        return (await creditTerms.SetAsync(requestId, deskId, asset, values, context.CancellationToken)).ToMessage();
    }

    public async Task<CreditTerms> GetCreditTerms(GetCreditTermsRequest request, ServerCallContext context)
    {
        var deskId = Fields.PartyId(request.DeskId, "desk_id");
        var at = Fields.Time(request.AsOf, "as_of") ?? time.GetUtcNow();
        var terms = await creditTerms.AtAsync(deskId, at, context.CancellationToken)
            ?? throw new RpcException(StatusCode.NotFound, $"desk_id: desk '{deskId}' has no credit terms in force at {at:O}");
        return terms.ToMessage();
    }

    public async Task<ListCreditTermsResponse> ListCreditTerms(ListCreditTermsRequest request, ServerCallContext context)
    {
        var deskId = Fields.PartyId(request.DeskId, "desk_id");
        return new() { Versions = { (await creditTerms.HistoryAsync(deskId, context.CancellationToken)).Select(t => t.ToMessage()) } };
    }

    public async Task<Haircut> SetHaircut(SetHaircutRequest request, ServerCallContext context) =>
        (await creditTerms.SetHaircutAsync(
            Fields.Uuid(request.RequestId, "request_id"), Fields.AssetCode(request.Asset, "asset"), Fields.Range(request.ValuationBps, "valuation_bps", 0, 10_000),
            context.CancellationToken)).ToMessage();

    public async Task<ListHaircutsResponse> ListHaircuts(ListHaircutsRequest request, ServerCallContext context)
    {
        var at = Fields.Time(request.AsOf, "as_of") ?? time.GetUtcNow();
        return new() { Haircuts = { (await creditTerms.HaircutsAtAsync(at, context.CancellationToken)).Select(h => h.ToMessage()) } };
    }

    private static TimeSpan Span(Duration? value, string field)
    {
        if (value is null)
        {
            throw Fields.Invalid(field, "is required");
        }

        return value.Seconds is >= 0 and <= 315_576_000_000L && value.Nanos is >= 0 and < 1_000_000_000
            ? value.ToTimeSpan()
            : throw Fields.Invalid(field, "must be a non-negative duration");
    }
}
