using System.Globalization;
using CustodySettle.Grpc;
using CustodySettle.Testing.Interop;
using GrpcEchoServer;
using Microsoft.AspNetCore.Server.Kestrel.Core;

// Usage: GrpcEchoServer --port N. Serves custodysettle.testing.v1.Echo on 127.0.0.1:N, h2c, no logging.
var port = args.Length == 2 && args[0] == "--port"
    ? int.Parse(args[1], CultureInfo.InvariantCulture)
    : throw new ArgumentException("usage: GrpcEchoServer --port N");

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.Listen(System.Net.IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2);
});
builder.Services.AddGrpcTransport();
builder.Services.AddGrpcService<UnaryEchoHandler>(EchoReflection.Descriptor.Services[0]);

var app = builder.Build();
app.UseGrpcTransport();
Console.WriteLine($"listening on 127.0.0.1:{port}");
await app.RunAsync();
