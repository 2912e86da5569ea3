namespace ScriptRunner.Tests.Sandbox.JavaScript.Crypto;

/// <summary>Runs WebCrypto test scripts on an engine: helpers for hex and text in scope, the result as JSON text.</summary>
internal static class CryptoScripts
{
    /// <summary>Hex, base64url and UTF-8 helpers every crypto test script can use.</summary>
    public const string Helpers = """
        const hex = (b) => Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, '0')).join('');
        const unhex = (h) => new Uint8Array((h.match(/../g) || []).map((x) => parseInt(x, 16)));
        const utf8 = (s) => new TextEncoder().encode(s);
        const b64url = (b) => btoa(String.fromCharCode(...new Uint8Array(b))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
        // Binary strings to bytes by index: Jint's string iterator (Array.from, for-of) takes "\r\n" as one element.
        const binary = (s) => { const b = new Uint8Array(s.length); for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i); return b; };
        const unb64 = (s) => binary(atob(s));
        const unb64url = (s) => unb64(s.replace(/-/g, '+').replace(/_/g, '/'));
        const errorOf = (promise) => promise.then(() => 'resolved', (e) => `${e.name}: ${e.constructor === DOMException ? 'DOMException' : e.constructor.name}`);
        const subtle = crypto.subtle;
        """;

    /// <summary>The result of <paramref name="body"/> (the body of an async function) as compact JSON.</summary>
    public static string Run(string engine, string body) =>
        JsHarness.On(engine).Result(Helpers + "\n(async () => {\n" + body + "\n})()");
}
