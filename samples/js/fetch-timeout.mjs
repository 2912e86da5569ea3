// Cancel a slow upstream call: AbortSignal.timeout gives the fetch a time budget; past it the host drops the
// request and the fetch rejects with a TimeoutError, which the handler answers with a 504.
// Try: {"url": ".../fetch-timeout.mjs", "envVars": {"UPSTREAM_URL": "https://example.com/slow", "TIMEOUT_MS": "500"}}
export default {
  async fetch(request, env) {
    const budget = Number(env.TIMEOUT_MS ?? 1000);
    const started = performance.now();
    try {
      const upstream = await fetch(env.UPSTREAM_URL, { signal: AbortSignal.timeout(budget) });
      return new Response(await upstream.text(), { status: upstream.status });
    } catch (error) {
      if (error.name === 'TimeoutError') {
        const waited = Math.round(performance.now() - started);
        return Response.json({ error: `upstream did not answer within ${budget} ms`, waited }, { status: 504 });
      }
      throw error;
    }
  },
};
