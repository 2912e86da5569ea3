// The intrinsics the runtime's own answer depends on, taken before the script runs, so a script that replaces
// JSON.stringify, Array.prototype.push or Promise.prototype.then changes what it computes, never how its result is
// reported. Each is a parameter of the prelude's function, named as here; the engine adapter reads every path before
// the script runs (on Jint the prelude may be made only after it). Plain references: a wrapper function each would
// cost every execution a function object. One `name: path,` a line: JavaScriptPrelude reads this list.
({
  jsonStringify: JSON.stringify,
  jsonParse: JSON.parse,
  objectKeys: Object.keys,
  objectHasOwn: Object.hasOwn,
  objectCreate: Object.create,
  objectGetOwnPropertyDescriptor: Object.getOwnPropertyDescriptor,
  objectFreeze: Object.freeze,
  ObjectPrototype: Object.prototype,
  globalToString: globalThis.toString,
  isArray: Array.isArray,
  PromiseConstructor: Promise,
  promiseResolveMethod: Promise.resolve,
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
