// Event, CustomEvent and EventTarget after the DOM Standard. A target here has no parent, so an event's path is its
// target alone: capture listeners run first, then the others, both in the AT_TARGET phase. A listener that throws is
// reported on stderr (as a browser reports it) and the dispatch goes on.
// Web IDL's DOMString conversion: like String(), but a symbol is a TypeError rather than "Symbol(…)".
const domString = (value) => `${value}`;

const makeEventClasses = once(() => {
  const NONE = 0, CAPTURING_PHASE = 1, AT_TARGET = 2, BUBBLING_PHASE = 3;
  let internals;
  // One getter for every event's own isTrusted, as Web IDL's [LegacyUnforgeable] gives: true only for the events the
  // runtime itself fires (an AbortSignal's abort).
  const isTrustedGetter = function () { return internals.trusted(this); };

  class Event {
    #type; #bubbles; #cancelable; #composed; #timeStamp;
    #target = null; #currentTarget = null; #phase = NONE;
    #stop = false; #stopImmediate = false; #canceled = false; #inPassive = false; #dispatching = false; #trusted = false;
    constructor(type, eventInitDict) {
      if (arguments.length === 0) throw new TypeError("Failed to construct 'Event': 1 argument required, but only 0 present.");
      const init = eventInit(eventInitDict, 'Event');
      this.#type = domString(type);
      this.#bubbles = Boolean(init.bubbles);
      this.#cancelable = Boolean(init.cancelable);
      this.#composed = Boolean(init.composed);
      this.#timeStamp = host.now();
      Object.defineProperty(this, 'isTrusted', { get: isTrustedGetter, enumerable: true, configurable: false });
    }
    static {
      internals = {
        type: (event) => event.#type,
        trusted: (event) => internals.isEvent(event) && event.#trusted,
        trust(event) { event.#trusted = true; return event; },
        isEvent: (value) => value !== null && typeof value === 'object' && #type in value,
        begin(event, target) {
          if (event.#dispatching) throw new (web().makeDOMException())("Failed to execute 'dispatchEvent' on 'EventTarget': The event is already being dispatched.", 'InvalidStateError');
          event.#dispatching = true;
          event.#target = target;
        },
        enter(event, target) { event.#currentTarget = target; event.#phase = AT_TARGET; },
        stopped: (event) => event.#stopImmediate,
        halted: (event) => event.#stop,
        passive(event, value) { event.#inPassive = value; },
        end(event) {
          event.#phase = NONE; event.#currentTarget = null; event.#dispatching = false;
          event.#stop = false; event.#stopImmediate = false;
          return !event.#canceled;
        },
      };
    }
    get type() { return this.#type; }
    get target() { return this.#target; }
    get srcElement() { return this.#target; }
    get currentTarget() { return this.#currentTarget; }
    get eventPhase() { return this.#phase; }
    get bubbles() { return this.#bubbles; }
    get cancelable() { return this.#cancelable; }
    get composed() { return this.#composed; }
    get defaultPrevented() { return this.#canceled; }
    get timeStamp() { return this.#timeStamp; }
    get returnValue() { return !this.#canceled; }
    set returnValue(value) { if (!value) this.#cancel(); }
    get cancelBubble() { return this.#stop; }
    set cancelBubble(value) { if (value) this.#stop = true; }
    composedPath() { return this.#currentTarget === null ? [] : [this.#currentTarget]; }
    stopPropagation() { this.#stop = true; }
    stopImmediatePropagation() { this.#stop = true; this.#stopImmediate = true; }
    preventDefault() { this.#cancel(); }
    #cancel() { if (this.#cancelable && !this.#inPassive) this.#canceled = true; }
    initEvent(type, bubbles = false, cancelable = false) {
      if (arguments.length === 0) throw new TypeError("Failed to execute 'initEvent' on 'Event': 1 argument required, but only 0 present.");
      if (this.#dispatching) return;
      this.#type = domString(type); this.#bubbles = Boolean(bubbles); this.#cancelable = Boolean(cancelable);
      this.#stop = false; this.#stopImmediate = false; this.#canceled = false; this.#target = null;
    }
    get [Symbol.toStringTag]() { return 'Event'; }
  }
  for (const [name, value] of [['NONE', NONE], ['CAPTURING_PHASE', CAPTURING_PHASE], ['AT_TARGET', AT_TARGET], ['BUBBLING_PHASE', BUBBLING_PHASE]]) {
    Object.defineProperty(Event, name, { value, enumerable: true });
    Object.defineProperty(Event.prototype, name, { value, enumerable: true });
  }

  class CustomEvent extends Event {
    #detail;
    constructor(type, eventInitDict) {
      if (arguments.length === 0) throw new TypeError("Failed to construct 'CustomEvent': 1 argument required, but only 0 present.");
      super(type, eventInitDict);
      const init = eventInit(eventInitDict, 'CustomEvent');
      this.#detail = init.detail === undefined ? null : init.detail;
    }
    get detail() { return this.#detail; }
    initCustomEvent(type, bubbles = false, cancelable = false, detail = null) {
      if (arguments.length === 0) throw new TypeError("Failed to execute 'initCustomEvent' on 'CustomEvent': 1 argument required, but only 0 present.");
      this.initEvent(type, bubbles, cancelable);
      this.#detail = detail;
    }
    get [Symbol.toStringTag]() { return 'CustomEvent'; }
  }

  function eventInit(value, what) {
    if (value === undefined || value === null) return {};
    if (typeof value !== 'object' && typeof value !== 'function') throw new TypeError(`Failed to construct '${what}': The provided value is not of type '${what}Init'.`);
    return value;
  }

  // The listener options: a boolean is `capture`; an object may also say `once`, `passive` and `signal`.
  function flatten(options) {
    if (typeof options === 'boolean') return { capture: options };
    if (options === null || typeof options !== 'object') return { capture: Boolean(options) };
    return { capture: Boolean(options.capture), once: Boolean(options.once), passive: options.passive, signal: options.signal };
  }

  let onAbort;
  class EventTarget {
    #listeners = new Map();
    static { onAbort = (signal, algorithm) => events().makeAbortClasses().addAlgorithm(signal, algorithm); }
    addEventListener(type, callback, options) {
      if (arguments.length < 2) throw new TypeError(`Failed to execute 'addEventListener' on 'EventTarget': 2 arguments required, but only ${arguments.length} present.`);
      const flags = flatten(options);
      const { signal } = flags;
      if (signal !== undefined && !events().makeAbortClasses().isSignal(signal)) {
        throw new TypeError("Failed to execute 'addEventListener' on 'EventTarget': Failed to read the 'signal' property from 'AddEventListenerOptions': Failed to convert value to 'AbortSignal'.");
      }
      if (callback === null || callback === undefined) return;
      if (typeof callback !== 'function' && typeof callback !== 'object') {
        throw new TypeError("Failed to execute 'addEventListener' on 'EventTarget': The callback provided as parameter 2 is not an object.");
      }
      if (signal !== undefined && signal.aborted) return;
      const key = domString(type);
      let list = this.#listeners.get(key);
      if (!list) { list = []; this.#listeners.set(key, list); }
      for (const l of list) if (l.callback === callback && l.capture === flags.capture) return;
      const listener = { callback, capture: flags.capture, once: Boolean(flags.once), passive: Boolean(flags.passive), removed: false };
      list.push(listener);
      if (signal !== undefined) onAbort(signal, () => this.#remove(key, listener));
    }
    removeEventListener(type, callback, options) {
      if (arguments.length < 2) throw new TypeError(`Failed to execute 'removeEventListener' on 'EventTarget': 2 arguments required, but only ${arguments.length} present.`);
      const capture = flatten(options).capture;
      const key = domString(type);
      const list = this.#listeners.get(key);
      if (!list) return;
      for (const l of list) if (l.callback === callback && l.capture === capture) { this.#remove(key, l); return; }
    }
    #remove(key, listener) {
      listener.removed = true;
      const list = this.#listeners.get(key);
      if (!list) return;
      const at = list.indexOf(listener);
      if (at >= 0) list.splice(at, 1);
    }
    dispatchEvent(event) {
      if (!internals.isEvent(event)) throw new TypeError("Failed to execute 'dispatchEvent' on 'EventTarget': parameter 1 is not of type 'Event'.");
      internals.begin(event, this);
      try {
        internals.enter(event, this);
        const key = internals.type(event);
        // Each pass takes its own copy: a listener added while capture listeners run is seen by the second pass.
        if (this.#listeners.has(key)) this.#invoke(event, key, this.#listeners.get(key).slice(), true);
        if (this.#listeners.has(key) && !internals.halted(event)) this.#invoke(event, key, this.#listeners.get(key).slice(), false);
      } finally {
        internals.passive(event, false);
      }
      return internals.end(event);
    }
    #invoke(event, key, listeners, capture) {
      for (const listener of listeners) {
        if (listener.removed || listener.capture !== capture) continue;
        if (listener.once) this.#remove(key, listener);
        internals.passive(event, listener.passive);
        try {
          const callback = listener.callback;
          if (typeof callback === 'function') reflectApply(callback, this, [event]);
          else {
            const handleEvent = callback.handleEvent;
            if (typeof handleEvent !== 'function') throw new TypeError("'handleEvent' property of the listener is not callable.");
            reflectApply(handleEvent, callback, [event]);
          }
        } catch (e) {
          host.write('stderr', `Uncaught ${thrownText(e, true)}\n`);
        }
        internals.passive(event, false);
        if (internals.stopped(event)) return;
      }
    }
    get [Symbol.toStringTag]() { return 'EventTarget'; }
  }

  const trustedEvent = (type) => internals.trust(new Event(type));
  return { Event, CustomEvent, EventTarget, trustedEvent };
});
