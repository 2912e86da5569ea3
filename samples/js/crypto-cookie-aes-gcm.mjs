// Keep a session in an encrypted cookie: AES-GCM with a 256-bit key from the environment seals the session as
// base64url(iv || ciphertext+tag); a cookie that was tampered with (or sealed with another key) fails to open.
// Try: {"url": ".../crypto-cookie-aes-gcm.mjs", "handler": "fetch", "envVars": {"COOKIE_KEY": "<base64 of 32 bytes>"},
//       "request": {"url": "/visit", "headers": {"cookie": "session=<value from a previous answer>"}}}
const encoder = new TextEncoder();
const decoder = new TextDecoder();

const toBase64url = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const fromBase64url = (text) => {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
};

async function cookieKey(env) {
  return crypto.subtle.importKey('raw', fromBase64url(env.COOKIE_KEY.replace(/=+$/, '')), 'AES-GCM', false, ['encrypt', 'decrypt']);
}

async function seal(key, session) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, encoder.encode(JSON.stringify(session))));
  const out = new Uint8Array(iv.length + sealed.length);
  out.set(iv);
  out.set(sealed, iv.length);
  return toBase64url(out);
}

async function open(key, cookie) {
  try {
    const bytes = fromBase64url(cookie);
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.subarray(0, 12) }, key, bytes.subarray(12));
    return JSON.parse(decoder.decode(plain));
  } catch {
    return null; // tampered, truncated or sealed with another key: start afresh
  }
}

export default {
  async fetch(request, env) {
    const key = await cookieKey(env);
    const cookie = /(?:^|;\s*)session=([^;]+)/.exec(request.headers.get('cookie') ?? '')?.[1];
    const session = (cookie && (await open(key, cookie))) || { visits: 0 };
    session.visits += 1;
    const headers = { 'set-cookie': `session=${await seal(key, session)}; HttpOnly; Secure; SameSite=Lax; Path=/` };
    return Response.json({ visits: session.visits }, { headers });
  },
};
