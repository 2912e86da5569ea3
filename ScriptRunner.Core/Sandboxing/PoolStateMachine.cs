using Microsoft.Extensions.Logging;

namespace ScriptRunner.Core.Sandboxing;

/// <summary>
/// The pool's bookkeeping: every member's state, the executions waiting for one, and every transition between them,
/// under one lock. It starts and retires nothing itself: it asks its owner to (<c>start</c>, <c>retire</c>), after the
/// lock is released, and the owner reports back (<see cref="Ready"/>, <see cref="Ended"/>...). Knowing nothing of real
/// processes, it can be driven through any sequence of events by a test.
/// </summary>
/// <remarks>
/// <para>The pool keeps <c>size</c> members serving (<see cref="SandboxState.Idle"/> or <see cref="SandboxState.Busy"/>)
/// and <c>spares</c> warm ones held back. The first member starts alone, so the first request is answered as soon as
/// possible; the other serving members start once it is ready, and the spares once every place serves.</para>
/// <para>Executions of code that faulted recently (suspects) never hold more than <c>size - 1</c> members at once, and
/// a free member goes to the longest-waiting other execution first: a burst of faults slows its own kind, not the
/// bystanders.</para>
/// <para>A member that leaves (ended, broken, recycled) has its place taken by a spare at once when one is ready, else
/// by a new member; a new spare then starts. A member due for recycling keeps serving while its successor starts, and
/// leaves when the successor is ready: at once if idle, at the end of its run (draining) if busy.</para>
/// </remarks>
internal sealed class PoolStateMachine<TProcess>
    where TProcess : class
{
    private readonly Lock _gate = new();
    private readonly int _size;
    private readonly int _spares;
    private readonly Action<PoolMember<TProcess>> _start;
    private readonly Action<TProcess> _retire;
    private readonly ILogger _logger;
    private readonly List<PoolMember<TProcess>> _members = [];
    // Idle members, most recently used last: a repeat of the same code lands where its compiled form is cached.
    private readonly List<PoolMember<TProcess>> _idle = [];
    private readonly LinkedList<TaskCompletionSource<TProcess>> _waiters = new();
    private readonly LinkedList<TaskCompletionSource<TProcess>> _suspects = new();
    private readonly int _suspectLimit;
    private readonly List<Action> _effects = [];
    private int _nextId;
    private int _failedStarts;
    private bool _begun;
    private bool _firstReady;
    private bool _shutDown;

    /// <summary>A machine keeping <paramref name="size"/> members serving and <paramref name="spares"/> held back.</summary>
    public PoolStateMachine(int size, int spares, Action<PoolMember<TProcess>> start, Action<TProcess> retire, ILogger logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(spares);
        _size = size;
        _spares = spares;
        _suspectLimit = Math.Max(1, size - 1);
        _start = start;
        _retire = retire;
        _logger = logger;
    }

    /// <summary>How the pool stands now.</summary>
    public SandboxPoolState State
    {
        get
        {
            lock (_gate)
            {
                var ready = _idle.Count;
                var busy = Count(SandboxState.Busy) + Count(SandboxState.Draining);
                var starting = Count(SandboxState.Starting);
                var failing = _failedStarts > 0 && ready + busy == 0;
                return new SandboxPoolState(_size, ready, busy, starting, failing, Count(SandboxState.Spare));
            }
        }
    }

    /// <summary>The members and their states, for tests and diagnostics.</summary>
    public IReadOnlyList<(PoolMember<TProcess> Member, SandboxState State)> Members
    {
        get
        {
            lock (_gate) return _members.Select(m => (m, m.State)).ToArray();
        }
    }

    /// <summary>Executions waiting for a member.</summary>
    public int Waiting
    {
        get
        {
            lock (_gate) return _waiters.Count + _suspects.Count;
        }
    }

    /// <summary>Suspect executions waiting for a member.</summary>
    public int SuspectsWaiting
    {
        get
        {
            lock (_gate) return _suspects.Count;
        }
    }

    /// <summary>The most members suspects hold at once.</summary>
    public int SuspectLimit => _suspectLimit;

    /// <summary>Starts the pool's first member, once; the rest follow as it becomes ready.</summary>
    public void Begin() => Apply(() =>
    {
        if (_begun || _shutDown) return;
        _begun = true;
        TopUp();
    });

    /// <summary>
    /// Takes an idle member's process for one execution, or queues for the next to be free. The task completes with the
    /// process, now <see cref="SandboxState.Busy"/> and the caller's alone, or fails once the pool shuts down.
    /// <paramref name="suspect"/>: the execution's code faulted recently; it waits while suspects hold their share.
    /// </summary>
    public Task<TProcess> Acquire(bool suspect = false)
    {
        var waiter = new TaskCompletionSource<TProcess>(TaskCreationOptions.RunContinuationsAsynchronously);
        Apply(() =>
        {
            if (_shutDown) waiter.SetException(new ObjectDisposedException(nameof(SandboxPool)));
            else (suspect ? _suspects : _waiters).AddLast(waiter);
        });
        return waiter.Task;
    }

    /// <summary>
    /// Gives up waiting (deadline, caller gone). True when the wait was withdrawn; false when a process was handed out
    /// first: the caller then owns it and must <see cref="Release"/> it.
    /// </summary>
    public bool Withdraw(Task<TProcess> acquisition)
    {
        lock (_gate) return Remove(_waiters, acquisition) || Remove(_suspects, acquisition);
    }

    private static bool Remove(LinkedList<TaskCompletionSource<TProcess>> queue, Task<TProcess> acquisition)
    {
        for (var node = queue.First; node is not null; node = node.Next)
        {
            if (node.Value.Task != acquisition) continue;
            queue.Remove(node);
            return true;
        }
        return false;
    }

    /// <summary>
    /// An execution handed back its process. <paramref name="healthy"/>: it is alive and cleaned up after the run;
    /// <paramref name="due"/>: it has run its quota or kept too much memory, and should be replaced.
    /// </summary>
    public void Release(TProcess process, bool healthy, bool due) => Apply(() =>
    {
        if (Find(process) is not { } member)
        {
            // It already left (it ended mid-run): only the process object is left to let go.
            _effects.Add(() => _retire(process));
            return;
        }

        // Retired while it ran (the pool shut down): it is already on its way out.
        if (member.State == SandboxState.Retiring) return;
        if (member.State is not (SandboxState.Busy or SandboxState.Draining))
            throw new InvalidOperationException($"{member} was released while {member.State}.");

        member.HeldBySuspect = false;
        if (!healthy || member.State == SandboxState.Draining || _shutDown)
        {
            Leave(member, healthy ? "its successor serves" : "it is no longer healthy");
            return;
        }

        if (due && !member.ReplacementStarted)
        {
            if (TakeSpare() is { } spare)
            {
                Serve(spare);
                Leave(member, "a spare took its place");
                return;
            }

            member.ReplacementStarted = true;
            StartMember(asSpare: false, supersedes: member);
        }

        Serve(member);
    });

    /// <summary>A starting member's process is warm.</summary>
    public void Ready(PoolMember<TProcess> member, TProcess process) => Apply(() =>
    {
        if (member.State != SandboxState.Starting) throw new InvalidOperationException($"{member} became ready while {member.State}.");
        member.Process = process;
        _failedStarts = 0;
        _firstReady = true;
        if (_shutDown)
        {
            Leave(member, "the pool is shutting down");
            return;
        }

        if (member.AsSpare)
        {
            Move(member, SandboxState.Spare);
            TopUp();
            return;
        }

        var superseded = member.Supersedes;
        member.Supersedes = null;
        Serve(member);
        if (superseded is { State: SandboxState.Idle }) Leave(superseded, "its successor is ready");
        else if (superseded is { State: SandboxState.Busy }) Move(superseded, SandboxState.Draining);
        TopUp();
    });

    /// <summary>A starting member's process failed to start; the owner tries again.</summary>
    public void StartFailed(PoolMember<TProcess> member) => Apply(() =>
    {
        _failedStarts++;
        // The retry is the owner's: it keeps the member starting until a process is ready or the pool shuts down.
        if (_shutDown) Forget(member);
    });

    /// <summary>A member's process ended: crashed, killed at a wall, or exited when retired.</summary>
    public void Ended(TProcess process) => Apply(() =>
    {
        if (Find(process) is not { } member) return;
        if (member.State != SandboxState.Retiring) _logger.LogDebug("Sandbox {Member} ended while {State}", member, member.State);
        Forget(member);
        TopUp();
    });

    /// <summary>Retires every member, running or not, and fails every waiting execution; members still starting retire when ready.</summary>
    public void ShutDown() => Apply(() =>
    {
        if (_shutDown) return;
        _shutDown = true;
        foreach (var waiter in _waiters.Concat(_suspects)) waiter.TrySetException(new ObjectDisposedException(nameof(SandboxPool)));
        _waiters.Clear();
        _suspects.Clear();
        foreach (var member in _members.ToArray())
        {
            if (member.State is not (SandboxState.Starting or SandboxState.Retiring)) Leave(member, "the pool is shutting down");
        }
    });

    // Runs one transition under the lock, then its effects outside it: an effect may report back at once.
    private void Apply(Action transition)
    {
        Action[] effects;
        lock (_gate)
        {
            transition();
            Dispatch();
            effects = [.. _effects];
            _effects.Clear();
        }
        foreach (var effect in effects) effect();
    }

    // Keeps the pool whole: serving places first (a ready spare takes one at once), then the spares.
    private void TopUp()
    {
        if (_shutDown || !_begun) return;
        while (ServingPlaces() < _size)
        {
            if (TakeSpare() is { } spare)
            {
                Serve(spare);
                continue;
            }
            // Until the first member is ready, it starts alone.
            if (!_firstReady && Count(SandboxState.Starting) > 0) return;
            StartMember(asSpare: false, supersedes: null);
        }

        if (_members.Any(m => m.State == SandboxState.Starting && !m.AsSpare)) return;
        var spares = _members.Count(m => m.State == SandboxState.Spare || (m.State == SandboxState.Starting && m.AsSpare));
        for (; spares < _spares; spares++) StartMember(asSpare: true, supersedes: null);
    }

    // Places that serve or will: serving members, and starting ones that do not merely succeed a serving one.
    private int ServingPlaces() => _members.Count(m =>
        m.State is SandboxState.Idle or SandboxState.Busy
        || (m.State == SandboxState.Starting && !m.AsSpare && m.Supersedes is null));

    private PoolMember<TProcess>? TakeSpare() => _members.FirstOrDefault(m => m.State == SandboxState.Spare);

    private void StartMember(bool asSpare, PoolMember<TProcess>? supersedes)
    {
        var member = new PoolMember<TProcess>(++_nextId, asSpare, supersedes);
        _members.Add(member);
        _logger.LogDebug("Sandbox {Member} starting ({Role})", member, asSpare ? "spare" : supersedes is null ? "serving" : $"to succeed {supersedes}");
        _effects.Add(() => _start(member));
    }

    // Puts a member in service; the transition's dispatch hands it to a waiting execution.
    private void Serve(PoolMember<TProcess> member) => Move(member, SandboxState.Idle);

    // After every transition: idle members go to the longest-waiting executions, other executions first, suspects
    // while they hold less than their share. The most recently used member goes first: its caches are warm.
    private void Dispatch()
    {
        while (_idle.Count > 0)
        {
            if (_waiters.First is { } first)
            {
                _waiters.RemoveFirst();
                HandOut(_idle[^1], first.Value, suspect: false);
            }
            else if (_suspects.First is { } suspect && HeldBySuspects() < _suspectLimit)
            {
                _suspects.RemoveFirst();
                HandOut(_idle[^1], suspect.Value, suspect: true);
            }
            else
            {
                return;
            }
        }
    }

    private void HandOut(PoolMember<TProcess> member, TaskCompletionSource<TProcess> waiter, bool suspect)
    {
        Move(member, SandboxState.Busy);
        member.HeldBySuspect = suspect;
        waiter.SetResult(member.Process!);
    }

    private int HeldBySuspects()
    {
        var held = 0;
        foreach (var member in _members) if (member.HeldBySuspect) held++;
        return held;
    }

    private void Leave(PoolMember<TProcess> member, string why)
    {
        _logger.LogDebug("Sandbox {Member} retiring: {Reason}", member, why);
        member.HeldBySuspect = false;
        Move(member, SandboxState.Retiring);
        var process = member.Process!;
        _effects.Add(() => _retire(process));
        // A successor still starting for it now simply fills a place.
        foreach (var other in _members) if (other.Supersedes == member) other.Supersedes = null;
        TopUp();
    }

    // The member is gone from the pool.
    private void Forget(PoolMember<TProcess> member)
    {
        _members.Remove(member);
        member.HeldBySuspect = false;
        _idle.Remove(member);
        foreach (var other in _members) if (other.Supersedes == member) other.Supersedes = null;
    }

    private void Move(PoolMember<TProcess> member, SandboxState to)
    {
        if (member.State == SandboxState.Idle) _idle.Remove(member);
        if (to == SandboxState.Idle) _idle.Add(member);
        _logger.LogDebug("Sandbox {Member}: {From} -> {To}", member, member.State, to);
        member.State = to;
    }

    private PoolMember<TProcess>? Find(TProcess process)
    {
        foreach (var member in _members) if (ReferenceEquals(member.Process, process)) return member;
        return null;
    }

    private int Count(SandboxState state)
    {
        var count = 0;
        foreach (var member in _members) if (member.State == state) count++;
        return count;
    }
}
