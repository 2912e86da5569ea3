// Verify a webhook's HMAC-SHA256 signature (the way GitHub and Stripe sign theirs) before trusting its body.
// The sender puts hex(HMAC-SHA256(secret, body)) in the `x-signature-256` header as `sha256=<hex>`.
// Try: {"url": ".../crypto-webhook-hmac.mjs", "handler": "fetch", "envVars": {"WEBHOOK_SECRET": "It's a Secret to Everybody"},
//       "request": {"method": "POST", "url": "/hook", "headers": {"x-signature-256": "sha256=<hex>"}, "body": "Hello, World!"}}
const encoder = new TextEncoder();

function fromHex(hex) {
  if (!/^([0-9a-f]{2})*$/i.test(hex)) return null;
  return new Uint8Array(hex.match(/../g)?.map((byte) => parseInt(byte, 16)) ?? []);
}

export default {
  async fetch(request, env) {
    const header = request.headers.get('x-signature-256') ?? '';
    const signature = header.startsWith('sha256=') ? fromHex(header.slice(7)) : null;
    if (!signature) return Response.json({ error: 'missing or malformed signature' }, { status: 401 });

    const key = await crypto.subtle.importKey('raw', encoder.encode(env.WEBHOOK_SECRET), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    const body = await request.text();
    // verify compares in constant time, unlike comparing hex strings.
    const valid = await crypto.subtle.verify('HMAC', key, signature, encoder.encode(body));
    if (!valid) return Response.json({ error: 'bad signature' }, { status: 401 });
    return Response.json({ accepted: true, bytes: body.length });
  },
};
