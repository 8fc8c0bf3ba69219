using System.Collections.Immutable;
using CustodySettle.Chain.Crypto;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Abi;

/// <summary>
/// A contract event (ABI spec, "Events"): topic 0 is keccak256 of the signature unless the event is
/// anonymous, each indexed input takes the next topic, and the other inputs are ABI-encoded in the data.
/// </summary>
public sealed class AbiEvent
{
    private readonly AbiType[] _dataTypes;

    public AbiEvent(string name, IEnumerable<AbiParameter> inputs, bool anonymous = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(inputs);
        Name = name;
        Inputs = [.. inputs];
        Anonymous = anonymous;
        Signature = AbiSignature.Format(name, Inputs);
        Topic0 = Hash32.FromBytes(Keccak256.HashUtf8(Signature));
        _dataTypes = [.. Inputs.Where(p => !p.Indexed).Select(p => p.Type)];
        var indexed = Inputs.Count(p => p.Indexed);
        if (indexed > (anonymous ? 4 : 3))
        {
            throw new ArgumentException($"Event {Signature} has {indexed} indexed inputs; a log has at most 4 topics.", nameof(inputs));
        }

        TopicCount = indexed + (anonymous ? 0 : 1);
    }

    public string Name { get; }

    public ImmutableArray<AbiParameter> Inputs { get; }

    /// <summary>Anonymous events have no topic 0 and cannot be filtered by signature.</summary>
    public bool Anonymous { get; }

    /// <summary>The canonical signature, e.g. "Transfer(address,address,uint256)".</summary>
    public string Signature { get; }

    /// <summary>keccak256(<see cref="Signature"/>), the first topic of a non-anonymous event's logs.</summary>
    public Hash32 Topic0 { get; }

    /// <summary>The number of topics this event's logs carry.</summary>
    public int TopicCount { get; }

    /// <summary>An event from "Name(type [indexed] [name], ...)".</summary>
    public static AbiEvent Parse(string signature, bool anonymous = false)
    {
        var (name, inputs) = AbiSignature.Parse(signature, allowIndexed: true);
        return new AbiEvent(name, inputs, anonymous);
    }

    /// <summary>
    /// Decodes a log into the inputs in declaration order. Indexed value types come from their topic;
    /// indexed string, bytes, arrays and tuples are returned as the <see cref="Hash32"/> topic itself.
    /// </summary>
    public AbiValues DecodeLog(IReadOnlyList<Hash32> topics, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(topics);
        if (topics.Count != TopicCount)
        {
            throw new AbiDecodingException($"{Signature} logs have {TopicCount} topics, this one has {topics.Count}.");
        }

        if (!Anonymous && topics[0] != Topic0)
        {
            throw new AbiDecodingException($"Topic 0 {topics[0]} is not {Signature} ({Topic0}).");
        }

        var dataValues = AbiDecoder.DecodeSequence(_dataTypes, data);
        var values = new object[Inputs.Length];
        var topic = Anonymous ? 0 : 1;
        var next = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var input = Inputs[i];
            values[i] = !input.Indexed ? dataValues[next++]
                : AbiTopic.IsWord(input.Type) ? AbiDecoder.DecodeSequence([input.Type], topics[topic++].Bytes)[0]
                : topics[topic++];
        }

        return new AbiValues(Inputs, values);
    }

    public override string ToString() => Signature;
}
