// Brings a fresh context to the surface Jint offers, once per context before the setup: V8's WebAssembly is removed
// (its memories are reserved outside both the heap limit and the array-buffer allocator, so no cap would bound them,
// and Jint has none), and the runtime's functions print as built-ins do, as they do on Jint, whose prelude is
// native to the script: `String(fetch)` is `function fetch() { [native code] }`, never the runtime's source.
// Function.prototype.toString answers so for every function in a set; the built-ins taken here are never walked.
// Returns hide(value): adds the functions reachable from a global the runtime made (its methods, accessors,
// prototype and statics) to the set.
(function () {
  'use strict';
  delete globalThis.WebAssembly;
  const apply = Reflect.apply, ownKeys = Reflect.ownKeys, describe = Object.getOwnPropertyDescriptor, protoOf = Object.getPrototypeOf;
  const isArray = Array.isArray, isView = ArrayBuffer.isView;
  const original = Function.prototype.toString;
  const has = WeakSet.prototype.has, add = WeakSet.prototype.add;
  const hidden = new WeakSet();
  const builtin = new WeakSet();
  for (const key of ownKeys(globalThis)) {
    const d = describe(globalThis, key);
    const value = d.value;
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) continue;
    apply(add, builtin, [value]);
    if (typeof value === 'function' && value.prototype !== null && typeof value.prototype === 'object') apply(add, builtin, [value.prototype]);
  }
  apply(add, builtin, [globalThis]);
  apply(add, builtin, [protoOf(globalThis)]);
  apply(add, builtin, [Object.prototype]);
  apply(add, builtin, [Function.prototype]);

  const nativeText = (fn) => {
    const name = describe(fn, 'name');
    return 'function ' + (name !== undefined && typeof name.value === 'string' ? name.value : '') + '() { [native code] }';
  };
  const toString = { toString() { return typeof this === 'function' && apply(has, hidden, [this]) ? nativeText(this) : apply(original, this, []); } }.toString;
  Object.defineProperty(Function.prototype, 'toString', { value: toString, writable: true, configurable: true, enumerable: false });

  const mark = (value) => {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function') || apply(has, builtin, [value]) || apply(has, hidden, [value])) return;
    // Data the runtime keeps (tables, buffers) holds no function worth the walk.
    if (isArray(value) || isView(value)) return;
    apply(add, hidden, [value]);
    const keys = ownKeys(value);
    for (let i = 0; i < keys.length; i++) {
      const d = describe(value, keys[i]);
      if (d === undefined) continue;
      if ('value' in d) mark(d.value);
      else { mark(d.get); mark(d.set); }
    }
    mark(protoOf(value));
  };
  // The refusals of string compilation (RefuseStringCompilation.js) stand in for built-ins.
  for (const fn of [toString, globalThis.eval, Function, protoOf(function* () {}).constructor, protoOf(async function () {}).constructor,
    protoOf(async function* () {}).constructor]) apply(add, hidden, [fn]);
  return mark;
})();
