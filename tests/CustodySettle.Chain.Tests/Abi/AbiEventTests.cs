using System.Numerics;
using CustodySettle.Chain.Abi;
using CustodySettle.Chain.Crypto;
using CustodySettle.Chain.Primitives;

namespace CustodySettle.Chain.Tests.Abi;

public sealed class AbiEventTests
{
    private static readonly Address From = Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
    private static readonly Address To = Address.Parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");

    [Theory]
    // ERC-20's events (EIP-20); the topics every block explorer shows.
    [InlineData("Transfer(address indexed from, address indexed to, uint256 value)", "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef")]
    [InlineData("Approval(address indexed owner, address indexed spender, uint256 value)", "0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925")]
    public void Topic0_Erc20Event_MatchesKnownTopic(string signature, string topic0)
    {
        Assert.Equal(Hash32.Parse(topic0), AbiEvent.Parse(signature).Topic0);
    }

    [Fact]
    public void DecodeLog_Erc20Transfer_NamedValues()
    {
        var transfer = AbiEvent.Parse("Transfer(address indexed from, address indexed to, uint256 value)");
        Hash32[] topics =
        [
            transfer.Topic0,
            Hash32.Parse("0x000000000000000000000000f39fd6e51aad88f6f4ce6ab8827279cfffb92266"),
            Hash32.Parse("0x00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c8"),
        ];
        var data = Hex.Decode("0x00000000000000000000000000000000000000000000000000000000000003e8");

        var values = transfer.DecodeLog(topics, data);

        Assert.Equal(From, values.Get<Address>("from"));
        Assert.Equal(To, values.Get<Address>("to"));
        Assert.Equal(new BigInteger(1000), values.Get<BigInteger>("value"));
        Assert.Equal(["from", "to", "value"], values.Names.ToArray());
    }

    [Fact]
    public void DecodeLog_IndexedDynamicTypes_ReturnedAsTopicHash()
    {
        var named = AbiEvent.Parse("Named(string indexed name, uint256[] indexed ids, int8 indexed delta, bytes note)");
        var nameTopic = AbiTopic.Encode(AbiType.Parse("string"), "hello");
        var idsTopic = AbiTopic.Encode(AbiType.Parse("uint256[]"), new List<int> { 1, 2 });
        var deltaTopic = AbiTopic.Encode(AbiType.Parse("int8"), -3);
        var data = AbiCodec.Encode([AbiType.Parse("bytes")], [new byte[] { 0xca, 0xfe }]);

        var values = named.DecodeLog([named.Topic0, nameTopic, idsTopic, deltaTopic], data);

        // keccak256("hello"): the indexed string cannot be recovered, only matched.
        Assert.Equal(Hash32.Parse("0x1c8aff950685c2ed4bc3174f3472287b56d9517b9c948127319a09a7a36deac8"), values["name"]);
        Assert.Equal(idsTopic, values["ids"]);
        Assert.Equal(new BigInteger(-3), values["delta"]);
        Assert.Equal(new byte[] { 0xca, 0xfe }, values["note"]);
    }

    [Fact]
    public void DecodeLog_Anonymous_NoTopic0()
    {
        var anonymous = AbiEvent.Parse("Moved(address indexed who, uint256 amount)", anonymous: true);
        var whoTopic = AbiTopic.Encode(AbiType.Parse("address"), From);

        var values = anonymous.DecodeLog([whoTopic], AbiCodec.Encode([AbiType.Parse("uint256")], [5]));

        Assert.Equal(1, anonymous.TopicCount);
        Assert.Equal(From, values["who"]);
    }

    [Fact]
    public void DecodeLog_WrongTopicCount_Throws()
    {
        var transfer = AbiEvent.Parse("Transfer(address indexed from, address indexed to, uint256 value)");

        // An ERC-721 Transfer has the same topic 0 but indexes the token id too: 4 topics, no data.
        var error = Assert.Throws<AbiDecodingException>(() => transfer.DecodeLog([transfer.Topic0, Hash32.Zero, Hash32.Zero, Hash32.Zero], []));

        Assert.Contains("have 3 topics, this one has 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DecodeLog_OtherTopic0_Throws()
    {
        var transfer = AbiEvent.Parse("Transfer(address indexed from, address indexed to, uint256 value)");
        var approval = AbiEvent.Parse("Approval(address indexed owner, address indexed spender, uint256 value)");

        Assert.Throws<AbiDecodingException>(() => transfer.DecodeLog([approval.Topic0, Hash32.Zero, Hash32.Zero], new byte[32]));
    }

    [Fact]
    public void DecodeLog_DirtyAddressTopic_Throws()
    {
        var transfer = AbiEvent.Parse("Transfer(address indexed from, address indexed to, uint256 value)");
        var dirty = Hash32.Parse("0x010000000000000000000000f39fd6e51aad88f6f4ce6ab8827279cfffb92266");

        Assert.Throws<AbiDecodingException>(() => transfer.DecodeLog([transfer.Topic0, dirty, Hash32.Zero], new byte[32]));
    }

    [Fact]
    public void DecodeLog_ShortData_Throws()
    {
        var transfer = AbiEvent.Parse("Transfer(address indexed from, address indexed to, uint256 value)");

        Assert.Throws<AbiDecodingException>(() => transfer.DecodeLog([transfer.Topic0, Hash32.Zero, Hash32.Zero], new byte[31]));
    }

    [Fact]
    public void Constructor_TooManyIndexed_Throws()
    {
        Assert.Throws<ArgumentException>(() => AbiEvent.Parse("E(uint8 indexed a, uint8 indexed b, uint8 indexed c, uint8 indexed d)"));
        Assert.Equal(4, AbiEvent.Parse("E(uint8 indexed a, uint8 indexed b, uint8 indexed c, uint8 indexed d)", anonymous: true).TopicCount);
    }

    [Fact]
    public void Topic0_ComputedFromCanonicalSignature()
    {
        var e = AbiEvent.Parse("Deposit(uint indexed id, (address,uint) entry)");

        Assert.Equal("Deposit(uint256,(address,uint256))", e.Signature);
        Assert.Equal(Hash32.FromBytes(Keccak256.HashUtf8(e.Signature)), e.Topic0);
    }
}
