// url/percent-encoding.window.js over `cases` (percent-encoding.json), for UTF-8 (the only encoding a URL parsed
// outside a document uses): the query of "https://doesnotmatter.invalid/?" + input + "#".
(() => {
  const failures = [];
  let total = 0, passed = 0;
  for (const t of cases) {
    if (typeof t !== 'object' || t === null) continue;
    total++;
    const search = new URL('https://doesnotmatter.invalid/?' + t.input + '#').search;
    if (search === '?' + t.output['utf-8']) passed++;
    else failures.push(`${JSON.stringify(t.input)}: ${JSON.stringify(search)} should be ${JSON.stringify('?' + t.output['utf-8'])}`);
  }
  return { total, passed, failures };
})();
