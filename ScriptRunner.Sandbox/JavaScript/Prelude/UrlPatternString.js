// The URL Pattern Standard's constructor string parser: splits a pattern string such as
// "https://*.example.com/books/:id" into a URLPatternInit of component pattern strings. Whether the protocol matches a
// special scheme (which decides if an authority follows) is asked of protocolMatchesSpecialScheme(protocolPattern).
function parseConstructorString(input, protocolMatchesSpecialScheme) {
  const { tokenize } = patternSyntax;
  const tokens = tokenize(input, 'lenient');
  const cps = Array.from(input);
  const result = {};
  let componentStart = 0, index = 0, increment = 1, groupDepth = 0, ipv6Depth = 0, protocolIsSpecial = false;
  let state = 'init';
  const safeToken = (i) => (i < tokens.length ? tokens[i] : tokens[tokens.length - 1]);
  const isNonSpecialChar = (i, value) => {
    const token = safeToken(i);
    return token.value === value && (token.type === 'char' || token.type === 'escaped-char' || token.type === 'invalid-char');
  };
  const isSearchPrefix = () => {
    if (isNonSpecialChar(index, '?')) return true;
    if (tokens[index].value !== '?') return false;
    if (index - 1 < 0) return true;
    const previous = safeToken(index - 1);
    return !(previous.type === 'name' || previous.type === 'regexp' || previous.type === 'close' || previous.type === 'asterisk');
  };
  const componentString = () => cps.slice(safeToken(componentStart).index, tokens[index].index).join('');
  const changeState = (newState, skip) => {
    if (state !== 'init' && state !== 'authority' && state !== 'done') result[state] = componentString();
    if (state !== 'init' && newState !== 'done') {
      const before = (list) => list.includes(state);
      if (before(['protocol', 'authority', 'username', 'password']) && ['port', 'pathname', 'search', 'hash'].includes(newState) && !('hostname' in result)) result.hostname = '';
      if (before(['protocol', 'authority', 'username', 'password', 'hostname', 'port']) && (newState === 'search' || newState === 'hash') && !('pathname' in result)) result.pathname = protocolIsSpecial ? '/' : '';
      if (before(['protocol', 'authority', 'username', 'password', 'hostname', 'port', 'pathname']) && newState === 'hash' && !('search' in result)) result.search = '';
    }
    state = newState;
    index += skip;
    componentStart = index;
    increment = 0;
  };
  const rewind = () => { index = componentStart; increment = 0; };
  const rewindAndSetState = (newState) => { rewind(); state = newState; };
  while (index < tokens.length) {
    increment = 1;
    const token = tokens[index];
    if (token.type === 'end') {
      if (state === 'init') {
        rewind();
        if (isNonSpecialChar(index, '#')) changeState('hash', 1);
        else if (isSearchPrefix()) changeState('search', 1);
        else changeState('pathname', 0);
        index += increment;
        continue;
      }
      if (state === 'authority') {
        rewindAndSetState('hostname');
        index += increment;
        continue;
      }
      changeState('done', 0);
      break;
    }
    if (token.type === 'open') { groupDepth++; index += increment; continue; }
    if (groupDepth > 0) {
      if (token.type === 'close') groupDepth--;
      else { index += increment; continue; }
    }
    switch (state) {
      case 'init':
        if (isNonSpecialChar(index, ':')) rewindAndSetState('protocol');
        break;
      case 'protocol':
        if (isNonSpecialChar(index, ':')) {
          protocolIsSpecial = protocolMatchesSpecialScheme(componentString());
          let nextState = 'pathname', skip = 1;
          if (isNonSpecialChar(index + 1, '/') && isNonSpecialChar(index + 2, '/')) { nextState = 'authority'; skip = 3; }
          else if (protocolIsSpecial) nextState = 'authority';
          changeState(nextState, skip);
        }
        break;
      case 'authority':
        if (isNonSpecialChar(index, '@')) rewindAndSetState('username');
        else if (isNonSpecialChar(index, '/') || isSearchPrefix() || isNonSpecialChar(index, '#')) rewindAndSetState('hostname');
        break;
      case 'username':
        if (isNonSpecialChar(index, ':')) changeState('password', 1);
        else if (isNonSpecialChar(index, '@')) changeState('hostname', 1);
        break;
      case 'password':
        if (isNonSpecialChar(index, '@')) changeState('hostname', 1);
        break;
      case 'hostname':
        if (isNonSpecialChar(index, '[')) ipv6Depth++;
        else if (isNonSpecialChar(index, ']')) ipv6Depth--;
        else if (isNonSpecialChar(index, ':') && ipv6Depth === 0) changeState('port', 1);
        else if (isNonSpecialChar(index, '/')) changeState('pathname', 0);
        else if (isSearchPrefix()) changeState('search', 1);
        else if (isNonSpecialChar(index, '#')) changeState('hash', 1);
        break;
      case 'port':
        if (isNonSpecialChar(index, '/')) changeState('pathname', 0);
        else if (isSearchPrefix()) changeState('search', 1);
        else if (isNonSpecialChar(index, '#')) changeState('hash', 1);
        break;
      case 'pathname':
        if (isSearchPrefix()) changeState('search', 1);
        else if (isNonSpecialChar(index, '#')) changeState('hash', 1);
        break;
      case 'search':
        if (isNonSpecialChar(index, '#')) changeState('hash', 1);
        break;
    }
    index += increment;
  }
  if ('hostname' in result && !('port' in result)) result.port = '';
  return result;
}
