// AbortController and AbortSignal after the DOM Standard: abort reasons, abort algorithms (how fetch and listeners
// follow a signal), AbortSignal.any's dependent signals, and AbortSignal.timeout on the execution's own timers, so a
// timeout never outlives the execution (its timer is dropped with the rest when the execution settles).
const makeAbortClasses = once(() => {
  const { EventTarget, trustedEvent } = makeEventClasses();
  const dispatch = EventTarget.prototype.dispatchEvent;
  const listen = EventTarget.prototype.addEventListener;
  const unlisten = EventTarget.prototype.removeEventListener;
  const constructing = {};
  let internals;

  const domException = (message, name) => new (web().makeDOMException())(message, name);

  class AbortSignal extends EventTarget {
    #aborted = false; #reason = undefined;
    #algorithms = new Set();
    #dependent = false; #sources = null; #dependents = [];
    #timeout = null;
    #handler = null; #handlerListener = null;
    constructor(key) {
      if (key !== constructing) throw new TypeError("Failed to construct 'AbortSignal': Illegal constructor");
      super();
    }
    static {
      const signalAbort = (signal, reason) => {
        if (signal.#aborted) return;
        signal.#aborted = true;
        signal.#reason = reason === undefined ? domException('signal is aborted without reason', 'AbortError') : reason;
        const dependents = [];
        for (const dependent of signal.#dependents) {
          if (dependent.#aborted) continue;
          dependent.#aborted = true;
          dependent.#reason = signal.#reason;
          dependents.push(dependent);
        }
        runAbortSteps(signal);
        for (const dependent of dependents) runAbortSteps(dependent);
      };
      const runAbortSteps = (signal) => {
        const algorithms = [...signal.#algorithms];
        signal.#algorithms.clear();
        for (const algorithm of algorithms) {
          try { algorithm(); } catch (e) { host.write('stderr', `Uncaught ${thrownText(e, true)}\n`); }
        }
        reflectApply(dispatch, signal, [trustedEvent('abort')]);
      };
      const timeoutSource = (signal) => {
        if (signal.#timeout) return signal;
        let first = null;
        for (const source of signal.#sources || []) if (source.#timeout && !source.#aborted && (!first || source.#timeout.due < first.#timeout.due)) first = source;
        return first;
      };
      internals = {
        create: () => new AbortSignal(constructing),
        isSignal: (value) => value !== null && typeof value === 'object' && #aborted in value,
        signalAbort,
        abortedWith(reason) { const signal = new AbortSignal(constructing); signal.#aborted = true; signal.#reason = reason; return signal; },
        addAlgorithm(signal, algorithm) {
          if (signal.#aborted) return () => {};
          signal.#algorithms.add(algorithm);
          return () => signal.#algorithms.delete(algorithm);
        },
        startTimeout(signal, ms) {
          const fire = () => signalAbort(signal, domException('signal timed out', 'TimeoutError'));
          signal.#timeout = { due: host.now() + ms, id: addTimer(fire, ms, [], false) };
        },
        // When the signal (or one it follows) will time out, on the execution's clock; null when it never does.
        timeoutDue(signal) { const source = timeoutSource(signal); return source ? source.#timeout.due : null; },
        // Fires the earliest timeout now: the host gave up the request at that time, so the signal is due.
        expire(signal) {
          const source = timeoutSource(signal);
          if (!source) return;
          clearTimeout(source.#timeout.id);
          signalAbort(source, domException('signal timed out', 'TimeoutError'));
        },
        follow(result, signals) {
          result.#dependent = true;
          result.#sources = [];
          const add = (source) => { if (!result.#sources.includes(source)) { result.#sources.push(source); source.#dependents.push(result); } };
          for (const signal of signals) {
            if (!signal.#dependent) add(signal);
            else for (const source of signal.#sources) if (!source.#aborted) add(source);
          }
        },
      };
    }
    get aborted() { return this.#aborted; }
    get reason() { return this.#reason; }
    throwIfAborted() { if (this.#aborted) throw this.#reason; }
    get onabort() { return this.#handler; }
    set onabort(value) {
      const handler = value !== null && (typeof value === 'function' || typeof value === 'object') ? value : null;
      this.#handler = handler;
      if (handler === null) {
        if (this.#handlerListener) reflectApply(unlisten, this, ['abort', this.#handlerListener]);
        this.#handlerListener = null;
      } else if (!this.#handlerListener) {
        const listener = (event) => {
          const current = this.#handler;
          if (typeof current === 'function' && reflectApply(current, this, [event]) === false) event.preventDefault();
        };
        this.#handlerListener = listener;
        reflectApply(listen, this, ['abort', listener]);
      }
    }
    static abort(reason) {
      return internals.abortedWith(reason === undefined ? domException('signal is aborted without reason', 'AbortError') : reason);
    }
    static timeout(milliseconds) {
      if (arguments.length === 0) throw new TypeError("Failed to execute 'timeout' on 'AbortSignal': 1 argument required, but only 0 present.");
      const ms = Math.trunc(Number(milliseconds));
      if (!Number.isFinite(Number(milliseconds)) || ms < 0 || ms > Number.MAX_SAFE_INTEGER) {
        throw new TypeError("Failed to execute 'timeout' on 'AbortSignal': Value is outside the 'unsigned long long' value range.");
      }
      const signal = internals.create();
      internals.startTimeout(signal, ms);
      return signal;
    }
    static any(signals) {
      if (arguments.length === 0) throw new TypeError("Failed to execute 'any' on 'AbortSignal': 1 argument required, but only 0 present.");
      if (signals === null || typeof signals !== 'object' || typeof signals[Symbol.iterator] !== 'function') {
        throw new TypeError("Failed to execute 'any' on 'AbortSignal': The provided value cannot be converted to a sequence.");
      }
      const list = [];
      for (const signal of signals) {
        if (!internals.isSignal(signal)) throw new TypeError("Failed to execute 'any' on 'AbortSignal': Failed to convert value to 'AbortSignal'.");
        list.push(signal);
      }
      for (const signal of list) if (signal.aborted) return internals.abortedWith(signal.reason);
      const result = internals.create();
      internals.follow(result, list);
      return result;
    }
    get [Symbol.toStringTag]() { return 'AbortSignal'; }
  }

  class AbortController {
    #signal = internals.create();
    get signal() { return this.#signal; }
    abort(reason) { internals.signalAbort(this.#signal, reason); }
    get [Symbol.toStringTag]() { return 'AbortController'; }
  }

  return {
    AbortController, AbortSignal,
    isSignal: internals.isSignal, addAlgorithm: internals.addAlgorithm, timeoutDue: internals.timeoutDue, expire: internals.expire,
  };
});
