using CustodySettle.Testing;

namespace CustodySettle.Stack.Tests.Fixtures;

public sealed class StackSettingsTests
{
    [Fact]
    public void ParseEnvFile_CommentsBlanksAndEqualsInValues_ParsedVerbatim()
    {
        var values = StackSettings.ParseEnvFile(["# comment", "", "A=1", "CONN='Host=x;Password=a=b'", "RAW=a'b'", "  B = 2 ", "novalue"]);

        Assert.Equal("1", values["A"]);
        Assert.Equal("Host=x;Password=a=b", values["CONN"]);
        Assert.Equal("a'b'", values["RAW"]);
        Assert.Equal(" 2", values["B "]);
        Assert.Equal(4, values.Count);
    }

    [Fact]
    public void Get_UnknownSetting_ThrowsWithTheFix()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StackSettings.Current.Get("CS_NO_SUCH_SETTING"));

        Assert.Contains("scripts/stack.sh up", error.Message, StringComparison.Ordinal);
    }
}
