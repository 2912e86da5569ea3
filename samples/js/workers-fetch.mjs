// A Cloudflare-Workers-style module: `fetch(request, env, ctx)` gets a Request and answers with a Response.
// Try: {"url": ".../workers-fetch.mjs", "handler": "fetch", "request": {"url": "/greet?name=ada"}, "envVars": {"GREETING": "hello"}}
export default {
  async fetch(request, env, ctx) {
    const url = new URL(request.url);
    const name = url.searchParams.get('name') ?? 'world';
    ctx.waitUntil(Promise.resolve().then(() => console.log(`greeted ${name}`)));
    return Response.json({ message: `${env.GREETING ?? 'hi'}, ${name}`, path: url.pathname }, { headers: { 'cache-control': 'no-store' } });
  },
};
