using System.Reflection;
using CustodySettle.Api.V1;
using CustodySettle.Grpc;
using CustodySettle.Grpc.Client;
using CustodySettle.Testing;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace CustodySettle.Server.Tests.Services;

/// <summary>
/// Every RPC of the product API against every kind of caller: each role, no key, a malformed key and a
/// revoked key. The expected table is written out here, independently of the service's policy; an RPC
/// missing from it fails the test, so a new RPC cannot ship without deciding who may call it. Requests
/// are empty: an allowed caller gets past access control (to a validation error or an answer), a
/// refused one never reaches the handler. Scope (own versus another's) is in <see cref="LedgerScopeTests"/>.
/// </summary>
public sealed class AuthorizationMatrixTests : IAsyncLifetime
{
    private const string D = "desk", C = "custodian", A = "auditor", O = "operator";

    private static readonly Dictionary<string, string[]> Expected = new(StringComparer.Ordinal)
    {
        ["/custodysettle.v1.AdminService/CreateDesk"] = [O],
        ["/custodysettle.v1.AdminService/ListDesks"] = [A, O],
        ["/custodysettle.v1.AdminService/CreateCustodian"] = [O],
        ["/custodysettle.v1.AdminService/ListCustodians"] = [A, O],
        ["/custodysettle.v1.AdminService/CreateAsset"] = [O],
        ["/custodysettle.v1.AdminService/ListAssets"] = [A, O],
        ["/custodysettle.v1.AdminService/LinkSubaccount"] = [O],
        ["/custodysettle.v1.AdminService/ListSubaccounts"] = [A, O],
        ["/custodysettle.v1.AdminService/CreateApiKey"] = [O],
        ["/custodysettle.v1.AdminService/RotateApiKey"] = [O],
        ["/custodysettle.v1.AdminService/RevokeApiKey"] = [O],
        ["/custodysettle.v1.AdminService/ListApiKeys"] = [A, O],
        ["/custodysettle.v1.AdminService/IssueInstruction"] = [O],
        ["/custodysettle.v1.AdminService/SetCreditTerms"] = [O],
        ["/custodysettle.v1.AdminService/GetCreditTerms"] = [A, O],
        ["/custodysettle.v1.AdminService/ListCreditTerms"] = [A, O],
        ["/custodysettle.v1.AdminService/SetHaircut"] = [O],
        ["/custodysettle.v1.AdminService/ListHaircuts"] = [A, O],
        ["/custodysettle.v1.LedgerService/ListAccounts"] = [D, C, A, O],
        ["/custodysettle.v1.LedgerService/GetBalanceAt"] = [D, C, A, O],
        ["/custodysettle.v1.LedgerService/ListJournal"] = [D, C, A, O],
        ["/custodysettle.v1.LedgerService/ExportStatement"] = [D, C, A, O],
        ["/custodysettle.v1.LedgerService/VerifyAuditChain"] = [A, O],
        ["/custodysettle.v1.CustodianService/ReportBalances"] = [C, O],
        ["/custodysettle.v1.CustodianService/ConfirmTransfer"] = [C, O],
        ["/custodysettle.v1.CustodianService/GetStatement"] = [C, A, O],
        ["/custodysettle.v1.CustodianService/ListStatements"] = [C, A, O],
        ["/custodysettle.v1.CustodianService/ListInstructions"] = [C, A, O],
        ["/custodysettle.v1.CustodianService/WatchInstructions"] = [C, A, O],
        ["/custodysettle.v1.MarginService/GetMarginStatus"] = [D, A, O],
        ["/custodysettle.v1.MarginService/ListMarginCalls"] = [D, A, O],
        ["/custodysettle.v1.MarginService/WatchMarginCalls"] = [D, A, O],
        ["/custodysettle.v1.MarginService/AcknowledgeMarginCall"] = [D],
        ["/custodysettle.v1.MarginService/DisputeMarginCall"] = [D],
        ["/custodysettle.v1.SettlementService/RunSettlementCycle"] = [O],
        ["/custodysettle.v1.SettlementService/ListSettlements"] = [D, A, O],
        ["/custodysettle.v1.SettlementService/GetSettlement"] = [D, A, O],
        ["/custodysettle.v1.SettlementService/ApproveSettlement"] = [D, O],
        ["/custodysettle.v1.SettlementService/DisputeSettlement"] = [D],
        ["/custodysettle.v1.ReconciliationService/RunReconciliation"] = [O],
        ["/custodysettle.v1.ReconciliationService/GetReport"] = [A, O],
        ["/custodysettle.v1.ReconciliationService/ListBreaks"] = [D, C, A, O],
        ["/custodysettle.v1.ReconciliationService/WatchBreaks"] = [D, C, A, O],
        ["/custodysettle.v1.ReconciliationService/AcknowledgeBreak"] = [O],
        ["/custodysettle.v1.ReconciliationService/ResolveBreak"] = [O],
    };

    private ApiHarness _api = null!;
    private Dictionary<string, string> _keys = null!;

    public async Task InitializeAsync()
    {
        _api = await ApiHarness.StartAsync();
        await _api.AdminAsync<CreateDeskRequest, Desk>("CreateDesk", new CreateDeskRequest { DeskId = "alpha", DisplayName = "A", WalletAddress = "0x0000000000000000000000000000000000000001" });
        await _api.AdminAsync<CreateCustodianRequest, Custodian>("CreateCustodian", new CreateCustodianRequest { CustodianId = "vault", DisplayName = "V" });
        _keys = new(StringComparer.Ordinal)
        {
            [D] = await _api.IssueKeyAsync(Role.Desk, "alpha"),
            [C] = await _api.IssueKeyAsync(Role.Custodian, "vault"),
            [A] = await _api.IssueKeyAsync(Role.Auditor),
            [O] = _api.OperatorKey,
        };
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public void Expected_CoversEveryRpcOfTheApi()
    {
        var rpcs = ApiHarness.AllServices.SelectMany(s => s.Methods).Select(Path);

        Assert.Equal(rpcs.Order(StringComparer.Ordinal), Expected.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EveryRpc_EveryRole_AllowedRolesPassAndOthersArePermissionDenied()
    {
        var wrong = new List<string>();
        foreach (var method in ApiHarness.AllServices.SelectMany(s => s.Methods))
        {
            foreach (var (role, key) in _keys)
            {
                var code = await CallEmptyAsync(method, key);
                var allowed = Expected[Path(method)].Contains(role);
                if (allowed ? code is StatusCode.PermissionDenied or StatusCode.Unauthenticated : code != StatusCode.PermissionDenied)
                {
                    wrong.Add($"{Path(method)} as {role}: {code}");
                }
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task EveryRpc_NoKeyMalformedKeyOrRevokedKey_IsUnauthenticated()
    {
        var revoked = await _api.IssueKeyAsync(Role.Auditor);
        await _api.AdminAsync<RevokeApiKeyRequest, ApiKey>("RevokeApiKey", new RevokeApiKeyRequest { KeyId = revoked.Substring(4, 32) });
        var forged = _keys[O][..^4] + "AAAA"; // the operator's key id with another secret
        var wrong = new List<string>();
        foreach (var method in ApiHarness.AllServices.SelectMany(s => s.Methods))
        {
            foreach (var key in new string?[] { null, "not-a-key", forged, revoked })
            {
                var code = await CallEmptyAsync(method, key);
                if (code != StatusCode.Unauthenticated)
                {
                    wrong.Add($"{Path(method)} with {key ?? "no key"}: {code}");
                }
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task HealthAndReflection_NeedNoKey_SoGrpcioListsTheApiServices()
    {
        var health = await ProcessRunner.RunAsync("/usr/bin/python3", [RepositoryPaths.Combine("scripts", "grpc_probe.py"), _api.Target, "health"], TimeSpan.FromSeconds(60));
        var services = await ProcessRunner.RunAsync("/usr/bin/python3", [RepositoryPaths.Combine("scripts", "grpc_probe.py"), _api.Target, "services"], TimeSpan.FromSeconds(60));

        Assert.Equal("SERVING", health.StandardOutput.Trim());
        Assert.Contains("custodysettle.v1.AdminService", services.StandardOutput.Split('\n'));
        Assert.Contains("custodysettle.v1.LedgerService", services.StandardOutput.Split('\n'));
        Assert.Contains("custodysettle.v1.CustodianService", services.StandardOutput.Split('\n'));
    }

    private static string Path(MethodDescriptor method) => $"/{method.Service.FullName}/{method.Name}";

    /// <summary>Calls any RPC with an empty request through the typed client, built by reflection from the descriptor.</summary>
    private async Task<StatusCode> CallEmptyAsync(MethodDescriptor method, string? key)
    {
        var types = new[] { method.InputType.ClrType, method.OutputType.ClrType };
        var grpcMethod = Activator.CreateInstance(typeof(GrpcMethod<,>).MakeGenericType(types), method)!;
        var request = (IMessage)Activator.CreateInstance(types[0])!;
        var headers = new Metadata();
        if (key is not null)
        {
            headers.Add("authorization", $"Bearer {key}");
        }

        // A watch stream never ends by itself: a short deadline ends it (DEADLINE_EXCEEDED counts as let through).
        var options = new GrpcCallOptions(headers, DateTimeOffset.UtcNow.AddSeconds(method.IsServerStreaming ? 2 : 30));
        try
        {
            if (method.IsServerStreaming)
            {
                var start = typeof(GrpcClientChannel).GetMethod(nameof(GrpcClientChannel.ServerStreaming))!.MakeGenericMethod(types);
                using var call = (IDisposable)start.Invoke(_api.Channel, [grpcMethod, request, options])!;
                var stream = call.GetType().GetProperty("ResponseStream")!.GetValue(call)!;
                var moveNext = stream.GetType().GetMethod("MoveNext")!;
                while (await (Task<bool>)moveNext.Invoke(stream, [CancellationToken.None])!)
                {
                }
            }
            else
            {
                var unary = typeof(GrpcClientChannel).GetMethod(nameof(GrpcClientChannel.UnaryAsync))!.MakeGenericMethod(types);
                await (Task)unary.Invoke(_api.Channel, [grpcMethod, request, options])!;
            }

            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
        catch (TargetInvocationException e) when (e.InnerException is RpcException inner)
        {
            return inner.StatusCode;
        }
    }
}
