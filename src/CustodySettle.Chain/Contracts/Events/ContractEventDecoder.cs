using System.Collections.Concurrent;
using CustodySettle.Chain.Abi;
using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Rpc;

namespace CustodySettle.Chain.Contracts.Events;

/// <summary>
/// Turns logs of the bound contracts into typed <see cref="ContractEvent"/> records. A log is decoded
/// against the ABI of the contract at its address: the deployment's contracts, given at construction,
/// and the custody tokens, learnt from the factories' CustodyTokenCreated events (or added with
/// <see cref="AddCustodyToken"/>). Logs of other addresses, and events without a record, decode to null.
/// Safe for concurrent use.
/// </summary>
public sealed class ContractEventDecoder
{
    private readonly ContractArtifacts _artifacts;
    private readonly ConcurrentDictionary<Address, ContractKind> _known;

    public ContractEventDecoder(ContractArtifacts artifacts, IReadOnlyDictionary<Address, ContractKind> knownContracts)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        ArgumentNullException.ThrowIfNull(knownContracts);
        _artifacts = artifacts;
        _known = new ConcurrentDictionary<Address, ContractKind>(knownContracts);
    }

    /// <summary>Whether <paramref name="abiEvent"/> has a record (so its logs decode to non-null).</summary>
    public static bool Supports(AbiEvent abiEvent)
    {
        ArgumentNullException.ThrowIfNull(abiEvent);
        return EventConverters.Supports(abiEvent);
    }

    /// <summary>Decodes the logs of a custody token at <paramref name="token"/> from now on.</summary>
    public void AddCustodyToken(Address token) => _known[token] = ContractKind.CustodyToken;

    /// <summary>What the decoder knows <paramref name="address"/> to be.</summary>
    public bool TryGetKind(Address address, out ContractKind kind) => _known.TryGetValue(address, out kind);

    /// <summary>
    /// The typed event of <paramref name="log"/>, or null for an unknown address or event. A factory's
    /// CustodyTokenCreated also registers its token. Throws <see cref="AbiDecodingException"/> when a
    /// known contract's log does not match its ABI (a wrong address mapping).
    /// </summary>
    public DecodedEvent? Decode(LogEntry log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (log.Topics.Count == 0 || !_known.TryGetValue(log.Address, out var kind)
            || !_artifacts.Abi(kind).TryGetEvent(log.Topics[0], out var abiEvent) || abiEvent.TopicCount != log.Topics.Count)
        {
            return null;
        }

        var decoded = EventConverters.Convert(abiEvent, abiEvent.DecodeLog(log.Topics, log.Data.Span));
        if (decoded is CustodyTokenCreated created && kind == ContractKind.CustodyTokenFactory)
        {
            AddCustodyToken(created.Token);
        }

        return decoded is null ? null : new DecodedEvent(log, kind, decoded);
    }

    /// <summary>
    /// Decodes logs in chain order, leaving out those that decode to null. Tokens created by these logs are
    /// registered first: a token's own first logs (RoleGranted, AllowedDestinationSet...) come before the
    /// factory's CustodyTokenCreated in the creating transaction.
    /// </summary>
    public IReadOnlyList<DecodedEvent> DecodeAll(IReadOnlyList<LogEntry> logs)
    {
        ArgumentNullException.ThrowIfNull(logs);
        foreach (var log in logs)
        {
            if (_known.TryGetValue(log.Address, out var kind) && kind == ContractKind.CustodyTokenFactory)
            {
                Decode(log);
            }
        }

        var events = new List<DecodedEvent>(logs.Count);
        foreach (var log in logs)
        {
            if (Decode(log) is { } decoded)
            {
                events.Add(decoded);
            }
        }

        return events;
    }
}
