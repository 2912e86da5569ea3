// Streams a fetched response through transforms: the upstream's newline-delimited JSON events are split into lines,
// filtered and reshaped one record at a time, and the handler answers with the resulting stream (the service reads
// it into the answer's `body`).
// Try: {"url": ".../stream-transform.mjs", "handler": "fetch", "envVars": {"UPSTREAM": "https://example.com/events.ndjson"}, "request": {"url": "/?level=error"}}
export default {
  async fetch(request, env) {
    const level = new URL(request.url).searchParams.get('level') ?? 'error';
    const upstream = await fetch(env.UPSTREAM);
    if (!upstream.ok) return new Response(`upstream answered ${upstream.status}`, { status: 502 });

    let pending = '';
    const lines = new TransformStream({
      transform(text, controller) {
        const parts = (pending + text).split('\n');
        pending = parts.pop();
        for (const line of parts) if (line.trim()) controller.enqueue(line);
      },
      flush(controller) {
        if (pending.trim()) controller.enqueue(pending);
      },
    });
    const pick = new TransformStream({
      transform(line, controller) {
        const event = JSON.parse(line);
        if (event.level === level) controller.enqueue(`${event.time} ${event.message}\n`);
      },
    });

    const body = upstream.body
      .pipeThrough(new TextDecoderStream())
      .pipeThrough(lines)
      .pipeThrough(pick)
      .pipeThrough(new TextEncoderStream());
    return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
  },
};
