using CustodySettle.Domain.Access;

namespace CustodySettle.Access.Tests;

public sealed class PrincipalTests
{
    [Theory]
    [InlineData(Role.Desk, "alpha", true, "alpha", "vault", true)]
    [InlineData(Role.Desk, "alpha", true, "beta", "vault", false)]
    [InlineData(Role.Desk, "alpha", false, "alpha", "vault", false)] // a custodian named "alpha" is not the desk
    [InlineData(Role.Custodian, "vault", true, "alpha", "vault", true)]
    [InlineData(Role.Custodian, "vault", true, "alpha", "other", false)]
    [InlineData(Role.Auditor, "", true, "alpha", "other", true)]
    [InlineData(Role.Operator, "", false, "venue", "other", true)]
    public void MaySee_ByRoleAndScope(Role role, string scope, bool ownerIsDesk, string owner, string custodian, bool expected)
    {
        Assert.Equal(expected, new Principal(Guid.NewGuid(), role, scope).MaySee(ownerIsDesk, owner, custodian));
    }
}
