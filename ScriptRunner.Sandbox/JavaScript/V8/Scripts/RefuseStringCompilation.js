// Refuses compiling strings, naming the construct refused, with the words Jint's refusal uses
// (JintStringCompilationHost). ClearScript has no switch for V8's code-generation-from-strings callback, so the only
// ways to reach the compiler from a string are replaced, once per context: the global `eval` (a direct eval only
// exists while the global is the real one), every function constructor (`Function`, and the generator, async and
// async generator constructors reached through `.constructor`), and ShadowRealm's `evaluate` and `importValue`
// should V8 offer it.
(function () {
  'use strict';
  const define = (target, key, value) => Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: false });
  const refusal = (what) => function () { throw new TypeError(what + ' is not allowed'); };
  // eval of a non-string answers its argument, as the language defines, on both engines.
  const refuseEval = refusal('eval');
  define(globalThis, 'eval', { eval(source) { return typeof source === 'string' ? refuseEval() : source; } }.eval);
  const kinds = [
    [function () {}, 'the Function constructor'],
    [function* () {}, 'the GeneratorFunction constructor'],
    [async function () {}, 'the AsyncFunction constructor'],
    [async function* () {}, 'the AsyncGeneratorFunction constructor'],
  ];
  for (const [kind, what] of kinds) {
    const prototype = Object.getPrototypeOf(kind);
    const original = prototype.constructor;
    const refuse = refusal(what);
    const refused = function (...args) { return refuse(); };
    Object.defineProperty(refused, 'name', { value: original.name });
    Object.defineProperty(refused, 'length', { value: 1 });
    refused.prototype = prototype;
    define(prototype, 'constructor', refused);
    if (original === Function) define(globalThis, 'Function', refused);
  }
  if (typeof ShadowRealm === 'function') {
    const realmPrototype = ShadowRealm.prototype;
    const evaluate = refusal('ShadowRealm.prototype.evaluate');
    const importValue = refusal('ShadowRealm.prototype.importValue');
    define(realmPrototype, 'evaluate', { evaluate(source) { return evaluate(); } }.evaluate);
    define(realmPrototype, 'importValue', { importValue(specifier, name) { return importValue(); } }.importValue);
  }
})();
