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
const isArray = Array.isArray;
const PromiseConstructor = Promise;
const promiseResolveMethod = Promise.resolve;
const promiseThen = Promise.prototype.then;
const reflectApply = Reflect.apply;
const dateNow = Date.now; // performance.timeOrigin and File.lastModified: the wall clock, in milliseconds
function promiseResolve(value) { return reflectApply(promiseResolveMethod, PromiseConstructor, [value]); }
function then(promise, onFulfilled, onRejected) { return reflectApply(promiseThen, promise, [onFulfilled, onRejected]); }
