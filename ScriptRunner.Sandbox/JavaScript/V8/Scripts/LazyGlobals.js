// Installs each of the prelude's globals as Jint's lazy globals behave: resolved from runtime.globalValue(name) on
// first use, then an ordinary writable, configurable property. The names are written into the script where it is
// loaded (V8Scripts), so no host object carries them. Each value's functions print as native code (hide, from
// Surface.js). A function of the runtime and hide.
(function (runtime, hide) {
  'use strict';
  const settle = (name, value) => Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
  for (const name of /*@GLOBAL_NAMES@*/[]) {
    Object.defineProperty(globalThis, name, {
      configurable: true,
      enumerable: false,
      get() { const value = runtime.globalValue(name); hide(value); settle(name, value); return value; },
      set(value) { settle(name, value); },
    });
  }
})
