using Jint;
using Jint.Native;
using Jint.Native.Object;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;
using ScriptRunner.Core.Hosting;

namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>
/// The script's synchronous <c>fetch(urlOrOptions[, init])</c>: builds a <see cref="SandboxFetchRequest"/>, sends it
/// through the execution's fetch policy with the run's cancellation token, and returns
/// <c>{ok, status, statusText, url, headers, body, text(), json()}</c>. A refused or failed fetch is an ordinary,
/// catchable <c>Error</c> carrying <c>code</c>; a fetch cut short by the deadline ends the run as a timeout.
/// </summary>
internal sealed class FetchGlobal(Engine engine, BuiltinHardening hardening, JsonCodec json, ExecutionGuard guard, ISandboxFetcher fetcher, CancellationToken cancellation)
{
    /// <summary>The <c>fetch</c> function.</summary>
    public ClrFunctionInstance Function() => hardening.Guarded(Fetch, 2);

    private JsValue Fetch(JsValue thisObject, JsValue[] arguments)
    {
        var request = BuildRequest(arguments);
        SandboxFetchResponse response;
        try
        {
            response = fetcher.Send(request, cancellation);
        }
        catch (Exception) when (guard.IsOver)
        {
            throw guard.TimeoutError();
        }
        catch (SandboxFetchException e)
        {
            var error = engine.Error.Construct([e.Message]);
            error.FastAddProperty("name", "FetchError", writable: true, enumerable: false, configurable: true);
            error.FastAddProperty("code", e.Error.ToString(), writable: true, enumerable: true, configurable: true);
            throw new JavaScriptException(error);
        }

        return ToResponse(request.Url, response);
    }

    private SandboxFetchRequest BuildRequest(JsValue[] arguments)
    {
        var first = arguments.Length > 0 ? arguments[0] : Undefined.Instance;
        var init = arguments.Length > 1 && arguments[1].IsObject() ? arguments[1].AsObject() : null;
        ObjectInstance? options = null;
        string url;
        if (first.IsObject() && first.AsObject().Class != "String")
        {
            var obj = first.AsObject();
            var urlValue = obj.Get("url");
            if (!urlValue.IsUndefined() && !urlValue.IsNull())
            {
                url = TypeConverter.ToString(urlValue);
                options = obj;
            }
            else if (obj.Get("href") is { } href && href.IsString())
            {
                url = href.AsString(); // a URL object
            }
            else
            {
                throw new JavaScriptException(engine.TypeError, "fetch: options.url is required");
            }
        }
        else if (first.IsUndefined() || first.IsNull())
        {
            throw new JavaScriptException(engine.TypeError, "fetch: a URL or an options object is required");
        }
        else
        {
            url = TypeConverter.ToString(first);
        }

        var source = init ?? options;
        var method = "GET";
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? body = null;
        if (source is not null)
        {
            var methodValue = source.Get("method");
            if (!methodValue.IsUndefined() && !methodValue.IsNull()) method = TypeConverter.ToString(methodValue).ToUpperInvariant();
            var headersValue = source.Get("headers");
            if (headersValue.IsObject())
            {
                foreach (var (name, descriptor) in headersValue.AsObject().GetOwnProperties().ToList())
                {
                    if (descriptor.Enumerable != true) continue;
                    headers[name] = TypeConverter.ToString(headersValue.AsObject().Get(name));
                }
            }

            var bodyValue = source.Get("body");
            if (bodyValue.IsString()) body = bodyValue.AsString();
            else if (!bodyValue.IsUndefined() && !bodyValue.IsNull())
            {
                body = json.Serialize(bodyValue) ?? "";
                headers.TryAdd("content-type", "application/json");
            }
        }

        return new SandboxFetchRequest(url, method, headers, body);
    }

    private ObjectInstance ToResponse(string url, SandboxFetchResponse response)
    {
        var result = engine.Object.Construct(Arguments.Empty);
        var headers = engine.Object.Construct(Arguments.Empty);
        foreach (var (name, value) in response.Headers)
            headers.DefineOwnProperty(name.ToLowerInvariant(), new PropertyDescriptor(value, true, true, true), false);
        headers.FastAddProperty("get", hardening.Guarded((_, a) =>
        {
            var name = TypeConverter.ToString(a.Length > 0 ? a[0] : Undefined.Instance).ToLowerInvariant();
            var found = headers.GetOwnProperty(name);
            return found.IsDataDescriptor() && found.Value is { } v && v.IsString() ? v : JsValue.Null;
        }, 1), writable: true, enumerable: false, configurable: true);

        var body = response.Body;
        AddData(result, "ok", response.Status is >= 200 and <= 299);
        AddData(result, "status", response.Status);
        AddData(result, "statusText", response.StatusText);
        AddData(result, "url", url);
        AddData(result, "headers", headers);
        AddData(result, "body", body);
        result.FastAddProperty("text", hardening.Guarded((_, _) => body, 0), writable: true, enumerable: false, configurable: true);
        result.FastAddProperty("json", hardening.Guarded((_, _) => json.ParseText(body), 0), writable: true, enumerable: false, configurable: true);
        return result;
    }

    private static void AddData(ObjectInstance target, string name, JsValue value) =>
        target.FastAddProperty(name, value, writable: true, enumerable: true, configurable: true);
}
