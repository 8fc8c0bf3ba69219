using Microsoft.Extensions.Logging;

namespace CustodySettle.Grpc.Health;

/// <summary>
/// The serving status of each service, as <c>grpc.health.v1.Health</c> reports it (grpc/grpc
/// doc/health-checking.md). Service names are full protobuf names (<c>package.Service</c>); the empty
/// name stands for the whole server. Registered as a singleton by
/// <see cref="GrpcStandardServiceCollectionExtensions.AddGrpcHealth"/>: once the application has
/// started, "" and every registered gRPC service the application has not set yet become
/// <see cref="ServingStatus.Serving"/>; when it stops, all become <see cref="ServingStatus.NotServing"/>.
/// Thread-safe.
/// </summary>
public sealed class HealthStatusRegistry
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ServingStatus> _statuses = new(StringComparer.Ordinal);
    private readonly ILogger<HealthStatusRegistry> _logger;

    // One signal for every service, completed and replaced on each change. A watcher keeps no queue:
    // it wakes, reads the latest status and waits again, so a slow watcher skips intermediate states
    // but never misses the latest one, and nothing grows with the number of changes.
    private TaskCompletionSource _changed = NewSignal();
    private bool _shutDown;

    public HealthStatusRegistry(ILogger<HealthStatusRegistry> logger)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
    }

    /// <summary>
    /// Sets the status of <paramref name="service"/> ("" for the whole server) and notifies its
    /// watchers if it changed. Ignored once the server is stopping: it stays NotServing, as grpc-go's
    /// health server does after Shutdown, so a late background task cannot advertise a dying server.
    /// </summary>
    public void Set(string service, ServingStatus status)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (!Enum.IsDefined(status))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "not a ServingStatus value");
        }

        bool changed;
        lock (_lock)
        {
            if (_shutDown)
            {
                HealthLog.IgnoredAfterShutdown(_logger, service, status);
                return;
            }

            changed = Store(service, status);
            if (changed)
            {
                Signal();
            }
        }

        if (changed)
        {
            HealthLog.StatusChanged(_logger, service, status);
        }
    }

    /// <summary>The status of <paramref name="service"/>, or null if it was never set.</summary>
    public ServingStatus? Get(string service)
    {
        ArgumentNullException.ThrowIfNull(service);
        lock (_lock)
        {
            return _statuses.TryGetValue(service, out var status) ? status : null;
        }
    }

    /// <summary>
    /// The current status of <paramref name="service"/> (null if unknown) and a task that completes at
    /// the next change of any service, read together so that no change falls between them.
    /// </summary>
    internal (ServingStatus? Status, Task Changed) Observe(string service)
    {
        lock (_lock)
        {
            return (_statuses.TryGetValue(service, out var status) ? status : null, _changed.Task);
        }
    }

    /// <summary>Sets <paramref name="status"/> for each of <paramref name="services"/> that has no status yet.</summary>
    internal void SetDefaults(IEnumerable<string> services, ServingStatus status)
    {
        var added = new List<string>();
        lock (_lock)
        {
            if (_shutDown)
            {
                return;
            }

            foreach (var service in services)
            {
                if (_statuses.TryAdd(service, status))
                {
                    added.Add(service);
                }
            }

            if (added.Count > 0)
            {
                Signal();
            }
        }

        foreach (var service in added)
        {
            HealthLog.StatusChanged(_logger, service, status);
        }
    }

    /// <summary>
    /// The server is stopping: every known service becomes NotServing and later changes are ignored,
    /// so Check during the drain and watchers still connected see the server going away.
    /// </summary>
    internal void Shutdown()
    {
        lock (_lock)
        {
            if (_shutDown)
            {
                return;
            }

            _shutDown = true;
            foreach (var service in _statuses.Keys.ToList())
            {
                Store(service, ServingStatus.NotServing);
            }

            Signal();
        }

        HealthLog.ShutDown(_logger);
    }

    private bool Store(string service, ServingStatus status)
    {
        if (_statuses.TryGetValue(service, out var current) && current == status)
        {
            return false;
        }

        _statuses[service] = status;
        return true;
    }

    /// <summary>Wakes every watcher; continuations run on the thread pool, not under the lock.</summary>
    private void Signal()
    {
        var previous = _changed;
        _changed = NewSignal();
        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
