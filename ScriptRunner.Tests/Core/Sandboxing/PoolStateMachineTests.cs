using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Logging.Abstractions;
using ScriptRunner.Core.Sandboxing;

namespace ScriptRunner.Tests.Core.Sandboxing;

/// <summary>
/// The pool's states and transitions, driven without processes: example sequences, then random ones of every event a
/// pool meets (start, ready, failed start, crash, kill at the deadline, memory breach, recycle, caller giving up,
/// retired process exiting, shutdown).
/// </summary>
public sealed class PoolStateMachineTests
{
    [Fact]
    public void FirstMember_StartsAlone_TheRestOnceItIsReady_SparesLast()
    {
        var pool = new Model(size: 3, spares: 1);

        pool.Machine.Begin();
        Assert.Single(pool.Starting);

        pool.ReadyAll();

        Assert.Equal((3, 1), (pool.Count(SandboxState.Idle), pool.Count(SandboxState.Spare)));
    }

    [Fact]
    public void Crash_OfABusyMember_IsFilledByTheSpareAtOnce_AndANewSpareStarts()
    {
        var pool = new Model(size: 1, spares: 1);
        pool.Machine.Begin();
        pool.ReadyAll();
        var crashed = Taken(pool.Machine.Acquire());

        pool.Machine.Ended(crashed);
        pool.Machine.Release(crashed, healthy: false, due: false);

        Assert.Equal(1, pool.Count(SandboxState.Idle));
        Assert.Single(pool.Starting);
        Assert.True(pool.Starting[0].AsSpare);
    }

    [Fact]
    public void DueMember_KeepsServing_UntilItsSuccessorIsReady_ThenDrains()
    {
        var pool = new Model(size: 1, spares: 0);
        pool.Machine.Begin();
        pool.ReadyAll();
        var first = Taken(pool.Machine.Acquire());
        pool.Machine.Release(first, healthy: true, due: true);
        var again = Taken(pool.Machine.Acquire());

        pool.ReadyAll();

        Assert.Same(first, again);
        Assert.Equal(SandboxState.Draining, pool.StateOf(first));
        pool.Machine.Release(first, healthy: true, due: false);
        Assert.Equal(SandboxState.Retiring, pool.StateOf(first));
        Assert.Equal(1, pool.Count(SandboxState.Idle));
    }

    [Fact]
    public void Waiters_AreServedInTheOrderTheyCame()
    {
        var pool = new Model(size: 1, spares: 0);
        pool.Machine.Begin();
        pool.ReadyAll();
        var holder = Taken(pool.Machine.Acquire());
        var second = pool.Machine.Acquire();
        var third = pool.Machine.Acquire();

        pool.Machine.Release(holder, healthy: true, due: false);

        Assert.True(second.IsCompletedSuccessfully);
        Assert.False(third.IsCompleted);
    }

    [Fact]
    public void Suspects_HoldAtMostAllButOneMember_AndABystanderGoesFirst()
    {
        var pool = new Model(size: 2, spares: 0);
        pool.Machine.Begin();
        pool.ReadyAll();
        var first = Taken(pool.Machine.Acquire(suspect: true));
        var secondSuspect = pool.Machine.Acquire(suspect: true);
        var bystander = pool.Machine.Acquire();

        Assert.False(secondSuspect.IsCompleted);
        Assert.True(bystander.IsCompletedSuccessfully);
        pool.Machine.Release(first, healthy: true, due: false);
        Assert.True(secondSuspect.IsCompletedSuccessfully);
    }

    [Fact]
    public void WithdrawnWaiter_IsNeverHandedAProcess()
    {
        var pool = new Model(size: 1, spares: 0);
        pool.Machine.Begin();
        var waiting = pool.Machine.Acquire();

        Assert.True(pool.Machine.Withdraw(waiting));
        pool.ReadyAll();

        Assert.False(waiting.IsCompleted);
        Assert.Equal(1, pool.Count(SandboxState.Idle));
    }

    [Fact]
    public void ShutDown_FailsEveryWaiter_AndRetiresMembersThatBecomeReady()
    {
        var pool = new Model(size: 2, spares: 0);
        pool.Machine.Begin();
        var waiting = pool.Machine.Acquire();

        pool.Machine.ShutDown();
        pool.ReadyAll();

        Assert.IsType<ObjectDisposedException>(waiting.Exception!.InnerException);
        Assert.All(pool.Machine.Members, m => Assert.Equal(SandboxState.Retiring, m.State));
    }

    [Fact]
    public void RandomEventSequences_KeepEveryInvariant()
    {
        var events = Gen.Choose(0, 10_000).ArrayOf().Select(a => a.Take(120).ToArray());
        var sizes = Gen.Choose(1, 3).Zip(Gen.Choose(0, 2));
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(10_000).WithQuietOnSuccess(true),
            Prop.ForAll(Arb.From(sizes), Arb.From(events), (shape, sequence) => Replay(shape.Item1, shape.Item2, sequence)));
    }

    // A process handed out at once, as it is whenever a member is idle.
    private static FakeProcess Taken(Task<FakeProcess> acquisition)
    {
        Assert.True(acquisition.IsCompletedSuccessfully, "no process was handed out at once");
        return acquisition.Result;
    }

    // Plays one sequence, checking the invariants after every event, then lets everything finish and checks that the
    // pool is whole again and every execution was answered once.
    private static bool Replay(int size, int spares, int[] sequence)
    {
        var pool = new Model(size, spares);
        pool.Machine.Begin();
        foreach (var value in sequence)
        {
            pool.Play((Event)(value % EventCount), value / EventCount);
            pool.AssertInvariants();
        }

        pool.Settle();
        pool.AssertInvariants();
        Assert.Equal(0, pool.Machine.Waiting);
        Assert.All(pool.Executions, e => Assert.True(e.Answers == 1, $"execution answered {e.Answers} times"));
        Assert.Equal((size, spares, 0), (pool.Count(SandboxState.Idle), pool.Count(SandboxState.Spare), pool.Machine.Members.Count - size - spares));

        pool.Machine.ShutDown();
        pool.Settle();
        Assert.Empty(pool.Machine.Members);
        return true;
    }

    private const int EventCount = 10;

    private enum Event
    {
        Acquire,
        Ready,
        StartFails,
        RunEnds,
        RunEndsDue,
        Crash,
        KilledAtDeadline,
        MemoryBreach,
        CallerGivesUp,
        RetiredExits,
    }

    /// <summary>A stand-in for a sandbox process: the machine only ever compares them.</summary>
    private sealed class FakeProcess(int id)
    {
        public Execution? Holder { get; set; }

        public override string ToString() => $"fake {id}";
    }

    /// <summary>One execution: waiting, running on a process, or over.</summary>
    private sealed class Execution(Task<FakeProcess> acquisition)
    {
        public Task<FakeProcess> Acquisition { get; } = acquisition;
        public FakeProcess? Process { get; set; }
        public bool Suspect { get; init; }
        public bool Over { get; set; }
        public int Answers { get; set; }
    }

    /// <summary>The machine with what its owner would do: starts it asks for, retirements it asks for, executions.</summary>
    private sealed class Model
    {
        private int _nextProcess;

        public Model(int size, int spares)
        {
            Machine = new PoolStateMachine<FakeProcess>(size, spares, Starting.Add, Retiring.Add, NullLogger.Instance);
            Size = size;
            Spares = spares;
        }

        public PoolStateMachine<FakeProcess> Machine { get; }
        public int Size { get; }
        public int Spares { get; }
        public List<PoolMember<FakeProcess>> Starting { get; } = [];
        public List<FakeProcess> Retiring { get; } = [];
        public List<Execution> Executions { get; } = [];

        public int Count(SandboxState state) => Machine.Members.Count(m => m.State == state);

        public SandboxState StateOf(FakeProcess process) => Machine.Members.Single(m => m.Member.Process == process).State;

        public void ReadyAll()
        {
            while (Starting.Count > 0) Ready(0);
        }

        public void Play(Event kind, int pick)
        {
            switch (kind)
            {
                case Event.Acquire:
                    var suspect = pick % 3 == 0;
                    Executions.Add(new Execution(Machine.Acquire(suspect)) { Suspect = suspect });
                    break;
                case Event.Ready when Starting.Count > 0:
                    Ready(pick % Starting.Count);
                    break;
                case Event.StartFails when Starting.Count > 0:
                    Machine.StartFailed(Starting[pick % Starting.Count]);
                    break;
                case Event.RunEnds or Event.RunEndsDue when Running() is { Count: > 0 } running:
                    End(running[pick % running.Count], healthy: true, due: kind == Event.RunEndsDue);
                    break;
                case Event.Crash when Alive() is { Count: > 0 } alive:
                    var crashed = alive[pick % alive.Count];
                    Machine.Ended(crashed);
                    if (crashed.Holder is { } holder) End(holder, healthy: false, due: false);
                    break;
                case Event.KilledAtDeadline when Running() is { Count: > 0 } running:
                    // The kill ends the process, whose end the pool may learn before or after the run hands it back.
                    var killed = running[pick % running.Count];
                    var process = killed.Process!;
                    if (pick % 2 == 0) Machine.Ended(process);
                    End(killed, healthy: false, due: false);
                    if (pick % 2 == 1) Machine.Ended(process);
                    break;
                case Event.MemoryBreach when Running() is { Count: > 0 } running:
                    var breached = running[pick % running.Count];
                    var breachedProcess = breached.Process!;
                    End(breached, healthy: false, due: false);
                    Machine.Ended(breachedProcess);
                    break;
                case Event.CallerGivesUp when Executions.Where(e => !e.Over && e.Process is null).ToList() is { Count: > 0 } waiting:
                    GiveUp(waiting[pick % waiting.Count]);
                    break;
                case Event.RetiredExits when Retiring.Count > 0:
                    var exiting = Retiring[pick % Retiring.Count];
                    Retiring.Remove(exiting);
                    Machine.Ended(exiting);
                    break;
            }
            Observe();
        }

        /// <summary>Lets every start finish, every run end and every retired process exit, until nothing moves.</summary>
        public void Settle()
        {
            for (var round = 0; round < 1000; round++)
            {
                Observe();
                if (Starting.Count > 0) Ready(0);
                else if (Running() is { Count: > 0 } running) End(running[0], healthy: true, due: false);
                else if (Retiring.Count > 0)
                {
                    var exiting = Retiring[0];
                    Retiring.RemoveAt(0);
                    Machine.Ended(exiting);
                }
                else return;
            }
            Assert.Fail("the pool did not settle");
        }

        public void AssertInvariants()
        {
            var members = Machine.Members;
            var idle = members.Count(m => m.State == SandboxState.Idle);
            var suspectsRunning = Executions.Count(e => e.Suspect && e.Process is not null && !e.Over);
            Assert.True(suspectsRunning <= Machine.SuspectLimit, $"suspects hold {suspectsRunning} members, past their share of {Machine.SuspectLimit}");
            var othersWaiting = Machine.Waiting - Machine.SuspectsWaiting;
            Assert.False(idle > 0 && othersWaiting > 0, "an execution waits while a member is idle");
            Assert.False(idle > 0 && Machine.SuspectsWaiting > 0 && suspectsRunning < Machine.SuspectLimit, "a suspect waits while a member is idle and suspects hold less than their share");
            var serving = members.Count(m => m.State is SandboxState.Idle or SandboxState.Busy
                || (m.State == SandboxState.Starting && !m.Member.AsSpare && m.Member.Supersedes is null));
            Assert.True(serving <= Size, $"{serving} places serve in a pool of {Size}");
            var spares = members.Count(m => m.State == SandboxState.Spare || (m.State == SandboxState.Starting && m.Member.AsSpare));
            Assert.True(spares <= Spares, $"{spares} spares in a pool keeping {Spares}");
            foreach (var execution in Executions.Where(e => e.Process is not null && !e.Over))
            {
                var state = members.Single(m => m.Member.Process == execution.Process).State;
                Assert.True(state is SandboxState.Busy or SandboxState.Draining or SandboxState.Retiring, $"a running execution's member is {state}");
            }
            Assert.All(Executions.Where(e => e.Acquisition.IsCompleted && !e.Over), e => Assert.NotNull(e.Process));
        }

        private void Ready(int index)
        {
            var member = Starting[index];
            Starting.RemoveAt(index);
            Machine.Ready(member, new FakeProcess(++_nextProcess));
        }

        private List<Execution> Running() => Executions.Where(e => e.Process is not null && !e.Over).ToList();

        private List<FakeProcess> Alive() => Machine.Members
            .Where(m => m.Member.Process is not null && m.State != SandboxState.Retiring)
            .Select(m => m.Member.Process!).ToList();

        // A handed-out process goes to exactly one execution, which holds it until it hands it back.
        private void Observe()
        {
            foreach (var execution in Executions.Where(e => e.Process is null && !e.Over && e.Acquisition.IsCompletedSuccessfully))
            {
                var process = execution.Acquisition.Result;
                Assert.True(process.Holder is null, $"{process} was handed to a second execution");
                process.Holder = execution;
                execution.Process = process;
            }
        }

        private void End(Execution execution, bool healthy, bool due)
        {
            var process = execution.Process!;
            process.Holder = null;
            execution.Over = true;
            execution.Answers++;
            Machine.Release(process, healthy, due);
        }

        private void GiveUp(Execution execution)
        {
            if (Machine.Withdraw(execution.Acquisition))
            {
                execution.Over = true;
                execution.Answers++;
                return;
            }
            // Handed a process as it gave up: it hands it straight back.
            Observe();
            End(execution, healthy: true, due: false);
        }
    }
}
