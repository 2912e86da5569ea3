namespace ScriptRunner.Sandbox.JavaScript.V8;

/// <summary>The small V8-only scripts around the shared prelude, run under the prelude's source name so their frames stay out of stacks.</summary>
internal static class V8Scripts
{
    /// <summary>The module name user code is registered under, and the global the namespace is handed over through.</summary>
    private const string ModuleHandOver = "__scriptrunner_module_namespace";

    /// <summary>
    /// Wraps the host bridge in plain functions with the shape the prelude expects (the same as on Jint), so the
    /// script never holds a .NET object: the bridge lives only in this closure.
    /// </summary>
    private const string Bridge = """
        (function (h) {
          'use strict';
          const Buffer = ArrayBuffer, Bytes = Uint8Array, apply = Reflect.apply, fromCharCode = String.fromCharCode;
          const { indexOf, slice, charCodeAt } = String.prototype;
          // Small byte inputs cross to the host as Latin-1 strings: cheaper for ClearScript than a typed array.
          const inline = (v) => (v === undefined || v === null ? null : v.byteLength <= 4096 ? apply(fromCharCode, null, v) : v);
          return Object.freeze({
            write: (stream, text) => { h.Write(String(stream), String(text)); },
            log: (level, message) => { h.Log(String(level), String(message)); },
            now: () => h.Now(),
            unixTime: () => h.UnixTime(),
            randomBytes: (count) => h.RandomBytes(Number(count)),
            fetch: (json) => h.Fetch(String(json)),
            subtle: (op, json, a, b, c) => {
              const answer = h.Subtle(String(op), String(json), inline(a), inline(b), inline(c));
              const at = apply(indexOf, answer, [';']);
              const kind = answer[0];
              const n = +apply(slice, answer, [1, at]);
              if (kind === 'n') return [apply(slice, answer, [at + 1]), undefined];
              const out = new Buffer(n);
              if (kind === 'i') {
                const view = new Bytes(out);
                for (let i = 0; i < n; i++) view[i] = apply(charCodeAt, answer, [at + 1 + i]);
                return [apply(slice, answer, [at + 1 + n]), out];
              }
              if (n > 0) h.SubtleTake(out);
              return [apply(slice, answer, [at + 1]), out];
            },
            domainToAscii: (domain) => h.DomainToAscii(String(domain)),
            // Streams: the same functions as on Jint, made on the streams group's first use.
            streams: () => Object.freeze({
              codecOpen: (format, decompress) => h.CodecOpen(String(format), !!decompress),
              codecPush: (id, bytes, final) => {
                const n = h.CodecPush(id, bytes, !!final);
                if (n < 0) return n;
                const out = new Uint8Array(n);
                if (n > 0) h.CodecTake(out);
                return out;
              },
              codecClose: (id) => { h.CodecClose(id); },
              utf8Decode: (bytes, fatal) => h.Utf8Decode(bytes, !!fatal),
              utf8Encode: (text) => {
                const n = h.Utf8Encode(String(text));
                const out = new Uint8Array(n);
                if (n > 0) h.Utf8Take(out);
                return out;
              },
              resultCap: () => h.ResultCap(),
              resultBodyFit: (body, envelope) => h.ResultBodyFit(String(body), String(envelope)),
            }),
          });
        })
        """;

    /// <summary>
    /// Refuses compiling strings, naming the construct refused, with the words Jint's refusal uses (see
    /// <see cref="ScriptRunner.Sandbox.JavaScript.Jint.JintStringCompilationHost"/>). ClearScript has no switch for V8's code-generation-from-strings
    /// callback, so the only ways to reach the compiler from a string are replaced, once per context: the global
    /// <c>eval</c> (a direct eval only exists while the global is the real one), every function constructor
    /// (<c>Function</c>, and the generator, async and async generator constructors reached through
    /// <c>.constructor</c>), and <c>ShadowRealm</c>'s <c>evaluate</c> and <c>importValue</c> should V8 offer it.
    /// </summary>
    public const string RefuseStringCompilation = """
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
        """;

    /// <summary>
    /// Installs each of the prelude's globals as Jint's lazy globals behave: resolved from <c>runtime.globalValue(name)</c>
    /// on first use, then an ordinary writable, configurable property. The names are written into the script, so no
    /// host object carries them.
    /// </summary>
    private static readonly string LazyGlobals = $$"""
        (function (runtime) {
          'use strict';
          const settle = (name, value) => Object.defineProperty(globalThis, name, { value, writable: true, configurable: true, enumerable: false });
          for (const name of {{System.Text.Json.JsonSerializer.Serialize(JavaScriptPrelude.GlobalNames)}}) {
            Object.defineProperty(globalThis, name, {
              configurable: true,
              enumerable: false,
              get() { const value = runtime.globalValue(name); settle(name, value); return value; },
              set(value) { settle(name, value); },
            });
          }
        })
        """;

    /// <summary>The intrinsics as the prelude's arguments: each path read where the setup runs, before the script.</summary>
    private static readonly string IntrinsicArguments = string.Join(", ", JavaScriptPrelude.Intrinsics.Select(i => string.Join('.', i.Path)));

    /// <summary>
    /// Everything an execution's context needs before the code runs, as one function of <c>(hostBridge, inputJson, script)</c>
    /// returning a frozen <c>{ runtime, checkpoint, rejections, takeModule }</c>: the intrinsics taken, a classic script's
    /// <c>module</c> and <c>exports</c> made, the bridge wrapped, the prelude run, the lazy globals installed, an empty function whose calls are microtask checkpoints, the rejection tracker, and a
    /// function that takes the module namespace <see cref="ModuleLoader"/> handed over off the global object. V8 tells the host
    /// of each rejection without a handler and each handler added later; the host passes them on with
    /// <c>record(kind, promise, reason, …)</c> (kind 1 for a rejection, 0 for a late handler) and <c>report()</c> reports
    /// those still unhandled, in order. Compiled once per isolate, it costs each execution one
    /// call into V8 instead of several (evaluating even a one-line string costs ClearScript a fifth of a millisecond).
    /// </summary>
    public static readonly string Setup = $$"""
        (function (h, inputJson, script) {
          'use strict';
          if (script) {
            const module = { exports: {} };
            globalThis.module = module;
            globalThis.exports = module.exports;
          }
          const runtime = ({{JavaScriptPrelude.Source}})(({{Bridge}})(h), inputJson, {{IntrinsicArguments}});
          ({{LazyGlobals}})(runtime);
          // Map's methods are taken now: the script runs before record and report, and may replace them.
          const apply = Reflect.apply, set = Map.prototype.set, remove = Map.prototype.delete, forEach = Map.prototype.forEach, clear = Map.prototype.clear;
          const pending = new Map();
          const rejections = Object.freeze({
            record(...events) {
              for (let i = 0; i < events.length; i += 3) {
                if (events[i] === 1) apply(set, pending, [events[i + 1], events[i + 2]]);
                else apply(remove, pending, [events[i + 1]]);
              }
            },
            report() {
              const reasons = [];
              apply(forEach, pending, [(reason) => { reasons[reasons.length] = reason; }]);
              apply(clear, pending, []);
              for (let i = 0; i < reasons.length; i++) runtime.reportUnhandled(reasons[i]);
            },
          });
          const takeModule = () => {
            const ns = globalThis.{{ModuleHandOver}};
            delete globalThis.{{ModuleHandOver}};
            return ns;
          };
          return Object.freeze({ runtime, checkpoint: function () {}, rejections, takeModule });
        })
        """;

    /// <summary>The module that imports user code (as <see cref="JavaScriptOutcomes.SourceName"/>) and hands its namespace to the host.</summary>
    public static readonly string ModuleLoader =
        $"import * as ns from '{JavaScriptOutcomes.SourceName}';\nglobalThis.{ModuleHandOver} = ns;\n";
}
