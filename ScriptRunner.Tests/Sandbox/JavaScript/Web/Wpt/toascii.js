// url/toascii.window.js over `cases` (toascii.json): each host name through the URL constructor and the host and
// hostname setters; the completion value is { total, passed, failures }.
(() => {
  const failures = [];
  let total = 0, passed = 0;
  const show = (v) => JSON.stringify(v);
  const check = (name, ok, detail) => { total++; if (ok) passed++; else failures.push(`${name}: ${detail}`); };
  for (const t of cases) {
    if (typeof t !== 'object' || t === null) continue;
    const input = t.input, output = t.output;
    let url = null, error = null;
    try { url = new URL(`https://${input}/x`); } catch (e) { error = e; }
    if (output === null) check(`constructor ${show(input)}`, error instanceof TypeError, `expected TypeError, got ${error ?? url.host}`);
    else check(`constructor ${show(input)}`, url !== null && url.host === output && url.hostname === output && url.pathname === '/x' && url.href === `https://${output}/x`,
      error ? `threw ${error}` : `host ${show(url.host)} should be ${show(output)}`);
    for (const attribute of ['host', 'hostname']) {
      const target = new URL('https://x/x');
      try { target[attribute] = input; } catch (e) { check(`${attribute} setter ${show(input)}`, false, `threw ${e}`); continue; }
      check(`${attribute} setter ${show(input)}`, target[attribute] === (output ?? 'x'), `${show(target[attribute])} should be ${show(output ?? 'x')}`);
    }
  }
  return { total, passed, failures };
})();
