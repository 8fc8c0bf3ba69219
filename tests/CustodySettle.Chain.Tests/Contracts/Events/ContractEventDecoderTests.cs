using CustodySettle.Chain.Contracts;
using CustodySettle.Chain.Contracts.Events;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;

namespace CustodySettle.Chain.Tests.Contracts.Events;

/// <summary>
/// Every event of every bound contract decoded from real logs (<see cref="EventScenario"/>), field by
/// field against what the scenario did; split by concern into partial files.
/// </summary>
public sealed partial class ContractEventDecoderTests(EventScenario scenario) : IClassFixture<EventScenario>
{
    /// <summary>Events the contracts declare but never emit: AccessControl emits RoleAdminChanged only from
    /// _setRoleAdmin, which CustodyToken never calls. Its decoding is checked on a synthetic log below.</summary>
    private static readonly HashSet<(ContractKind, string, int)> NeverEmitted =
    [
        (ContractKind.CustodyToken, "RoleAdminChanged(bytes32,bytes32,bytes32)", 4),
    ];

    private static readonly ContractArtifacts Artifacts = ChainHarness.Artifacts;

    private ChainContracts C => scenario.Harness.Contracts;

    [Fact]
    public void DecodeAll_RealLogs_SeesEveryEventOfEveryContractAbi()
    {
        var declared = Enum.GetValues<ContractKind>()
            .SelectMany(kind => Artifacts.Abi(kind).Events.Select(e => (kind, e.Signature, e.TopicCount)))
            .ToHashSet();
        var seen = scenario.Events.Select(e =>
        {
            Assert.True(Artifacts.Abi(e.Contract).TryGetEvent(e.Log.Topics[0], out var abiEvent));
            return (e.Contract, abiEvent.Signature, abiEvent.TopicCount);
        }).ToHashSet();

        var missing = declared.Except(seen).Except(NeverEmitted).ToList();

        Assert.True(missing.Count == 0, "never decoded from a real log: " + string.Join(", ", missing));
        Assert.True(declared.Count > 40, $"only {declared.Count} events declared: are the artifacts complete?");
        Assert.Equal(scenario.Logs.Count, scenario.Events.Count);
    }

    [Fact]
    public void Supports_EveryEventOfEveryContractAbi_HasARecord()
    {
        var unsupported = Enum.GetValues<ContractKind>()
            .SelectMany(kind => Artifacts.Abi(kind).Events.Where(e => !ContractEventDecoder.Supports(e)).Select(e => $"{kind}.{e.Signature}"))
            .ToList();

        Assert.Empty(unsupported);
    }

    [Fact]
    public void Decode_RoleAdminChangedLog_ReadsTheThreeRoles()
    {
        var token = scenario.Margin.Token;
        var abiEvent = Artifacts.Abi(ContractKind.CustodyToken).GetEvent("RoleAdminChanged");
        var previous = Hash32.Parse("0x" + new string('1', 64));
        var log = new LogEntry(token, [abiEvent.Topic0, CustodyTokenContract.MinterRole, Hash32.Zero, previous], ReadOnlyMemory<byte>.Empty, 1, Hash32.Zero, Hash32.Zero, 0, 0, false);
        var decoder = C.CreateEventDecoder();
        decoder.AddCustodyToken(token);

        var decoded = decoder.Decode(log);

        Assert.Equal(new RoleAdminChanged(CustodyTokenContract.MinterRole, Hash32.Zero, previous), decoded?.Event);
    }

    [Fact]
    public void Decode_LogOfAnUnknownAddress_IsNull()
    {
        var log = scenario.Logs[0] with { Address = Address.Parse("0x0000000000000000000000000000000000000bad") };

        Assert.Null(C.CreateEventDecoder().Decode(log));
    }

    [Fact]
    public void Decode_TokenLogBeforeItsCreationWasSeen_IsNullButDecodeAllRegistersTokensFirst()
    {
        var tokenLogs = scenario.Logs.Where(l => l.Address == scenario.Margin.Token).ToList();

        Assert.Null(C.CreateEventDecoder().Decode(tokenLogs[0]));
        var decoder = C.CreateEventDecoder();
        var created = scenario.Logs.First(l => l.TransactionHash == tokenLogs[0].TransactionHash && l.Address == C.Factory.Address);
        Assert.Equal(
            decoder.DecodeAll([.. scenario.Logs.Where(l => l.TransactionHash == created.TransactionHash)]).Count,
            scenario.Logs.Count(l => l.TransactionHash == created.TransactionHash));
        Assert.True(decoder.TryGetKind(scenario.Margin.Token, out var kind) && kind == ContractKind.CustodyToken);
    }

    /// <summary>The event decoded exactly once from a log of <paramref name="kind"/>.</summary>
    private DecodedEvent Single(ContractKind kind, ContractEvent expected)
    {
        var matches = scenario.Events.Where(e => e.Contract == kind && e.Event.Equals(expected)).ToList();
        Assert.True(matches.Count == 1, $"{matches.Count} x {expected} from {kind}; that type's events: "
            + string.Join("; ", scenario.Events.Where(e => e.Event.GetType() == expected.GetType()).Select(e => $"{e.Contract}: {e.Event}")));
        return matches[0];
    }

    /// <summary>How often the event was decoded from logs of <paramref name="kind"/>.</summary>
    private int Count(ContractKind kind, ContractEvent expected) => scenario.Events.Count(e => e.Contract == kind && e.Event.Equals(expected));
}
