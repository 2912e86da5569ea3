// Shared helpers of the prelude. The prelude runs before the script, in the script's own realm, and keeps its
// host bindings in this closure: nothing of the host is reachable from a global.
const G = globalThis;
const PRELUDE_NAME = 'scriptrunner:prelude';

// A value made on first use: the classes behind URL, Headers, TextEncoder… cost nothing until a script touches them.
function once(make) {
  let made = false, value;
  const get = () => { if (!made) { value = make(); made = true; } return value; };
  get.ready = () => made;
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
// Methods the runtime's own answer path calls, taken the same way: a script that replaces Array.prototype.push or
// Map.prototype.set breaks its own code, never the report of how it ended.
const uncurry = (method) => (self, ...args) => reflectApply(method, self, args);
const arrayPush = uncurry(Array.prototype.push);
const arrayPop = uncurry(Array.prototype.pop);
const arrayIncludes = uncurry(Array.prototype.includes);
const stringIndexOf = uncurry(String.prototype.indexOf);
const stringSlice = uncurry(String.prototype.slice);
const objectTag = uncurry(Object.prototype.toString);
const functionApply = uncurry(Function.prototype.apply);
const MapConstructor = Map;
const mapSet = uncurry(Map.prototype.set);
const mapDelete = uncurry(Map.prototype.delete);
const mapForEach = uncurry(Map.prototype.forEach);
const dateNow = Date.now; // performance.timeOrigin and File.lastModified: the wall clock, in milliseconds
function promiseResolve(value) { return reflectApply(promiseResolveMethod, PromiseConstructor, [value]); }
function then(promise, onFulfilled, onRejected) { return reflectApply(promiseThen, promise, [onFulfilled, onRejected]); }
