// Shared helpers of the prelude. The prelude runs in the script's own realm and keeps its host bindings in this
// closure: nothing of the host is reachable from a global.
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

// A value the runtime hands out other than as a global's (crypto.subtle): its functions print as native code, as
// the globals' do. Only V8 needs telling (V8/Scripts/Surface.js); Jint shows no function's source.
function native(value) { return host.hide === undefined ? value : host.hide(value); }

// An error the runtime raises about the result itself: its message is the whole answer, with no "Error: " prefix.
function ResultError(message) { this.message = message; }

// The intrinsics as they were before the script ran (jsonStringify, ArrayPush, promiseThen…) are the function's
// parameters, listed in Intrinsics.js. The runtime calls the methods through Reflect.apply, so a script that replaces
// Array.prototype.push or Map.prototype.set breaks its own code, never the report of how it ended.
// Number's and Math's few checks the runtime needs, written out: taking Number.isFinite or Math.max from Jint would
// build all of that object's functions in every execution, and the script may replace them.
function isFiniteNumber(v) { return typeof v === 'number' && v - v === 0; }
function isIntegerNumber(v) { return isFiniteNumber(v) && v % 1 === 0; }
function atLeast(floor, v) { return v > floor ? v : floor; }
// The smallest integer not below a positive v (Infinity stays).
function ceilPositive(v) { if (v - v !== 0) return v; const whole = v - (v % 1); return whole < v ? whole + 1 : whole; }

function promiseResolve(value) { return reflectApply(promiseResolveMethod, PromiseConstructor, [value]); }
function then(promise, onFulfilled, onRejected) { return reflectApply(promiseThen, promise, [onFulfilled, onRejected]); }
