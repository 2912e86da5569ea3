// A CommonJS handler that awaits fetch: module.exports is called with (request, env).
// Try: {"url": ".../commonjs-fetch.js", "handler": "handler", "envVars": {"UPSTREAM": "https://example.com/"}}
module.exports = async function handler(request, env) {
  const started = Date.now();
  const response = await fetch(env.UPSTREAM, { headers: { accept: 'text/html' } });
  const text = await response.text();
  return {
    statusCode: response.ok ? 200 : 502,
    headers: { 'content-type': 'application/json' },
    body: { upstream: response.url, status: response.status, bytes: text.length, ms: Date.now() - started },
  };
};
