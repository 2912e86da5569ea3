// urlpattern/urlpattern.any.js over `cases` (urlpatterntestdata.json): construct the pattern, compare each
// component's pattern string, then test() and exec() on the inputs; the completion value is { total, passed, failures }.
(() => {
  const components = ['protocol', 'username', 'password', 'hostname', 'port', 'pathname', 'search', 'hash'];
  const earlier = {
    protocol: [], hostname: ['protocol'], port: ['protocol', 'hostname'], username: [], password: [],
    pathname: ['protocol', 'hostname', 'port'], search: ['protocol', 'hostname', 'port', 'pathname'],
    hash: ['protocol', 'hostname', 'port', 'pathname', 'search'],
  };
  const show = (v) => JSON.stringify(v);
  const same = (a, b) => {
    if (a === b) return true;
    if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
    const ka = Object.keys(a), kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && same(a[k], b[k]));
  };
  const failures = [];
  let total = 0, passed = 0;
  function run(entry) {
    if (entry.expected_obj === 'error') {
      try { new URLPattern(...entry.pattern); } catch (e) { if (e instanceof TypeError) return null; return `construction threw ${e} (not a TypeError)`; }
      return 'construction should throw a TypeError';
    }
    let pattern;
    try { pattern = new URLPattern(...entry.pattern); } catch (e) { return `construction threw ${e}`; }
    const expectedObj = entry.expected_obj || {};
    for (const component of components) {
      let expected = expectedObj[component];
      if (expected === undefined) {
        let baseURL = null;
        if (entry.pattern.length > 0 && entry.pattern[0] && entry.pattern[0].baseURL) baseURL = new URL(entry.pattern[0].baseURL);
        else if (entry.pattern.length > 1 && typeof entry.pattern[1] === 'string') baseURL = new URL(entry.pattern[1]);
        const first = entry.pattern[0];
        if (entry.exactly_empty_components && entry.exactly_empty_components.includes(component)) expected = '';
        else if (entry.pattern.length > 0 && typeof first === 'object' && first !== null && first[component]) expected = first[component];
        else if (baseURL && !earlier[component].some((c) => typeof first === 'object' && first !== null && first[c]) && component !== 'username' && component !== 'password') {
          let value = baseURL[component];
          if (component === 'protocol') value = value.slice(0, -1);
          else if (component === 'search' || component === 'hash') value = value.slice(1);
          expected = value;
        } else expected = '*';
      }
      if (pattern[component] !== expected) return `pattern.${component} is ${show(pattern[component])}, should be ${show(expected)}`;
    }
    if (entry.expected_match === 'error') {
      let threw = 0;
      try { pattern.test(...entry.inputs); } catch (e) { if (e instanceof TypeError) threw++; }
      try { pattern.exec(...entry.inputs); } catch (e) { if (e instanceof TypeError) threw++; }
      return threw === 2 ? null : 'test() and exec() should throw a TypeError';
    }
    let tested, result;
    try { tested = pattern.test(...entry.inputs); result = pattern.exec(...entry.inputs); } catch (e) { return `matching threw ${e}`; }
    if (tested !== !!entry.expected_match) return `test() is ${tested}, should be ${!!entry.expected_match}`;
    if (!entry.expected_match || typeof entry.expected_match !== 'object') {
      return result === entry.expected_match ? null : `exec() is ${show(result)}, should be ${show(entry.expected_match)}`;
    }
    const expectedInputs = entry.expected_match.inputs || entry.inputs;
    if (result.inputs.length !== expectedInputs.length) return `exec().inputs has ${result.inputs.length} items, should have ${expectedInputs.length}`;
    for (let i = 0; i < result.inputs.length; i++) {
      const input = result.inputs[i], wanted = expectedInputs[i];
      if (typeof input === 'string') { if (input !== wanted) return `exec().inputs[${i}] is ${show(input)}, should be ${show(wanted)}`; continue; }
      for (const component of components) if (input[component] !== wanted[component]) return `exec().inputs[${i}].${component} differs`;
    }
    for (const component of components) {
      let wanted = entry.expected_match[component];
      if (!wanted) {
        wanted = { input: '', groups: {} };
        if (!entry.exactly_empty_components || !entry.exactly_empty_components.includes(component)) wanted.groups['0'] = '';
      }
      const groups = {};
      for (const key of Object.keys(wanted.groups)) groups[key] = wanted.groups[key] === null ? undefined : wanted.groups[key];
      const got = result[component];
      const gotGroups = {};
      for (const key of Object.keys(got.groups)) gotGroups[key] = got.groups[key];
      if (got.input !== wanted.input || !same(gotGroups, groups) || Object.keys(got).length !== 2) {
        return `exec().${component} is ${show(got)}, should be ${show({ input: wanted.input, groups })}`;
      }
    }
    return null;
  }
  for (const entry of cases) {
    total++;
    let failure;
    try { failure = run(entry); } catch (e) { failure = `harness error ${e}`; }
    if (failure === null) passed++;
    else failures.push(`${show(entry.pattern)} on ${show(entry.inputs)}: ${failure}`);
  }
  return { total, passed, failures };
})();
