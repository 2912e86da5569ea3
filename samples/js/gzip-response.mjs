// Gzips a response body with CompressionStream (the host's .NET gzip). The service answers with `body` as text, so
// the compressed bytes go out base64-encoded, and the headers say so.
// Try: {"url": ".../gzip-response.mjs", "handler": "fetch", "request": {"url": "/report?rows=500"}}
export default {
  async fetch(request) {
    const rows = Number(new URL(request.url).searchParams.get('rows') ?? 100);
    const report = JSON.stringify(Array.from({ length: rows }, (_, id) => ({ id, status: id % 7 ? 'ok' : 'late' })));
    const gzipped = await new Response(new Response(report).body.pipeThrough(new CompressionStream('gzip'))).bytes();
    return new Response(gzipped.toBase64(), {
      headers: {
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        'x-body-encoding': 'base64',
        'x-uncompressed-length': String(report.length),
      },
    });
  },
};
