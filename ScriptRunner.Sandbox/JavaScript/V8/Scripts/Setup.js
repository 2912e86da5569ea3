// Everything an execution's context needs before the code runs, as one function of (hostBridge, inputJson, script,
// hide) returning a frozen { runtime, checkpoint, rejections, takeModule }: a classic script's module and exports made, the
// bridge wrapped, the prelude run with the intrinsics as they are now, the lazy globals installed, an empty function
// whose calls are microtask checkpoints, the rejection tracker, and a function that takes the module namespace the
// module loader handed over off the global object. V8 tells the host of each rejection without a handler and each
// handler added later; the host passes them on with record(kind, promise, reason, …) (kind 1 for a rejection, 0 for a
// late handler) and report() reports those still unhandled, in order. Compiled once per isolate, it costs each
// execution one call into V8 instead of several. The /*@…@*/ parts are filled in where it is loaded (V8Scripts).
(function (h, inputJson, script, hide) {
  'use strict';
  if (script) {
    const module = { exports: {} };
    globalThis.module = module;
    globalThis.exports = module.exports;
  }
  const runtime = (/*@PRELUDE@*/)((/*@BRIDGE@*/)(h, hide), inputJson, /*@INTRINSICS@*/);
  (/*@LAZY_GLOBALS@*/)(runtime, hide);
  // Map's methods are taken now: the script runs before record and report, and may replace them.
  const apply = Reflect.apply, set = Map.prototype.set, remove = Map.prototype.delete, forEach = Map.prototype.forEach, clear = Map.prototype.clear;
  const pending = new Map();
  const rejections = Object.freeze({
    record(...events) {
      for (let i = 0; i < events.length; i += 3) {
        if (events[i] === 1) apply(set, pending, [events[i + 1], events[i + 2]]);
        else apply(remove, pending, [events[i + 1]]);
      }
    },
    report() {
      const reasons = [];
      apply(forEach, pending, [(reason) => { reasons[reasons.length] = reason; }]);
      apply(clear, pending, []);
      for (let i = 0; i < reasons.length; i++) runtime.reportUnhandled(reasons[i]);
    },
  });
  const takeModule = () => {
    const ns = globalThis[/*@MODULE_HAND_OVER@*/''];
    delete globalThis[/*@MODULE_HAND_OVER@*/''];
    return ns;
  };
  return Object.freeze({ runtime, checkpoint: function () {}, rejections, takeModule });
})
