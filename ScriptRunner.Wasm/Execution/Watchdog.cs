using System.Diagnostics;

namespace ScriptRunner.Wasm.Execution;

/// <summary>
/// Interrupts executions whose deadline has passed. One background thread per engine, started on demand and
/// ending when nothing is registered; a dedicated thread keeps deadlines working when the thread pool is saturated
/// by the very executions being timed. An expired execution is re-interrupted every few milliseconds until it
/// leaves, since its own counter updates may race with the first interruption.
/// </summary>
internal sealed class Watchdog
{
    private static readonly long RepeatTicks = Stopwatch.Frequency / 200;

    private readonly object _gate = new();
    private readonly List<Registration> _entries = [];
    private bool _running;

    public Registration Register(ExecutionState execution, long deadline)
    {
        var registration = new Registration(this, execution, deadline);
        lock (_gate)
        {
            _entries.Add(registration);
            if (!_running)
            {
                _running = true;
                new Thread(Run) { IsBackground = true, Name = "ScriptRunner.Wasm watchdog" }.Start();
            }
            else
            {
                Monitor.Pulse(_gate);
            }
        }

        return registration;
    }

    private void Unregister(Registration registration)
    {
        lock (_gate)
        {
            _entries.Remove(registration);
        }
    }

    private void Run()
    {
        lock (_gate)
        {
            while (_entries.Count > 0)
            {
                var now = Stopwatch.GetTimestamp();
                var wake = long.MaxValue;
                foreach (var entry in _entries)
                {
                    if (entry.Deadline <= now)
                    {
                        entry.Execution.Interrupt();
                        wake = Math.Min(wake, now + RepeatTicks);
                    }
                    else
                    {
                        wake = Math.Min(wake, entry.Deadline);
                    }
                }

                var milliseconds = (wake - now) * 1000 / Stopwatch.Frequency;
                Monitor.Wait(_gate, (int)Math.Clamp(milliseconds + 1, 1, 60_000));
            }

            _running = false;
        }
    }

    /// <summary>A registered deadline; disposing it removes it.</summary>
    public sealed class Registration(Watchdog owner, ExecutionState execution, long deadline) : IDisposable
    {
        public ExecutionState Execution { get; } = execution;

        public long Deadline { get; } = deadline;

        public void Dispose() => owner.Unregister(this);
    }
}
