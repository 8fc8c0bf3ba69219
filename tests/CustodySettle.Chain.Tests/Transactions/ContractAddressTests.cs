using CustodySettle.Chain.Primitives;
using CustodySettle.Chain.Transactions;

namespace CustodySettle.Chain.Tests.Transactions;

public sealed class ContractAddressTests
{
    [Theory]
    // The addresses every anvil/hardhat tutorial deploys to from the first dev account.
    [InlineData(0UL, "0x5FbDB2315678afecb367f032d93F642f64180aa3")]
    [InlineData(1UL, "0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512")]
    [InlineData(2UL, "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0")]
    public void FromCreate_AnvilFirstAccount_KnownAddresses(ulong nonce, string expected)
    {
        var deployer = Address.Parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");

        Assert.Equal(Address.Parse(expected), ContractAddress.FromCreate(deployer, nonce));
    }
}
