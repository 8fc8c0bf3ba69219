using System.Buffers;
using System.Globalization;
using Microsoft.AspNetCore.Server.Kestrel.Core;

// Usage: KestrelFloor --port N. Reads the request body to its end and writes it back as the response
// body, then grpc-status 0 in the trailers. For an EchoRequest carrying only `message` that is exactly
// Echo.Unary's answer (field 1 is `message` in both EchoRequest and EchoReply), with no parsing, no
// routing and no handler: what Kestrel's HTTP/2 alone costs per call.
var port = args.Length == 2 && args[0] == "--port"
    ? int.Parse(args[1], CultureInfo.InvariantCulture)
    : throw new ArgumentException("usage: KestrelFloor --port N");

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.AddServerHeader = false;
    kestrel.Listen(System.Net.IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http2);
});

var app = builder.Build();
app.Run(async context =>
{
    var body = context.Request.BodyReader;
    var read = await body.ReadAsync();
    while (!read.IsCompleted)
    {
        body.AdvanceTo(read.Buffer.Start, read.Buffer.End);
        read = await body.ReadAsync();
    }

    context.Response.ContentType = "application/grpc";
    foreach (var segment in read.Buffer)
    {
        context.Response.BodyWriter.Write(segment.Span);
    }

    body.AdvanceTo(read.Buffer.End);
    context.Response.AppendTrailer("grpc-status", "0");
});
Console.WriteLine($"listening on 127.0.0.1:{port}");
await app.RunAsync();
