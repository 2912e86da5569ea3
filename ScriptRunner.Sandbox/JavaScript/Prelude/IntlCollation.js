// An en collation for Jint, whose host (.NET without ICU) compares strings by code unit. It follows the CLDR root
// order V8's ICU uses for Latin text: whitespace, then punctuation and symbols (in ICU's order), then digits, then
// letters; accents count at the second level and case at the third (lower case first unless caseFirst says
// otherwise). Letters outside Latin sort by code point after the Latin ones.
const COLLATION_VARIABLE = '\t\n\u000b\u000c\r \u00a0_-\u2013\u2014,;:!\u00a1?\u00bf.\u2026\u00b7\'\u2018\u2019"\u201c\u201d\u00ab\u00bb()[]{}\u00a7\u00b6@*/\\&#%\u2022`\u00b4^\u00af\u00a8\u00b8\u00b0\u00a9\u00ae+\u00b1\u00f7\u00d7<=>\u00ac|\u00a6~\u00a4\u00a2$\u00a3\u00a5\u20ac';
// Latin letters that do not decompose: [base letters, tertiary weight] so they sort with (after) their base.
const COLLATION_LETTERS = { '\u00df': ['ss', 1], '\u00e6': ['ae', 1], '\u00c6': ['ae', 2], '\u0153': ['oe', 1], '\u0152': ['oe', 2], '\u00f8': ['o', 1], '\u00d8': ['o', 2], '\u0142': ['l', 1], '\u0141': ['l', 2], '\u0111': ['d', 1], '\u0110': ['d', 2], '\u00f0': ['d', 3], '\u00d0': ['d', 4], '\u0131': ['i', 1] };
// Canonical decompositions of the precomposed Latin letters (Latin-1, Extended-A/B, Extended Additional) and ё, each
// "<letter><base><marks>", '|'-separated: Jint's String.prototype.normalize needs the ICU the host does not load.
const LATIN_DECOMPOSITIONS = "\u0451\u0435\u0308|\u0401\u0415\u0308|\u00c0A\u0300|\u00c1A\u0301|\u00c2A\u0302|\u00c3A\u0303|\u00c4A\u0308|\u00c5A\u030a|\u00c7C\u0327|\u00c8E\u0300|\u00c9E\u0301|\u00caE\u0302|\u00cbE\u0308|\u00ccI\u0300|\u00cdI\u0301|\u00ceI\u0302|\u00cfI\u0308|\u00d1N\u0303|\u00d2O\u0300|\u00d3O\u0301|\u00d4O\u0302|\u00d5O\u0303|\u00d6O\u0308|\u00d9U\u0300|\u00daU\u0301|\u00dbU\u0302|\u00dcU\u0308|\u00ddY\u0301|\u00e0a\u0300|\u00e1a\u0301|\u00e2a\u0302|\u00e3a\u0303|\u00e4a\u0308|\u00e5a\u030a|\u00e7c\u0327|\u00e8e\u0300|\u00e9e\u0301|\u00eae\u0302|\u00ebe\u0308|\u00eci\u0300|\u00edi\u0301|\u00eei\u0302|\u00efi\u0308|\u00f1n\u0303|\u00f2o\u0300|\u00f3o\u0301|\u00f4o\u0302|\u00f5o\u0303|\u00f6o\u0308|\u00f9u\u0300|\u00fau\u0301|\u00fbu\u0302|\u00fcu\u0308|\u00fdy\u0301|\u00ffy\u0308|\u0100A\u0304|\u0101a\u0304|\u0102A\u0306|\u0103a\u0306|\u0104A\u0328|\u0105a\u0328|\u0106C\u0301|\u0107c\u0301|\u0108C\u0302|\u0109c\u0302|\u010aC\u0307|\u010bc\u0307|\u010cC\u030c|\u010dc\u030c|\u010eD\u030c|\u010fd\u030c|\u0112E\u0304|\u0113e\u0304|\u0114E\u0306|\u0115e\u0306|\u0116E\u0307|\u0117e\u0307|\u0118E\u0328|\u0119e\u0328|\u011aE\u030c|\u011be\u030c|\u011cG\u0302|\u011dg\u0302|\u011eG\u0306|\u011fg\u0306|\u0120G\u0307|\u0121g\u0307|\u0122G\u0327|\u0123g\u0327|\u0124H\u0302|\u0125h\u0302|\u0128I\u0303|\u0129i\u0303|\u012aI\u0304|\u012bi\u0304|\u012cI\u0306|\u012di\u0306|\u012eI\u0328|\u012fi\u0328|\u0130I\u0307|\u0134J\u0302|\u0135j\u0302|\u0136K\u0327|\u0137k\u0327|\u0139L\u0301|\u013al\u0301|\u013bL\u0327|\u013cl\u0327|\u013dL\u030c|\u013el\u030c|\u0143N\u0301|\u0144n\u0301|\u0145N\u0327|\u0146n\u0327|\u0147N\u030c|\u0148n\u030c|\u014cO\u0304|\u014do\u0304|\u014eO\u0306|\u014fo\u0306|\u0150O\u030b|\u0151o\u030b|\u0154R\u0301|\u0155r\u0301|\u0156R\u0327|\u0157r\u0327|\u0158R\u030c|\u0159r\u030c|\u015aS\u0301|\u015bs\u0301|\u015cS\u0302|\u015ds\u0302|\u015eS\u0327|\u015fs\u0327|\u0160S\u030c|\u0161s\u030c|\u0162T\u0327|\u0163t\u0327|\u0164T\u030c|\u0165t\u030c|\u0168U\u0303|\u0169u\u0303|\u016aU\u0304|\u016bu\u0304|\u016cU\u0306|\u016du\u0306|\u016eU\u030a|\u016fu\u030a|\u0170U\u030b|\u0171u\u030b|\u0172U\u0328|\u0173u\u0328|\u0174W\u0302|\u0175w\u0302|\u0176Y\u0302|\u0177y\u0302|\u0178Y\u0308|\u0179Z\u0301|\u017az\u0301|\u017bZ\u0307|\u017cz\u0307|\u017dZ\u030c|\u017ez\u030c|\u01a0O\u031b|\u01a1o\u031b|\u01afU\u031b|\u01b0u\u031b|\u01cdA\u030c|\u01cea\u030c|\u01cfI\u030c|\u01d0i\u030c|\u01d1O\u030c|\u01d2o\u030c|\u01d3U\u030c|\u01d4u\u030c|\u01d5U\u0308\u0304|\u01d6u\u0308\u0304|\u01d7U\u0308\u0301|\u01d8u\u0308\u0301|\u01d9U\u0308\u030c|\u01dau\u0308\u030c|\u01dbU\u0308\u0300|\u01dcu\u0308\u0300|\u01deA\u0308\u0304|\u01dfa\u0308\u0304|\u01e0A\u0307\u0304|\u01e1a\u0307\u0304|\u01e6G\u030c|\u01e7g\u030c|\u01e8K\u030c|\u01e9k\u030c|\u01eaO\u0328|\u01ebo\u0328|\u01ecO\u0328\u0304|\u01edo\u0328\u0304|\u01f0j\u030c|\u01f4G\u0301|\u01f5g\u0301|\u01f8N\u0300|\u01f9n\u0300|\u01faA\u030a\u0301|\u01fba\u030a\u0301|\u0200A\u030f|\u0201a\u030f|\u0202A\u0311|\u0203a\u0311|\u0204E\u030f|\u0205e\u030f|\u0206E\u0311|\u0207e\u0311|\u0208I\u030f|\u0209i\u030f|\u020aI\u0311|\u020bi\u0311|\u020cO\u030f|\u020do\u030f|\u020eO\u0311|\u020fo\u0311|\u0210R\u030f|\u0211r\u030f|\u0212R\u0311|\u0213r\u0311|\u0214U\u030f|\u0215u\u030f|\u0216U\u0311|\u0217u\u0311|\u0218S\u0326|\u0219s\u0326|\u021aT\u0326|\u021bt\u0326|\u021eH\u030c|\u021fh\u030c|\u0226A\u0307|\u0227a\u0307|\u0228E\u0327|\u0229e\u0327|\u022aO\u0308\u0304|\u022bo\u0308\u0304|\u022cO\u0303\u0304|\u022do\u0303\u0304|\u022eO\u0307|\u022fo\u0307|\u0230O\u0307\u0304|\u0231o\u0307\u0304|\u0232Y\u0304|\u0233y\u0304|\u1e00A\u0325|\u1e01a\u0325|\u1e02B\u0307|\u1e03b\u0307|\u1e04B\u0323|\u1e05b\u0323|\u1e06B\u0331|\u1e07b\u0331|\u1e08C\u0327\u0301|\u1e09c\u0327\u0301|\u1e0aD\u0307|\u1e0bd\u0307|\u1e0cD\u0323|\u1e0dd\u0323|\u1e0eD\u0331|\u1e0fd\u0331|\u1e10D\u0327|\u1e11d\u0327|\u1e12D\u032d|\u1e13d\u032d|\u1e14E\u0304\u0300|\u1e15e\u0304\u0300|\u1e16E\u0304\u0301|\u1e17e\u0304\u0301|\u1e18E\u032d|\u1e19e\u032d|\u1e1aE\u0330|\u1e1be\u0330|\u1e1cE\u0327\u0306|\u1e1de\u0327\u0306|\u1e1eF\u0307|\u1e1ff\u0307|\u1e20G\u0304|\u1e21g\u0304|\u1e22H\u0307|\u1e23h\u0307|\u1e24H\u0323|\u1e25h\u0323|\u1e26H\u0308|\u1e27h\u0308|\u1e28H\u0327|\u1e29h\u0327|\u1e2aH\u032e|\u1e2bh\u032e|\u1e2cI\u0330|\u1e2di\u0330|\u1e2eI\u0308\u0301|\u1e2fi\u0308\u0301|\u1e30K\u0301|\u1e31k\u0301|\u1e32K\u0323|\u1e33k\u0323|\u1e34K\u0331|\u1e35k\u0331|\u1e36L\u0323|\u1e37l\u0323|\u1e38L\u0323\u0304|\u1e39l\u0323\u0304|\u1e3aL\u0331|\u1e3bl\u0331|\u1e3cL\u032d|\u1e3dl\u032d|\u1e3eM\u0301|\u1e3fm\u0301|\u1e40M\u0307|\u1e41m\u0307|\u1e42M\u0323|\u1e43m\u0323|\u1e44N\u0307|\u1e45n\u0307|\u1e46N\u0323|\u1e47n\u0323|\u1e48N\u0331|\u1e49n\u0331|\u1e4aN\u032d|\u1e4bn\u032d|\u1e4cO\u0303\u0301|\u1e4do\u0303\u0301|\u1e4eO\u0303\u0308|\u1e4fo\u0303\u0308|\u1e50O\u0304\u0300|\u1e51o\u0304\u0300|\u1e52O\u0304\u0301|\u1e53o\u0304\u0301|\u1e54P\u0301|\u1e55p\u0301|\u1e56P\u0307|\u1e57p\u0307|\u1e58R\u0307|\u1e59r\u0307|\u1e5aR\u0323|\u1e5br\u0323|\u1e5cR\u0323\u0304|\u1e5dr\u0323\u0304|\u1e5eR\u0331|\u1e5fr\u0331|\u1e60S\u0307|\u1e61s\u0307|\u1e62S\u0323|\u1e63s\u0323|\u1e64S\u0301\u0307|\u1e65s\u0301\u0307|\u1e66S\u030c\u0307|\u1e67s\u030c\u0307|\u1e68S\u0323\u0307|\u1e69s\u0323\u0307|\u1e6aT\u0307|\u1e6bt\u0307|\u1e6cT\u0323|\u1e6dt\u0323|\u1e6eT\u0331|\u1e6ft\u0331|\u1e70T\u032d|\u1e71t\u032d|\u1e72U\u0324|\u1e73u\u0324|\u1e74U\u0330|\u1e75u\u0330|\u1e76U\u032d|\u1e77u\u032d|\u1e78U\u0303\u0301|\u1e79u\u0303\u0301|\u1e7aU\u0304\u0308|\u1e7bu\u0304\u0308|\u1e7cV\u0303|\u1e7dv\u0303|\u1e7eV\u0323|\u1e7fv\u0323|\u1e80W\u0300|\u1e81w\u0300|\u1e82W\u0301|\u1e83w\u0301|\u1e84W\u0308|\u1e85w\u0308|\u1e86W\u0307|\u1e87w\u0307|\u1e88W\u0323|\u1e89w\u0323|\u1e8aX\u0307|\u1e8bx\u0307|\u1e8cX\u0308|\u1e8dx\u0308|\u1e8eY\u0307|\u1e8fy\u0307|\u1e90Z\u0302|\u1e91z\u0302|\u1e92Z\u0323|\u1e93z\u0323|\u1e94Z\u0331|\u1e95z\u0331|\u1e96h\u0331|\u1e97t\u0308|\u1e98w\u030a|\u1e99y\u030a|\u1ea0A\u0323|\u1ea1a\u0323|\u1ea2A\u0309|\u1ea3a\u0309|\u1ea4A\u0302\u0301|\u1ea5a\u0302\u0301|\u1ea6A\u0302\u0300|\u1ea7a\u0302\u0300|\u1ea8A\u0302\u0309|\u1ea9a\u0302\u0309|\u1eaaA\u0302\u0303|\u1eaba\u0302\u0303|\u1eacA\u0323\u0302|\u1eada\u0323\u0302|\u1eaeA\u0306\u0301|\u1eafa\u0306\u0301|\u1eb0A\u0306\u0300|\u1eb1a\u0306\u0300|\u1eb2A\u0306\u0309|\u1eb3a\u0306\u0309|\u1eb4A\u0306\u0303|\u1eb5a\u0306\u0303|\u1eb6A\u0323\u0306|\u1eb7a\u0323\u0306|\u1eb8E\u0323|\u1eb9e\u0323|\u1ebaE\u0309|\u1ebbe\u0309|\u1ebcE\u0303|\u1ebde\u0303|\u1ebeE\u0302\u0301|\u1ebfe\u0302\u0301|\u1ec0E\u0302\u0300|\u1ec1e\u0302\u0300|\u1ec2E\u0302\u0309|\u1ec3e\u0302\u0309|\u1ec4E\u0302\u0303|\u1ec5e\u0302\u0303|\u1ec6E\u0323\u0302|\u1ec7e\u0323\u0302|\u1ec8I\u0309|\u1ec9i\u0309|\u1ecaI\u0323|\u1ecbi\u0323|\u1eccO\u0323|\u1ecdo\u0323|\u1eceO\u0309|\u1ecfo\u0309|\u1ed0O\u0302\u0301|\u1ed1o\u0302\u0301|\u1ed2O\u0302\u0300|\u1ed3o\u0302\u0300|\u1ed4O\u0302\u0309|\u1ed5o\u0302\u0309|\u1ed6O\u0302\u0303|\u1ed7o\u0302\u0303|\u1ed8O\u0323\u0302|\u1ed9o\u0323\u0302|\u1edaO\u031b\u0301|\u1edbo\u031b\u0301|\u1edcO\u031b\u0300|\u1eddo\u031b\u0300|\u1edeO\u031b\u0309|\u1edfo\u031b\u0309|\u1ee0O\u031b\u0303|\u1ee1o\u031b\u0303|\u1ee2O\u031b\u0323|\u1ee3o\u031b\u0323|\u1ee4U\u0323|\u1ee5u\u0323|\u1ee6U\u0309|\u1ee7u\u0309|\u1ee8U\u031b\u0301|\u1ee9u\u031b\u0301|\u1eeaU\u031b\u0300|\u1eebu\u031b\u0300|\u1eecU\u031b\u0309|\u1eedu\u031b\u0309|\u1eeeU\u031b\u0303|\u1eefu\u031b\u0303|\u1ef0U\u031b\u0323|\u1ef1u\u031b\u0323|\u1ef2Y\u0300|\u1ef3y\u0300|\u1ef4Y\u0323|\u1ef5y\u0323|\u1ef6Y\u0309|\u1ef7y\u0309|\u1ef8Y\u0303|\u1ef9y\u0303";
let latinDecompositions = null;
function decompose(text) {
  if (latinDecompositions === null) {
    latinDecompositions = new Map();
    for (const entry of LATIN_DECOMPOSITIONS.split('|')) latinDecompositions.set(entry[0], entry.slice(1));
  }
  let out = '';
  for (const ch of text) out += latinDecompositions.get(ch) ?? ch;
  return out;
}
// Primary weights: whitespace and punctuation (ICU's order), other symbols by code point, digits, Latin letters,
// then letters of other scripts by code point.
const PRIMARY_SYMBOL = 1000, PRIMARY_DIGIT = 2000000, PRIMARY_LETTER = 3000000, PRIMARY_OTHER = 4000000;

// A string's sort key at three levels, each a string that compares in code-unit order (fast on any engine):
// primaries (two code units each, the first never 0), secondaries (accents) and tertiaries (case), one unit each.
// variable marks the primaries of whitespace and punctuation, which ignorePunctuation drops.
function collationKey(text, numeric, ignorePunctuation) {
  const chars = decompose(String(text));
  let primary = '', secondary = '', tertiary = '';
  let accent = 0;
  const flush = () => { if (primary.length) secondary += String.fromCharCode(accent + 1); accent = 0; };
  const push = (weight, caseWeight) => {
    flush();
    primary += String.fromCharCode((weight >>> 16) + 1, weight & 0xffff);
    tertiary += String.fromCharCode(caseWeight + 1);
  };
  for (let i = 0; i < chars.length; i++) {
    const code = chars.codePointAt(i);
    if (code > 0xffff) i++;
    if (code >= 0x300 && code <= 0x36f) { accent = Math.min(accent * 112 + (code - 0x2ff), 0xfffe); continue; }
    if (code >= 48 && code <= 57) {
      if (!numeric) { push(PRIMARY_DIGIT + code - 48, 0); continue; }
      let j = i; while (j < chars.length && chars.charCodeAt(j) >= 48 && chars.charCodeAt(j) <= 57) j++;
      const digits = chars.slice(i, j).replace(/^0+(?=\d)/, '');
      push(PRIMARY_DIGIT - 100 + Math.min(digits.length, 99), 0);
      for (let k = 0; k < digits.length; k++) push(PRIMARY_DIGIT + digits.charCodeAt(k) - 48, 0);
      i = j - 1;
      continue;
    }
    const ch = String.fromCodePoint(code);
    const lower = ch.toLowerCase();
    if (lower >= 'a' && lower <= 'z' && lower.length === 1) { push(PRIMARY_LETTER + lower.charCodeAt(0) - 97, ch === lower ? 0 : 1); continue; }
    const special = COLLATION_LETTERS[ch];
    if (special) {
      for (let k = 0; k < special[0].length; k++) push(PRIMARY_LETTER + special[0].charCodeAt(k) - 97, special[1] + 1);
      continue;
    }
    const variable = COLLATION_VARIABLE.indexOf(ch);
    if (variable >= 0 || /\s/.test(ch)) { if (!ignorePunctuation) push(1 + Math.max(variable, 0), 0); continue; }
    // Other symbols and punctuation (emoji, arrows, CJK punctuation…) sort among the symbols, before the digits.
    if (!/[\p{L}\p{N}]/u.test(ch)) { push(PRIMARY_SYMBOL + code, 0); continue; }
    push(PRIMARY_OTHER + (lower.length === 1 ? lower.charCodeAt(0) : code), lower === ch ? 0 : 1);
  }
  flush();
  return [primary, secondary, tertiary];
}

// A compare function for resolved Collator options (sensitivity, numeric, caseFirst, ignorePunctuation). Each
// string's levels are joined into one key (levels apart by U+0000, below every weight), so a comparison is one
// code-unit comparison of two cached keys.
function makeCollationCompare(options) {
  const sensitivity = options.sensitivity || 'variant';
  const numeric = options.numeric === true;
  const upperFirst = options.caseFirst === 'upper';
  const ignorePunctuation = options.ignorePunctuation === true;
  const cache = new Map();
  const keyOf = (text) => {
    let key = cache.get(text);
    if (key === undefined) {
      const [primary, secondary, tertiary] = collationKey(text, numeric, ignorePunctuation);
      // Upper case first: swap the case weights of lower (1) and upper (2) case.
      const caseLevel = upperFirst ? tertiary.replace(/[\u0001\u0002]/g, (c) => (c === '\u0001' ? '\u0002' : '\u0001')) : tertiary;
      key = sensitivity === 'base' ? primary
        : sensitivity === 'accent' ? primary + '\u0000' + secondary
          : sensitivity === 'case' ? primary + '\u0000' + caseLevel
            : primary + '\u0000' + secondary + '\u0000' + caseLevel;
      if (cache.size > 2000) cache.clear();
      cache.set(text, key);
    }
    return key;
  };
  return (x, y) => {
    const a = keyOf(typeof x === 'string' ? x : String(x)), b = keyOf(typeof y === 'string' ? y : String(y));
    return a === b ? 0 : a < b ? -1 : 1;
  };
}
