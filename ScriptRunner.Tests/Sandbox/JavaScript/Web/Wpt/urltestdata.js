// url/url-constructor.any.js and url/url-origin.any.js over the cases in `cases` (urltestdata.json): the completion
// value is { total, passed, failures } with one line per failing case.
(() => {
  const failures = [];
  let total = 0, passed = 0;
  const fields = ['href', 'protocol', 'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search', 'hash'];
  const show = (v) => JSON.stringify(v);
  for (const t of cases) {
    if (typeof t !== 'object' || t === null) continue;
    const name = `constructor ${show(t.input)} against ${show(t.base)}`;
    let url = null, error = null;
    try { url = t.base === null ? new URL(t.input) : new URL(t.input, t.base); } catch (e) { error = e; }
    total++;
    if (t.failure) {
      if (error instanceof TypeError && URL.canParse(t.input, t.base ?? undefined) === false) passed++;
      else failures.push(`${name}: expected TypeError, got ${error ? error : url.href}`);
      continue;
    }
    if (error) { failures.push(`${name}: threw ${error}`); if ('origin' in t) { total++; failures.push(`origin ${show(t.input)}: threw`); } continue; }
    const diffs = fields.filter((k) => url[k] !== t[k]).map((k) => `${k} ${show(url[k])} should be ${show(t[k])}`);
    if ('searchParams' in t && url.searchParams.toString() !== t.searchParams) diffs.push(`searchParams ${show(url.searchParams.toString())} should be ${show(t.searchParams)}`);
    if (diffs.length) failures.push(`${name}: ${diffs.join('; ')}`); else passed++;
    if ('origin' in t) {
      total++;
      if (url.origin === t.origin) passed++; else failures.push(`origin ${show(t.input)} against ${show(t.base)}: ${show(url.origin)} should be ${show(t.origin)}`);
    }
  }
  return { total, passed, failures };
})();
