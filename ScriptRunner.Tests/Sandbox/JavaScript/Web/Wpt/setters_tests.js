// url/url-setters.any.js over `cases` (setters_tests.json): each case sets one attribute of new URL(href) and
// compares the attributes it lists; the completion value is { total, passed, failures }.
(() => {
  const failures = [];
  let total = 0, passed = 0;
  const show = (v) => JSON.stringify(v);
  for (const attribute of Object.keys(cases)) {
    if (attribute === 'comment') continue;
    for (const t of cases[attribute]) {
      total++;
      const name = `${attribute} = ${show(t.new_value)} on ${show(t.href)}`;
      try {
        const url = new URL(t.href);
        url[attribute] = t.new_value;
        const diffs = Object.keys(t.expected).filter((k) => url[k] !== t.expected[k]).map((k) => `${k} ${show(url[k])} should be ${show(t.expected[k])}`);
        if (diffs.length) failures.push(`${name}: ${diffs.join('; ')}`); else passed++;
      } catch (e) {
        failures.push(`${name}: threw ${e}`);
      }
    }
  }
  return { total, passed, failures };
})();
