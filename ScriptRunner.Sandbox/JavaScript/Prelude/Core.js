// Shared helpers of the prelude. The prelude runs before the script, in the script's own realm, and keeps its
// host bindings in this closure: nothing of the host is reachable from a global.
const G = globalThis;
const PRELUDE_NAME = 'scriptrunner:prelude';

// A value made on first use: the classes behind URL, Headers, TextEncoder… cost nothing until a script touches them.
// Every function the prelude makes is made again for every execution, so a group costs one closure: its value and
// whether it is made live on the getter itself, and `ready` is one function shared by every group.
function isMade() { return this.made === true; }
function once(make) {
  const get = () => { if (get.made !== true) { get.value = make(); get.made = true; } return get.value; };
  get.ready = isMade;
  return get;
}

// An error the runtime raises about the result itself: its message is the whole answer, with no "Error: " prefix.
function ResultError(message) { this.message = message; }

// Intrinsics the runtime's own answer depends on, taken before the script can replace them: a script that
// redefines JSON.stringify or Promise.prototype.then changes what it computes, not how its result is reported.
const jsonStringify = JSON.stringify;
const jsonParse = JSON.parse;
const objectKeys = Object.keys;
const objectHasOwn = Object.hasOwn;
const ObjectPrototype = Object.prototype;
const globalToString = G.toString;
const isArray = Array.isArray;
const PromiseConstructor = Promise;
const promiseResolveMethod = Promise.resolve;
const promiseAll = Promise.all;
const promiseThen = Promise.prototype.then;
const reflectApply = Reflect.apply;
// Methods the runtime's own answer path calls, taken the same way and called through Reflect.apply: a script that
// replaces Array.prototype.push or Map.prototype.set breaks its own code, never the report of how it ended. (Plain
// references: a wrapper function each would cost every execution a function object.)
const ArrayPush = Array.prototype.push;
const ArrayPop = Array.prototype.pop;
const ArrayIncludes = Array.prototype.includes;
const StringIndexOf = String.prototype.indexOf;
const StringSlice = String.prototype.slice;
const ObjectToString = Object.prototype.toString;
const FunctionApply = Function.prototype.apply;
const MapConstructor = Map;
const MapSet = Map.prototype.set;
const MapDelete = Map.prototype.delete;
const MapForEach = Map.prototype.forEach;
const dateNow = Date.now; // performance.timeOrigin and File.lastModified: the wall clock, in milliseconds
function promiseResolve(value) { return reflectApply(promiseResolveMethod, PromiseConstructor, [value]); }
function then(promise, onFulfilled, onRejected) { return reflectApply(promiseThen, promise, [onFulfilled, onRejected]); }
