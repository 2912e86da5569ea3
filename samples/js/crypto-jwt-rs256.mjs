// Verify an RS256 JSON Web Token from the Authorization header against the issuer's public key (a JWK, as a JWKS
// endpoint publishes it), then check its expiry and answer its claims.
// Try: {"url": ".../crypto-jwt-rs256.mjs", "handler": "fetch", "envVars": {"JWT_PUBLIC_JWK": "{\"kty\":\"RSA\",\"n\":\"…\",\"e\":\"AQAB\"}"},
//       "request": {"url": "/me", "headers": {"authorization": "Bearer <token>"}}}
const decoder = new TextDecoder();

function base64url(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function verifyRs256(token, jwk) {
  const [header, payload, signature] = token.split('.');
  if (!signature) throw new Error('not a JWT');
  if (JSON.parse(decoder.decode(base64url(header))).alg !== 'RS256') throw new Error('not RS256');
  const key = await crypto.subtle.importKey('jwk', jwk, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['verify']);
  const signed = new TextEncoder().encode(`${header}.${payload}`);
  if (!(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, base64url(signature), signed))) throw new Error('bad signature');
  const claims = JSON.parse(decoder.decode(base64url(payload)));
  if (typeof claims.exp === 'number' && claims.exp < Date.now() / 1000) throw new Error('expired');
  return claims;
}

export default {
  async fetch(request, env) {
    const token = (request.headers.get('authorization') ?? '').replace(/^Bearer\s+/i, '');
    try {
      const claims = await verifyRs256(token, JSON.parse(env.JWT_PUBLIC_JWK));
      return Response.json({ sub: claims.sub, claims });
    } catch (e) {
      return Response.json({ error: e.message }, { status: 401 });
    }
  },
};
