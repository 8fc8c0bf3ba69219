namespace CustodySettle.Custody.Tests;

public sealed class CustodyIdsTests
{
    [Fact]
    public void StatementLine_SameParts_SameIdAndVersion8()
    {
        var id = CustodyIds.StatementLine("vault", "s-1", 0);

        Assert.Equal(id, CustodyIds.StatementLine("vault", "s-1", 0));
        Assert.Equal(8, id.Version);
        Assert.Equal(0b10, id.Variant >> 2);
    }

    [Theory]
    [InlineData("vault", "s-1", 1)]
    [InlineData("vaul", "ts-1", 0)] // the parts are length-prefixed: shifting a character is another id
    [InlineData("vault", "s-2", 0)]
    public void StatementLine_OtherParts_OtherId(string custodian, string statement, int line)
    {
        Assert.NotEqual(CustodyIds.StatementLine("vault", "s-1", 0), CustodyIds.StatementLine(custodian, statement, line));
    }

    [Fact]
    public void Confirmation_NeverEqualsAStatementLineOfTheSameIds()
    {
        Assert.NotEqual(CustodyIds.Confirmation("vault", "s-1"), CustodyIds.StatementLine("vault", "s-1", 0));
    }
}
