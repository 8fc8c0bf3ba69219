using CustodySettle.Domain.Ledger;
using CustodySettle.Ledger.Writing;

namespace CustodySettle.Ledger.Tests.Writing;

public sealed class ResultNamesTests
{
    [Theory]
    [InlineData(TransferResult.Ok, "ok")]
    [InlineData(TransferResult.ExceedsCredits, "exceeds_credits")]
    [InlineData(TransferResult.PendingTransferAlreadyPosted, "pending_transfer_already_posted")]
    public void Name_Result_IsSnakeCaseAndParsesBack(TransferResult result, string name)
    {
        Assert.Equal(name, ResultNames.Name(result));
        Assert.Equal(result, ResultNames.Parse(name));
    }
}
