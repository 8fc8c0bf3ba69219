using CustodySettle.Database;

namespace CustodySettle.Server;

/// <summary>
/// Applies the migrations before the server accepts calls (hosted services start before Kestrel), so
/// no handler ever sees an older schema. Several instances starting at once are safe: the runner
/// serializes them with an advisory lock.
/// </summary>
internal sealed class DatabaseMigrationService(OwnerDataSource owner, MigrationRunner runner) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => runner.ApplyAsync(owner.DataSource, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
