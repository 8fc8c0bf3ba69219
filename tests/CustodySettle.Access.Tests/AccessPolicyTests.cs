using CustodySettle.Domain.Access;
using Google.Protobuf.Reflection;

namespace CustodySettle.Access.Tests;

public sealed class AccessPolicyTests
{
    private static readonly ServiceDescriptor Admin =
        Api.V1.AdminServiceReflection.Descriptor.FindTypeByName<ServiceDescriptor>("AdminService");

    [Fact]
    public void Allows_RuleForOneRole_OnlyThatRole()
    {
        var sut = CreateSut();

        Assert.True(sut.Allows("/custodysettle.v1.AdminService/ListDesks", Role.Auditor));
        Assert.False(sut.Allows("/custodysettle.v1.AdminService/ListDesks", Role.Desk));
        Assert.True(sut.Allows("/custodysettle.v1.AdminService/CreateDesk", Role.Operator));
        Assert.False(sut.Allows("/custodysettle.v1.AdminService/CreateDesk", Role.Auditor));
    }

    [Fact]
    public void Allows_ProtectedRpcWithoutRule_NobodyFailsClosed()
    {
        var sut = new AccessPolicy.Builder().Protect("custodysettle.v1").Allow(Admin.FindMethodByName("ListDesks"), Role.Operator).Build();

        Assert.False(sut.IsOpen("/custodysettle.v1.AdminService/CreateDesk"));
        Assert.All(Enum.GetValues<Role>(), r => Assert.False(sut.Allows("/custodysettle.v1.AdminService/CreateDesk", r)));
    }

    [Theory]
    [InlineData("/grpc.health.v1.Health/Check", true)]
    [InlineData("/grpc.reflection.v1.ServerReflection/ServerReflectionInfo", true)]
    [InlineData("/custodysettle.v1.AdminService/ListDesks", false)]
    [InlineData("/custodysettle.v1x.Other/Method", true)]
    public void IsOpen_OnlyOutsideProtectedPackages(string method, bool open)
    {
        Assert.Equal(open, CreateSut().IsOpen(method));
    }

    [Fact]
    public void Allow_SameRpcTwice_Throws()
    {
        var builder = new AccessPolicy.Builder().Allow(Admin.FindMethodByName("ListDesks"), Role.Operator);

        Assert.Throws<InvalidOperationException>(() => builder.Allow(Admin.FindMethodByName("ListDesks"), Role.Auditor));
    }

    private static AccessPolicy CreateSut() => new AccessPolicy.Builder()
        .Protect("custodysettle.v1")
        .Allow(Admin.FindMethodByName("ListDesks"), Role.Auditor, Role.Operator)
        .AllowRest(Admin, Role.Operator)
        .Build();
}
