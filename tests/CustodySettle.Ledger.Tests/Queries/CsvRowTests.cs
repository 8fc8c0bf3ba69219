using CustodySettle.Ledger.Queries;

namespace CustodySettle.Ledger.Tests.Queries;

public sealed class CsvRowTests
{
    [Theory]
    [InlineData("plain reference", "plain reference")]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("", "")]
    [InlineData("a=b", "a=b")]
    public void UserText_FormulaTriggers_Neutralized(string field, string expected)
    {
        Assert.Equal(expected, CsvRow.UserText(field));
    }

    [Theory]
    [InlineData("a", "a")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("line\r\nbreak", "\"line\r\nbreak\"")]
    public void Quote_Rfc4180Vectors_QuotedExactlyWhenNeeded(string field, string expected)
    {
        Assert.Equal(expected, CsvRow.Quote(field));
    }
}
