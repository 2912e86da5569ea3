// Route requests with URLPattern: each route is a pattern and a function of its match; the first match answers.
// Try: {"url": ".../urlpattern-router.mjs", "handler": "fetch", "request": {"url": "/books/42?format=short"}}
const routes = [
  [new URLPattern({ pathname: '/books/:id(\\d+)' }), (match, url) =>
    Response.json({ book: Number(match.pathname.groups.id), format: url.searchParams.get('format') ?? 'full' })],
  [new URLPattern({ pathname: '/authors/:name/books{/:page(\\d+)}?' }), (match) =>
    Response.json({ author: decodeURIComponent(match.pathname.groups.name), page: Number(match.pathname.groups.page ?? 1) })],
  [new URLPattern({ pathname: '/static/*' }), (match) => new Response(`file ${match.pathname.groups[0]}`)],
];

export default {
  async fetch(request) {
    const url = new URL(request.url);
    for (const [pattern, answer] of routes) {
      const match = pattern.exec(url);
      if (match) return answer(match, url);
    }
    return Response.json({ error: `no route for ${url.pathname}` }, { status: 404 });
  },
};
