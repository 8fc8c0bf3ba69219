using CustodySettle.Server;

var builder = WebApplication.CreateSlimBuilder(args);
builder.AddCustodySettle(ServerSettings.FromConfiguration(builder.Configuration));

var app = builder.Build();
app.UseCustodySettle();
await app.RunAsync();
