// Timers and microtasks. The timer queue lives here; the host drives it (see JavaScriptEventLoop) by calling
// runtime.tick with the current time until the execution settles or its deadline passes.
const timers = new MapConstructor();
let nextTimerId = 1;
let timerSequence = 0;

function addTimer(callback, delay, args, repeat) {
  // A string callback would be compiled as code, as browsers do; scripts may not compile strings.
  if (typeof callback === 'string') throw new TypeError(`${repeat ? 'setInterval' : 'setTimeout'} with a string is not allowed`);
  if (typeof callback !== 'function') throw new TypeError('The "callback" argument must be of type function. Received ' + web().inspect(callback));
  const ms = atLeast(0, Number(delay) || 0);
  const id = nextTimerId++;
  reflectApply(MapSet, timers, [id, { callback, args, ms, repeat, due: host.now() + ms, order: timerSequence++ }]);
  return id;
}

function setTimeout(callback, delay, ...args) { return addTimer(callback, delay, args, false); }
function setInterval(callback, delay, ...args) { return addTimer(callback, delay, args, true); }
function clearTimeout(id) { reflectApply(MapDelete, timers, [Number(id)]); }
function clearInterval(id) { reflectApply(MapDelete, timers, [Number(id)]); }

function queueMicrotask(callback) {
  if (typeof callback !== 'function') throw new TypeError('The "callback" argument must be of type function. Received ' + web().inspect(callback));
  then(promiseResolve(undefined), () => callback());
}

// Runs at most one due timer. Returns -2 when the execution has settled, -1 when nothing is left that could ever
// settle it, 0 after running a timer, or the milliseconds until the next timer is due.
// Kept small (the timer walk is its own function): a settled execution's one tick costs little to build.
function tick(now) {
  return state.status !== 'pending' ? -2 : runDueTimer(now);
}

function runDueTimer(now) {
  let id = 0, timer = null;
  reflectApply(MapForEach, timers, [(candidate, key) => {
    if (timer === null || candidate.due < timer.due || (candidate.due === timer.due && candidate.order < timer.order)) { id = key; timer = candidate; }
  }]);
  if (timer === null) return -1;
  if (timer.due > now) return atLeast(1, ceilPositive(timer.due - now));
  if (timer.repeat) { timer.due = now + atLeast(1, timer.ms); timer.order = timerSequence++; } else reflectApply(MapDelete, timers, [id]);
  try {
    reflectApply(FunctionApply, timer.callback, [undefined, timer.args]);
  } catch (e) {
    host.write('stderr', `Uncaught ${thrownText(e, true)}\n`);
  }
  return 0;
}
