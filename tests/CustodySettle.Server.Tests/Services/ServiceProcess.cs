using System.Diagnostics;
using System.Text;
using CustodySettle.Testing;

namespace CustodySettle.Server.Tests.Services;

/// <summary>
/// The service as a process of its own (the built CustodySettle.Server.dll, configured by environment
/// as the run command configures it), so a test can kill it with SIGKILL at a chosen moment.
/// </summary>
internal sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServiceProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static ServiceProcess Start(IReadOnlyDictionary<string, string> environment, int? port = null)
    {
        var listen = port ?? TestPorts.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(ServerSettings).Assembly.Location);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["CS_LISTEN"] = $"http://127.0.0.1:{listen}";
        return new ServiceProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start the service"), listen);
    }

    /// <summary>SIGKILL: no shutdown, no flush, exactly a crash.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
