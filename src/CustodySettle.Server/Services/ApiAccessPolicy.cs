using CustodySettle.Access;
using CustodySettle.Api.V1;
using Role = CustodySettle.Domain.Access.Role;

namespace CustodySettle.Server.Services;

/// <summary>
/// Who may call each RPC of custodysettle.v1 (issue 6, "Access"). Scope (which desk, which custodian)
/// is each handler's check on top of this. An RPC named here by no rule is refused to every role.
/// </summary>
internal static class ApiAccessPolicy
{
    private static readonly Role[] Everyone = [Role.Desk, Role.Custodian, Role.Auditor, Role.Operator];
    private static readonly Role[] Readers = [Role.Auditor, Role.Operator];

    public static AccessPolicy Create()
    {
        var admin = AdminServiceReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.ServiceDescriptor>("AdminService");
        var ledger = LedgerServiceReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.ServiceDescriptor>("LedgerService");
        var custodian = CustodianServiceReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.ServiceDescriptor>("CustodianService");
        var margin = MarginServiceReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.ServiceDescriptor>("MarginService");
        var settlement = SettlementServiceReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.ServiceDescriptor>("SettlementService");
        var reconciliation = ReconciliationServiceReflection.Descriptor.FindTypeByName<Google.Protobuf.Reflection.ServiceDescriptor>("ReconciliationService");
        return new AccessPolicy.Builder()
            .Protect("custodysettle.v1")
            .Allow(admin.FindMethodByName("ListDesks"), Readers)
            .Allow(admin.FindMethodByName("ListCustodians"), Readers)
            .Allow(admin.FindMethodByName("ListAssets"), Readers)
            .Allow(admin.FindMethodByName("ListSubaccounts"), Readers)
            .Allow(admin.FindMethodByName("ListApiKeys"), Readers)
            .Allow(admin.FindMethodByName("GetCreditTerms"), Readers)
            .Allow(admin.FindMethodByName("ListCreditTerms"), Readers)
            .Allow(admin.FindMethodByName("ListHaircuts"), Readers)
            .AllowRest(admin, Role.Operator)
            .Allow(ledger.FindMethodByName("VerifyAuditChain"), Readers)
            .AllowRest(ledger, Everyone)
            .Allow(custodian.FindMethodByName("GetStatement"), Role.Custodian, Role.Auditor, Role.Operator)
            .Allow(custodian.FindMethodByName("ListStatements"), Role.Custodian, Role.Auditor, Role.Operator)
            .Allow(custodian.FindMethodByName("ListInstructions"), Role.Custodian, Role.Auditor, Role.Operator)
            .Allow(custodian.FindMethodByName("WatchInstructions"), Role.Custodian, Role.Auditor, Role.Operator)
            .AllowRest(custodian, Role.Custodian, Role.Operator)
            .Allow(reconciliation.FindMethodByName("GetReport"), Readers)
            .Allow(reconciliation.FindMethodByName("ListBreaks"), Everyone)
            .Allow(reconciliation.FindMethodByName("WatchBreaks"), Everyone)
            .AllowRest(reconciliation, Role.Operator)
            .Allow(margin.FindMethodByName("AcknowledgeMarginCall"), Role.Desk)
            .Allow(margin.FindMethodByName("DisputeMarginCall"), Role.Desk)
            .AllowRest(margin, Role.Desk, Role.Auditor, Role.Operator)
            .Allow(settlement.FindMethodByName("RunSettlementCycle"), Role.Operator)
            .Allow(settlement.FindMethodByName("ApproveSettlement"), Role.Desk, Role.Operator)
            .Allow(settlement.FindMethodByName("DisputeSettlement"), Role.Desk)
            .AllowRest(settlement, Role.Desk, Role.Auditor, Role.Operator)
            .Build();
    }
}
