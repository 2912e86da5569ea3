// The URL Pattern Standard's pattern strings: the tokenizer, the pattern parser that turns a pattern string into a
// part list, and the two ways back out of a part list (the regular expression a component matches with, and the
// normalized pattern string the URLPattern attributes show).
const patternSyntax = (() => {
  const patternError = (message) => new TypeError(`Invalid URLPattern: ${message}`);

  // IdentifierStart and IdentifierPart, for the names of named groups (":name"). ASCII is answered directly; the
  // Unicode property classes are built only for a name with other characters (they are costly to build on Jint).
  const unicodeIdentifier = once(() => {
    try {
      return { start: new RegExp('^[\\p{ID_Start}$_]$', 'u'), part: new RegExp('^[\\p{ID_Continue}$\\u200C\\u200D]$', 'u') };
    } catch (e) {
      // An engine without the ID_Start property: the general categories it is derived from.
      return { start: /^[\p{L}\p{Nl}$_]$/u, part: /^[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}$\u200C\u200D]$/u };
    }
  });
  function isNameCodePoint(cp, first) {
    if (cp === undefined) return false;
    const c = cp.codePointAt(0);
    if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x24 || c === 0x5f || (!first && c >= 0x30 && c <= 0x39);
    return (first ? unicodeIdentifier().start : unicodeIdentifier().part).test(cp);
  }
  const isAscii = (cp) => cp !== undefined && cp.codePointAt(0) < 0x80;

  // Tokenizes input (a string) with the "strict" or "lenient" policy; token indexes count code points.
  function tokenize(input, policy) {
    const cps = Array.from(input);
    const tokens = [];
    let index = 0, next = 0, cp;
    const getNext = () => { cp = cps[next]; next++; };
    const seek = (i) => { next = i; getNext(); };
    const add = (type, nextPosition, valuePosition, valueLength) => {
      tokens.push({ type, index, value: cps.slice(valuePosition, valuePosition + valueLength).join('') });
      index = nextPosition;
    };
    const addWithLength = (type, nextPosition, valuePosition) => add(type, nextPosition, valuePosition, nextPosition - valuePosition);
    const addOne = (type) => addWithLength(type, next, index);
    const error = (nextPosition, valuePosition, what) => {
      if (policy === 'strict') throw patternError(`${what} at position ${index} in '${input}'`);
      addWithLength('invalid-char', nextPosition, valuePosition);
    };
    while (index < cps.length) {
      seek(index);
      if (cp === '*') { addOne('asterisk'); continue; }
      if (cp === '+' || cp === '?') { addOne('other-modifier'); continue; }
      if (cp === '\\') {
        if (index === cps.length - 1) { error(next, index, 'a trailing backslash'); continue; }
        const escapedIndex = next;
        getNext();
        addWithLength('escaped-char', next, escapedIndex);
        continue;
      }
      if (cp === '{') { addOne('open'); continue; }
      if (cp === '}') { addOne('close'); continue; }
      if (cp === ':') {
        let namePosition = next;
        const nameStart = namePosition;
        while (namePosition < cps.length) {
          seek(namePosition);
          if (!isNameCodePoint(cp, namePosition === nameStart)) break;
          namePosition = next;
        }
        if (namePosition <= nameStart) { error(nameStart, index, 'a missing group name'); continue; }
        addWithLength('name', namePosition, nameStart);
        continue;
      }
      if (cp === '(') {
        let depth = 1, position = next, failed = false;
        const start = position;
        while (position < cps.length) {
          seek(position);
          if (!isAscii(cp)) { error(start, index, 'a non-ASCII character in a regular expression'); failed = true; break; }
          if (position === start && cp === '?') { error(start, index, 'a regular expression group that starts with ?'); failed = true; break; }
          if (cp === '\\') {
            if (position === cps.length - 1) { error(start, index, 'a trailing backslash in a regular expression'); failed = true; break; }
            getNext();
            if (!isAscii(cp)) { error(start, index, 'a non-ASCII character in a regular expression'); failed = true; break; }
            position = next;
            continue;
          }
          if (cp === ')') {
            depth--;
            if (depth === 0) { position = next; break; }
          } else if (cp === '(') {
            depth++;
            if (position === cps.length - 1) { error(start, index, 'an unclosed regular expression group'); failed = true; break; }
            const temporary = next;
            getNext();
            if (cp !== '?') { error(start, index, 'a capturing group inside a regular expression group'); failed = true; break; }
            next = temporary;
          }
          position = next;
        }
        if (failed) continue;
        if (depth !== 0) { error(start, index, 'an unclosed regular expression group'); continue; }
        const length = position - start - 1;
        if (length === 0) { error(start, index, 'an empty regular expression group'); continue; }
        add('regexp', position, start, length);
        continue;
      }
      addOne('char');
    }
    addWithLength('end', index, index);
    return tokens;
  }

  const escapeRegexp = (text) => text.replace(/[.+*?^${}()[\]|/\\]/g, '\\$&');
  const escapePattern = (text) => text.replace(/[+*?:{}()\\]/g, '\\$&');
  const segmentWildcard = (options) => '[^' + escapeRegexp(options.delimiter) + ']+?';
  const FULL_WILDCARD = '.*';
  const modifierText = (modifier) => (modifier === 'zero-or-more' ? '*' : modifier === 'optional' ? '?' : modifier === 'one-or-more' ? '+' : '');

  // Parses a pattern string into its part list; encode validates and canonicalizes each fixed text piece.
  function parse(input, options, encode) {
    const tokens = tokenize(input, 'strict');
    const wildcard = segmentWildcard(options);
    const parts = [];
    let pending = '', i = 0, nextNumericName = 0;
    const tryConsume = (type) => (tokens[i].type === type ? tokens[i++] : null);
    const tryModifier = () => tryConsume('other-modifier') || tryConsume('asterisk');
    const tryRegexpOrWildcard = (nameToken) => {
      const token = tryConsume('regexp');
      return nameToken === null && token === null ? tryConsume('asterisk') : token;
    };
    const required = (type) => {
      const token = tryConsume(type);
      if (token === null) throw patternError(`unexpected '${tokens[i].value}' at position ${tokens[i].index} in '${input}'`);
      return token;
    };
    const consumeText = () => {
      let text = '';
      for (;;) {
        const token = tryConsume('char') || tryConsume('escaped-char');
        if (token === null) return text;
        text += token.value;
      }
    };
    const flushPending = () => {
      if (pending === '') return;
      const value = encode(pending);
      pending = '';
      parts.push({ type: 'fixed-text', value, modifier: 'none', name: '', prefix: '', suffix: '' });
    };
    const addPart = (prefix, nameToken, regexpToken, suffix, modifierToken) => {
      const modifier = modifierToken === null ? 'none'
        : modifierToken.value === '?' ? 'optional' : modifierToken.value === '*' ? 'zero-or-more' : 'one-or-more';
      if (nameToken === null && regexpToken === null && modifier === 'none') { pending += prefix; return; }
      flushPending();
      if (nameToken === null && regexpToken === null) {
        if (prefix === '') return;
        parts.push({ type: 'fixed-text', value: encode(prefix), modifier, name: '', prefix: '', suffix: '' });
        return;
      }
      let value = regexpToken === null ? wildcard : regexpToken.type === 'asterisk' ? FULL_WILDCARD : regexpToken.value;
      let type = 'regexp';
      if (value === wildcard) { type = 'segment-wildcard'; value = ''; }
      else if (value === FULL_WILDCARD) { type = 'full-wildcard'; value = ''; }
      let name = '';
      if (nameToken !== null) name = nameToken.value;
      else if (regexpToken !== null) name = String(nextNumericName++);
      if (parts.some((part) => part.name === name)) throw patternError(`the group name '${name}' is used twice in '${input}'`);
      parts.push({ type, value, modifier, name, prefix: encode(prefix), suffix: encode(suffix) });
    };
    while (i < tokens.length) {
      const charToken = tryConsume('char');
      let nameToken = tryConsume('name');
      let regexpToken = tryRegexpOrWildcard(nameToken);
      if (nameToken !== null || regexpToken !== null) {
        let prefix = charToken === null ? '' : charToken.value;
        if (prefix !== '' && prefix !== options.prefix) { pending += prefix; prefix = ''; }
        flushPending();
        addPart(prefix, nameToken, regexpToken, '', tryModifier());
        continue;
      }
      const fixedToken = charToken || tryConsume('escaped-char');
      if (fixedToken !== null) { pending += fixedToken.value; continue; }
      if (tryConsume('open') !== null) {
        const prefix = consumeText();
        nameToken = tryConsume('name');
        regexpToken = tryRegexpOrWildcard(nameToken);
        const suffix = consumeText();
        required('close');
        addPart(prefix, nameToken, regexpToken, suffix, tryModifier());
        continue;
      }
      flushPending();
      required('end');
    }
    return parts;
  }

  // The regular expression source of a part list, and the names of its groups in order.
  function toRegexp(parts, options) {
    let result = '^';
    const names = [];
    for (const part of parts) {
      if (part.type === 'fixed-text') {
        if (part.modifier === 'none') result += escapeRegexp(part.value);
        else result += '(?:' + escapeRegexp(part.value) + ')' + modifierText(part.modifier);
        continue;
      }
      names.push(part.name);
      // "[^]" (the segment wildcard without a delimiter) matches nothing under the v flag on some engines, so the
      // regular expression says "any code point" the way every engine reads alike.
      const value = part.type === 'segment-wildcard' ? (options.delimiter === '' ? '[\\s\\S]+?' : segmentWildcard(options))
        : part.type === 'full-wildcard' ? FULL_WILDCARD : part.value;
      if (part.prefix === '' && part.suffix === '') {
        if (part.modifier === 'none' || part.modifier === 'optional') result += '(' + value + ')' + modifierText(part.modifier);
        else result += '((?:' + value + ')' + modifierText(part.modifier) + ')';
        continue;
      }
      const prefix = escapeRegexp(part.prefix), suffix = escapeRegexp(part.suffix);
      if (part.modifier === 'none' || part.modifier === 'optional') {
        result += '(?:' + prefix + '(' + value + ')' + suffix + ')' + modifierText(part.modifier);
        continue;
      }
      result += '(?:' + prefix + '((?:' + value + ')(?:' + suffix + prefix + '(?:' + value + '))*)' + suffix + ')';
      if (part.modifier === 'zero-or-more') result += '?';
    }
    return { source: result + '$', names };
  }

  const firstCodePoint = (text) => (text === '' ? undefined : String.fromCodePoint(text.codePointAt(0)));
  const lastCodePoint = (text) => (text === '' ? undefined : Array.from(text).pop());
  const isDigit = (ch) => ch !== undefined && ch >= '0' && ch <= '9';

  // The normalized pattern string of a part list.
  function toPatternString(parts, options) {
    let result = '';
    for (let index = 0; index < parts.length; index++) {
      const part = parts[index];
      const previous = index > 0 ? parts[index - 1] : null;
      const next = index < parts.length - 1 ? parts[index + 1] : null;
      if (part.type === 'fixed-text') {
        if (part.modifier === 'none') result += escapePattern(part.value);
        else result += '{' + escapePattern(part.value) + '}' + modifierText(part.modifier);
        continue;
      }
      const customName = !isDigit(part.name[0]);
      let needsGrouping = part.suffix !== '' || (part.prefix !== '' && part.prefix !== options.prefix);
      if (!needsGrouping && customName && part.type === 'segment-wildcard' && part.modifier === 'none' && next !== null &&
        next.prefix === '' && next.suffix === '') {
        if (next.type === 'fixed-text') needsGrouping = isNameCodePoint(firstCodePoint(next.value), false);
        else needsGrouping = isDigit(next.name[0]);
      }
      if (!needsGrouping && part.prefix === '' && previous !== null && previous.type === 'fixed-text' &&
        lastCodePoint(previous.value) === options.prefix && options.prefix !== '') needsGrouping = true;
      if (needsGrouping) result += '{';
      result += escapePattern(part.prefix);
      if (customName) result += ':' + part.name;
      if (part.type === 'regexp') result += '(' + part.value + ')';
      else if (part.type === 'segment-wildcard' && !customName) result += '(' + segmentWildcard(options) + ')';
      else if (part.type === 'full-wildcard') {
        if (!customName && (previous === null || previous.type === 'fixed-text' || previous.modifier !== 'none' || needsGrouping || part.prefix !== '')) result += '*';
        else result += '(' + FULL_WILDCARD + ')';
      }
      if (part.type === 'segment-wildcard' && customName && part.suffix !== '' && isNameCodePoint(firstCodePoint(part.suffix), false)) result += '\\';
      result += escapePattern(part.suffix);
      if (needsGrouping) result += '}';
      result += modifierText(part.modifier);
    }
    return result;
  }

  return { tokenize, parse, toRegexp, toPatternString, escapePattern, patternError };
})();
