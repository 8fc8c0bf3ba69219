using CustodySettle.Api.V1;
using Google.Protobuf.Reflection;

namespace CustodySettle.Cli.Commands;

/// <summary>The product API's services, by the descriptors the generated messages carry.</summary>
internal static class Services
{
    public static readonly ServiceDescriptor Admin = AdminServiceReflection.Descriptor.FindTypeByName<ServiceDescriptor>("AdminService");
    public static readonly ServiceDescriptor Custodian = CustodianServiceReflection.Descriptor.FindTypeByName<ServiceDescriptor>("CustodianService");
    public static readonly ServiceDescriptor Ledger = LedgerServiceReflection.Descriptor.FindTypeByName<ServiceDescriptor>("LedgerService");
    public static readonly ServiceDescriptor Margin = MarginServiceReflection.Descriptor.FindTypeByName<ServiceDescriptor>("MarginService");
    public static readonly ServiceDescriptor Reconciliation = ReconciliationServiceReflection.Descriptor.FindTypeByName<ServiceDescriptor>("ReconciliationService");
    public static readonly ServiceDescriptor Settlement = SettlementServiceReflection.Descriptor.FindTypeByName<ServiceDescriptor>("SettlementService");
}
