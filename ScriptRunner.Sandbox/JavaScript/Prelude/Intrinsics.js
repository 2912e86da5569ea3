// The intrinsics the runtime's own answer depends on, taken before the script runs, so a script that replaces
// JSON.stringify, Array.prototype.push or Promise.prototype.then changes what it computes, never how its result is
// reported. One expression: the engine adapter takes its value before the script and hands it to the prelude, which
// on Jint may be made only after the script has run. Plain references: a wrapper function each would cost every
// execution a function object. Keep one `name: path` a line: Jint reads the paths from .NET (see JintIntrinsics).
({
  jsonStringify: JSON.stringify,
  jsonParse: JSON.parse,
  objectKeys: Object.keys,
  objectHasOwn: Object.hasOwn,
  ObjectPrototype: Object.prototype,
  globalToString: globalThis.toString,
  isArray: Array.isArray,
  PromiseConstructor: Promise,
  promiseResolveMethod: Promise.resolve,
  promiseAll: Promise.all,
  promiseThen: Promise.prototype.then,
  reflectApply: Reflect.apply,
  ArrayPush: Array.prototype.push,
  ArrayPop: Array.prototype.pop,
  ArrayIncludes: Array.prototype.includes,
  StringIndexOf: String.prototype.indexOf,
  StringSlice: String.prototype.slice,
  ObjectToString: Object.prototype.toString,
  FunctionApply: Function.prototype.apply,
  MapConstructor: Map,
  MapSet: Map.prototype.set,
  MapDelete: Map.prototype.delete,
  MapForEach: Map.prototype.forEach,
  dateNow: Date.now, // performance.timeOrigin and File.lastModified: the wall clock, in milliseconds
})
