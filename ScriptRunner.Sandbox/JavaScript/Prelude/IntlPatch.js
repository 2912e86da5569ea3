// Jint's Intl, corrected for en-US where it differs from V8's (see docs/javascript-intl.md): its formatters keep
// their options, validation and every other locale, and the en-US answers that Jint takes from .NET's culture data
// (absent on a host without ICU) are replaced: date patterns, collation, percent and currency spacing, "∞", the
// locale it reports. Installed on Jint only, before the script runs, and only the pieces the script's text names
// (see JintPreparedCode.LocaleUses): 1 the Intl constructors, 2 the toLocale… methods, 4 localeCompare.
function patchIntl(use) {
  const Intl = G.Intl;
  const NativeDateTimeFormat = Intl.DateTimeFormat;
  const NativeNumberFormat = Intl.NumberFormat;
  const NativeCollator = Intl.Collator;
  const nativeLocaleCompare = String.prototype.localeCompare;
  const define = (target, key, value) => Object.defineProperty(target, key, { value, writable: true, configurable: true, enumerable: false });
  const defineGetter = (target, key, get) => Object.defineProperty(target, key, { get, configurable: true, enumerable: false });

  // en-US data applies when the first requested locale is en or en-US (or none is requested).
  const requestedLocale = (locales) => {
    if (locales === undefined) return 'en-US';
    const list = Intl.getCanonicalLocales(locales);
    return list.length === 0 ? 'en-US' : list[0];
  };
  const isEnglishUs = (tag) => /^en(-US)?(-u-|$)/.test(tag);
  // Languages whose collation is CLDR's root order (no tailoring), which makeCollationCompare follows.
  const isRootCollation = (tag) => /^(en|de|fr|it|pt|nl|id|ms)(-|$)/.test(tag) && !/-u-(.*-)?co-/.test(tag);
  const joinParts = (parts) => { let text = ''; for (const part of parts) text += part.value; return text; };

  // Jint's own methods, taken before any is replaced.
  const dtfPrototype = NativeDateTimeFormat.prototype;
  const nativeDtfFormat = Object.getOwnPropertyDescriptor(dtfPrototype, 'format').get;
  const nativeDtfFormatToParts = dtfPrototype.formatToParts;
  const nativeDtfResolved = dtfPrototype.resolvedOptions;
  const nfPrototype = NativeNumberFormat.prototype;
  const nativeNfFormat = Object.getOwnPropertyDescriptor(nfPrototype, 'format').get;
  const nativeNfFormatToParts = nfPrototype.formatToParts;
  const nativeNfResolved = nfPrototype.resolvedOptions;
  const nativeCollatorResolved = NativeCollator.prototype.resolvedOptions;

  const timeValue = (date) => {
    const x = date === undefined ? Date.now() : Number(date);
    if (!Number.isFinite(x) || Math.abs(x) > 8.64e15) throw new RangeError('Invalid time value');
    return Math.trunc(x) + 0;
  };
  // The en-US text of time value x for a Jint DateTimeFormat.
  const englishDateText = (dtf, x) => joinParts(englishDateParts(NativeDateTimeFormat, nativeDtfResolved.call(dtf), x) ?? nativeDtfFormatToParts.call(dtf, x));
  // Jint's number parts with en-US spacing and symbols.
  const englishNumberParts = (nf, value) => {
    const parts = nativeNfFormatToParts.call(nf, value);
    if (typeof value === 'bigint') return parts;
    const options = nativeNfResolved.call(nf);
    const fixed = [];
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i];
      if (part.type === 'literal' && part.value.trim() === '' && (parts[i + 1]?.type === 'percentSign' || parts[i - 1]?.type === 'percentSign')) continue;
      if (part.type === 'infinity') { fixed.push({ type: 'infinity', value: '\u221e' }); continue; }
      fixed.push(part);
    }
    if (options.style === 'currency' && options.currencyDisplay === 'name') {
      const at = fixed.findIndex((p) => p.type === 'currency');
      if (at >= 0 && fixed[at + 1] !== undefined && fixed[at + 1].type !== 'literal') { const [currency] = fixed.splice(at, 1); fixed.push({ type: 'literal', value: ' ' }, currency); }
    } else if (options.style === 'currency' && options.currencyDisplay === 'code') {
      const at = fixed.findIndex((p) => p.type === 'currency');
      if (at >= 0 && fixed[at + 1] !== undefined && fixed[at + 1].type !== 'literal') fixed.splice(at + 1, 0, { type: 'literal', value: '\u00a0' });
    }
    return fixed;
  };
  const englishNumberText = (nf, value) => (typeof value === 'bigint' ? nativeNfFormat.call(nf)(value) : joinParts(englishNumberParts(nf, value)));

  if (use & 1) patchIntlConstructors();
  if (use & 3) patchLocaleMethods();
  if (use & 5) patchLocaleCompare();

  // The Intl constructors, over Jint's.
  function patchIntlConstructors() {
    const NativeRelativeTimeFormat = Intl.RelativeTimeFormat;
    const reportedLocale = (tag, resolved) => (isEnglishUs(tag) ? tag.replace(/-u-.*$/, '') : resolved);
    // A constructor over Jint's, keeping its prototype (so instanceof and subclassing hold) and noting what each
    // instance was asked for.
    const states = new WeakMap();
    function wrap(Native, requireNew) {
      const Wrapped = function (locales, options) {
        if (requireNew && new.target === undefined) throw new TypeError(`Constructor Intl.${Native.name} requires 'new'`);
        const instance = Reflect.construct(Native, [locales, options], new.target === undefined ? Wrapped : new.target);
        const tag = requestedLocale(locales);
        states.set(instance, { english: isEnglishUs(tag), root: isRootCollation(tag), tag, compare: undefined, format: undefined });
        return instance;
      };
      Object.defineProperty(Wrapped, 'name', { value: Native.name });
      Object.defineProperty(Wrapped, 'length', { value: 0 });
      Object.defineProperty(Wrapped, 'prototype', { value: Native.prototype });
      define(Native.prototype, 'constructor', Wrapped);
      define(Wrapped, 'supportedLocalesOf', Native.supportedLocalesOf);
      define(Intl, Native.name, Wrapped);
      return Wrapped;
    }
    const stateOf = (instance) => states.get(instance);
    const patchResolvedOptions = (prototype) => {
      const native = prototype.resolvedOptions;
      define(prototype, 'resolvedOptions', { resolvedOptions() {
        const options = native.call(this);
        const state = stateOf(this);
        if (state !== undefined) options.locale = reportedLocale(state.tag, options.locale);
        return options;
      } }.resolvedOptions);
    };

    // DateTimeFormat
    wrap(NativeDateTimeFormat, false);
    const dateParts = (dtf, date) => {
      const state = stateOf(dtf);
      if (state === undefined || !state.english) return null;
      return englishDateParts(NativeDateTimeFormat, nativeDtfResolved.call(dtf), timeValue(date));
    };
    defineGetter(dtfPrototype, 'format', function () {
      const state = stateOf(this);
      if (state === undefined || !state.english) return nativeDtfFormat.call(this);
      if (state.format === undefined) { const dtf = this; state.format = (date) => joinParts(dateParts(dtf, date) ?? nativeDtfFormatToParts.call(dtf, date)); }
      return state.format;
    });
    define(dtfPrototype, 'formatToParts', { formatToParts(date) { return dateParts(this, date) ?? nativeDtfFormatToParts.call(this, date); } }.formatToParts);
    const nativeFormatRange = dtfPrototype.formatRange;
    const nativeFormatRangeToParts = dtfPrototype.formatRangeToParts;
    const rangeParts = (dtf, startDate, endDate) => {
      const state = stateOf(dtf);
      if (state === undefined || !state.english || startDate === undefined || endDate === undefined) return null;
      return englishDateRangeParts(NativeDateTimeFormat, nativeDtfResolved.call(dtf), timeValue(startDate), timeValue(endDate));
    };
    if (typeof nativeFormatRange === 'function') {
      define(dtfPrototype, 'formatRange', { formatRange(startDate, endDate) {
        const parts = rangeParts(this, startDate, endDate);
        return parts === null ? nativeFormatRange.call(this, startDate, endDate) : joinParts(parts);
      } }.formatRange);
    }
    if (typeof nativeFormatRangeToParts === 'function') {
      define(dtfPrototype, 'formatRangeToParts', { formatRangeToParts(startDate, endDate) {
        return rangeParts(this, startDate, endDate) ?? nativeFormatRangeToParts.call(this, startDate, endDate);
      } }.formatRangeToParts);
    }
    patchResolvedOptions(dtfPrototype);

    // NumberFormat: the spacing and symbols Jint takes from .NET's invariant culture.
    wrap(NativeNumberFormat, false);
    const numberParts = (nf, value) => {
      const state = stateOf(nf);
      return state === undefined || !state.english ? nativeNfFormatToParts.call(nf, value) : englishNumberParts(nf, value);
    };
    defineGetter(nfPrototype, 'format', function () {
      const state = stateOf(this);
      if (state === undefined || !state.english) return nativeNfFormat.call(this);
      if (state.format === undefined) { const nf = this; state.format = (value) => englishNumberText(nf, value); }
      return state.format;
    });
    define(nfPrototype, 'formatToParts', { formatToParts(value) { return numberParts(this, value); } }.formatToParts);
    // A percent range with ICU's spacing ("10% – 20%", "~10%"); other ranges are Jint's, which already agree.
    const nativeNfFormatRange = nfPrototype.formatRange;
    if (typeof nativeNfFormatRange === 'function') {
      define(nfPrototype, 'formatRange', { formatRange(start, end) {
        const state = stateOf(this);
        const answer = nativeNfFormatRange.call(this, start, end);
        if (state === undefined || !state.english || nativeNfResolved.call(this).style !== 'percent') return answer;
        const from = joinParts(numberParts(this, start)), to = joinParts(numberParts(this, end));
        return from === to ? '~' + from : from + ' \u2013 ' + to;
      } }.formatRange);
    }
    patchResolvedOptions(nfPrototype);

    // Collator: an en collation instead of .NET's code-unit order.
    wrap(NativeCollator, false);
    const collatorPrototype = NativeCollator.prototype;
    const nativeCompare = Object.getOwnPropertyDescriptor(collatorPrototype, 'compare').get;
    defineGetter(collatorPrototype, 'compare', function () {
      const state = stateOf(this);
      if (state === undefined || !state.root) return nativeCompare.call(this);
      if (state.compare === undefined) state.compare = makeCollationCompare(nativeCollatorResolved.call(this));
      return state.compare;
    });
    patchResolvedOptions(collatorPrototype);

    // RelativeTimeFormat: only the locale it reports differs.
    wrap(NativeRelativeTimeFormat, true);
    patchResolvedOptions(NativeRelativeTimeFormat.prototype);

    // PluralRules: "1.0" is "other" in English; the resolved options name every rounding option.
    const pluralPrototype = Intl.PluralRules.prototype;
    const nativeSelect = pluralPrototype.select;
    const nativePluralResolved = pluralPrototype.resolvedOptions;
    define(pluralPrototype, 'select', { select(value) {
      const category = nativeSelect.call(this, value);
      const options = nativePluralResolved.call(this);
      if (options.type !== 'cardinal' || options.locale !== 'en' || category !== 'one') return category;
      const digits = { minimumIntegerDigits: 1, minimumFractionDigits: options.minimumFractionDigits, maximumFractionDigits: options.maximumFractionDigits, useGrouping: false };
      if (options.minimumSignificantDigits !== undefined) { digits.minimumSignificantDigits = options.minimumSignificantDigits; digits.maximumSignificantDigits = options.maximumSignificantDigits; }
      return new NativeNumberFormat('en', digits).format(Math.abs(Number(value))) === '1' ? 'one' : 'other';
    } }.select);
    define(pluralPrototype, 'resolvedOptions', { resolvedOptions() {
      const options = nativePluralResolved.call(this);
      const defaults = { roundingIncrement: 1, roundingMode: 'halfExpand', roundingPriority: 'auto', trailingZeroDisplay: 'auto' };
      for (const key of Object.keys(defaults)) if (!(key in options)) options[key] = defaults[key];
      return options;
    } }.resolvedOptions);
  }

  // The locale methods of Date, Number and BigInt, through Jint's formatters and the en-US corrections.
  function patchLocaleMethods() {
    const dateOptions = (options, required, defaults) => {
      const o = Object.create(options === undefined ? null : Object(options));
      let needDefaults = true;
      if (required !== 'time') for (const key of ['weekday', 'year', 'month', 'day']) if (o[key] !== undefined) needDefaults = false;
      if (required !== 'date') for (const key of ['dayPeriod', 'hour', 'minute', 'second', 'fractionalSecondDigits']) if (o[key] !== undefined) needDefaults = false;
      if (o.dateStyle !== undefined || o.timeStyle !== undefined) needDefaults = false;
      if (required === 'date' && o.timeStyle !== undefined) throw new TypeError('Invalid option : timeStyle');
      if (required === 'time' && o.dateStyle !== undefined) throw new TypeError('Invalid option : dateStyle');
      if (needDefaults && defaults !== 'time') { o.year = 'numeric'; o.month = 'numeric'; o.day = 'numeric'; }
      if (needDefaults && defaults !== 'date') { o.hour = 'numeric'; o.minute = 'numeric'; o.second = 'numeric'; }
      return o;
    };
    const thisTimeValue = Date.prototype.getTime;
    const localeDate = (name, required, defaults) => define(Date.prototype, name, { [name](locales, options) {
      const x = thisTimeValue.call(this);
      if (Number.isNaN(x)) return 'Invalid Date';
      const dtf = new NativeDateTimeFormat(locales, dateOptions(options, required, defaults));
      return isEnglishUs(requestedLocale(locales)) ? englishDateText(dtf, x) : nativeDtfFormat.call(dtf)(x);
    } }[name]);
    localeDate('toLocaleString', 'any', 'all');
    localeDate('toLocaleDateString', 'date', 'date');
    localeDate('toLocaleTimeString', 'time', 'time');
    const localeNumber = (prototype, valueOf) => define(prototype, 'toLocaleString', { toLocaleString(locales, options) {
      const value = valueOf.call(this);
      const nf = new NativeNumberFormat(locales, options);
      return isEnglishUs(requestedLocale(locales)) ? englishNumberText(nf, value) : nativeNfFormat.call(nf)(value);
    } }.toLocaleString);
    localeNumber(Number.prototype, Number.prototype.valueOf);
    if (typeof BigInt === 'function') localeNumber(BigInt.prototype, BigInt.prototype.valueOf);
  }

  // String.prototype.localeCompare with the root collation for the languages that use it.
  function patchLocaleCompare() {
    let defaultCompare;
    define(String.prototype, 'localeCompare', { localeCompare(that, locales, options) {
      if (this === undefined || this === null) throw new TypeError('String.prototype.localeCompare called on null or undefined');
      if (locales === undefined && options === undefined) {
        defaultCompare ??= makeCollationCompare(nativeCollatorResolved.call(new NativeCollator()));
        return defaultCompare(this, that);
      }
      if (!isRootCollation(requestedLocale(locales))) return nativeLocaleCompare.call(this, that, locales, options);
      return makeCollationCompare(nativeCollatorResolved.call(new NativeCollator(locales, options)))(this, that);
    } }.localeCompare);
  }
}
