// en-US date and time formatting for Jint, with CLDR's en patterns as V8's ICU gives them: Jint's own formatter
// reads its patterns from .NET's culture data, which a host without ICU does not have ("January, 1970" where V8
// says "January 1970"). The fields come from the UTC getters, or from Jint's formatter in any other time zone.
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DATE_STYLES = { full: ['long', 'long', 'numeric', 'numeric'], long: [undefined, 'long', 'numeric', 'numeric'], medium: [undefined, 'short', 'numeric', 'numeric'], short: [undefined, 'numeric', 'numeric', '2-digit'] };
const zoneFieldFormats = new Map();

function pad2(n) { return n < 10 ? '0' + n : String(n); }

// The calendar fields of time value x in timeZone.
function dateFields(NativeDateTimeFormat, timeZone, x) {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC' || timeZone === 'Etc/GMT') {
    const d = new Date(x);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth(), day: d.getUTCDate(), weekday: d.getUTCDay(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(), ms: d.getUTCMilliseconds() };
  }
  let format = zoneFieldFormats.get(timeZone);
  if (format === undefined) {
    format = new NativeDateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' });
    zoneFieldFormats.set(timeZone, format);
  }
  const f = {};
  for (const part of format.formatToParts(x)) if (part.type !== 'literal') f[part.type] = Number(part.value);
  const utc = Date.UTC(f.year, f.month - 1, f.day);
  return { year: f.year, month: f.month - 1, day: f.day, weekday: new Date(utc).getUTCDay(), hour: f.hour % 24, minute: f.minute, second: f.second, ms: ((x % 1000) + 1000) % 1000 };
}

function monthText(style, month) {
  if (style === 'long') return MONTH_NAMES[month];
  if (style === 'short') return MONTH_NAMES[month].slice(0, 3);
  if (style === 'narrow') return MONTH_NAMES[month][0];
  return style === '2-digit' ? pad2(month + 1) : String(month + 1);
}

function weekdayText(style, weekday) {
  const name = WEEKDAY_NAMES[weekday];
  return style === 'long' ? name : style === 'short' ? name.slice(0, 3) : name[0];
}

function yearText(style, year) {
  return style === '2-digit' ? pad2(((year % 100) + 100) % 100) : String(year);
}

// weekday, month, day, year: CLDR en's "EEEE, MMMM d, y", "EEE, M/d/y", "MMM y", "M/d", "d EEE"…
function pushDate(parts, o, f) {
  const add = (type, value) => parts.push({ type, value });
  const weekday = o.weekday !== undefined ? weekdayText(o.weekday, f.weekday) : undefined;
  const day = o.day !== undefined ? (o.day === '2-digit' ? pad2(f.day) : String(f.day)) : undefined;
  const year = o.year !== undefined ? yearText(o.year, f.year) : undefined;
  if (o.month !== undefined) {
    const textual = o.month === 'long' || o.month === 'short' || o.month === 'narrow';
    if (weekday !== undefined) { add('weekday', weekday); add('literal', ', '); }
    add('month', monthText(o.month, f.month));
    if (textual) {
      if (day !== undefined) { add('literal', ' '); add('day', day); }
      if (year !== undefined) { add('literal', day !== undefined ? ', ' : ' '); add('year', year); }
    } else {
      if (day !== undefined) { add('literal', '/'); add('day', day); }
      if (year !== undefined) { add('literal', '/'); add('year', year); }
    }
    return;
  }
  if (day !== undefined && weekday !== undefined) { add('day', day); add('literal', ' '); add('weekday', weekday); if (year !== undefined) { add('literal', ', '); add('year', year); } return; }
  const fields = [['weekday', weekday], ['year', year], ['day', day]].filter((e) => e[1] !== undefined);
  fields.forEach(([type, value], i) => { if (i) add('literal', ' '); add(type, value); });
}

function zoneName(NativeDateTimeFormat, style, timeZone, x) {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return style === 'long' ? 'Coordinated Universal Time' : 'UTC';
  const native = new NativeDateTimeFormat('en-US', { timeZone, timeZoneName: style });
  for (const part of native.formatToParts(x)) if (part.type === 'timeZoneName') return part.value;
  return timeZone;
}

// hour, minute, second, fractional seconds, AM/PM and the zone: "h:mm:ss a", "HH:mm", "mm:ss", "h a z"…
function pushTime(parts, o, f, zone) {
  const add = (type, value) => parts.push({ type, value });
  const start = parts.length;
  const twelve = o.hourCycle === 'h12' || o.hourCycle === 'h11';
  const fraction = o.fractionalSecondDigits !== undefined ? String(f.ms).padStart(3, '0').slice(0, o.fractionalSecondDigits) : undefined;
  if (o.hour !== undefined) {
    let hour = f.hour;
    if (o.hourCycle === 'h12') hour = hour % 12 || 12;
    else if (o.hourCycle === 'h11') hour %= 12;
    else if (o.hourCycle === 'h24') hour = hour || 24;
    add('hour', twelve && o.hour !== '2-digit' ? String(hour) : pad2(hour));
    if (o.minute !== undefined) { add('literal', ':'); add('minute', pad2(f.minute)); }
    if (o.second !== undefined) { add('literal', ':'); add('second', pad2(f.second)); }
    if (fraction !== undefined) { add('literal', '.'); add('fractionalSecond', fraction); }
    if (twelve) { add('literal', ' '); add('dayPeriod', f.hour < 12 ? 'AM' : 'PM'); }
  } else if (o.minute !== undefined && o.second !== undefined) {
    add('minute', pad2(f.minute)); add('literal', ':'); add('second', pad2(f.second));
    if (fraction !== undefined) { add('literal', '.'); add('fractionalSecond', fraction); }
  } else if (o.minute !== undefined) {
    add('minute', String(f.minute));
  } else if (o.second !== undefined) {
    add('second', String(f.second));
    if (fraction !== undefined) { add('literal', '.'); add('fractionalSecond', fraction); }
  } else if (fraction !== undefined) {
    add('fractionalSecond', fraction);
  }
  if (zone !== undefined) { if (parts.length > start) add('literal', ' '); add('timeZoneName', zone); }
}

// The parts of x for a formatter's resolved options, or null when the options ask for what this does not do (eras,
// day periods, other calendars or numbering systems): Jint's own answer is kept then.
function englishDateParts(NativeDateTimeFormat, o, x) {
  if (o.calendar !== 'gregory' || o.numberingSystem !== 'latn' || o.era !== undefined || o.dayPeriod !== undefined) return null;
  if (o.timeZoneName !== undefined && o.timeZoneName !== 'short' && o.timeZoneName !== 'long') return null;
  const f = dateFields(NativeDateTimeFormat, o.timeZone, x);
  const parts = [];
  if (o.dateStyle !== undefined || o.timeStyle !== undefined) {
    if (o.dateStyle !== undefined) {
      const [weekday, month, day, year] = DATE_STYLES[o.dateStyle];
      pushDate(parts, { weekday, month, day, year }, f);
    }
    if (o.timeStyle !== undefined) {
      if (parts.length) parts.push({ type: 'literal', value: o.dateStyle === 'full' || o.dateStyle === 'long' ? ' at ' : ', ' });
      const seconds = o.timeStyle !== 'short' ? '2-digit' : undefined;
      const zone = o.timeStyle === 'full' ? zoneName(NativeDateTimeFormat, 'long', o.timeZone, x) : o.timeStyle === 'long' ? zoneName(NativeDateTimeFormat, 'short', o.timeZone, x) : undefined;
      pushTime(parts, { hour: 'numeric', minute: '2-digit', second: seconds, hourCycle: o.hourCycle || 'h12' }, f, zone);
    }
    return parts;
  }
  pushDate(parts, o, f);
  const zone = o.timeZoneName !== undefined ? zoneName(NativeDateTimeFormat, o.timeZoneName, o.timeZone, x) : undefined;
  const hasTime = o.hour !== undefined || o.minute !== undefined || o.second !== undefined || o.fractionalSecondDigits !== undefined;
  if (hasTime || zone !== undefined) {
    // A weekday alone joins the time with a space ("Tue 2:07 PM"), a date with a comma.
    if (parts.length) parts.push({ type: 'literal', value: parts.length === 1 && parts[0].type === 'weekday' ? ' ' : ', ' });
    pushTime(parts, o, f, zone);
  }
  return parts;
}

// The parts of a range from x to y, with ICU en's interval rules for the everyday cases: equal ends are said once;
// a time range across days shows the dates, a month-and-day range across years the years; a date range with a
// written month says the shared year (and month) once ("Mar 5 – 8, 2024", "March – June 2024"); a same-day time
// range says the shared date and AM/PM once ("Mar 5, 2024, 2:07 – 3:07 PM"). Anything else is "start – end".
function englishDateRangeParts(NativeDateTimeFormat, o, x, y) {
  const first = englishDateParts(NativeDateTimeFormat, o, x), second = englishDateParts(NativeDateTimeFormat, o, y);
  if (first === null || second === null) return null;
  const text = (parts) => parts.map((p) => p.value).join('');
  const tag = (parts, source) => parts.map((p) => ({ type: p.type, value: p.value, source }));
  const separator = { type: 'literal', value: '\u2009\u2013\u2009', source: 'shared' };
  const both = (p, q) => [...tag(p, 'startRange'), separator, ...tag(q, 'endRange')];
  if (text(first) === text(second)) return tag(first, 'shared');
  const a = dateFields(NativeDateTimeFormat, o.timeZone, x), b = dateFields(NativeDateTimeFormat, o.timeZone, y);
  const styled = o.dateStyle !== undefined || o.timeStyle !== undefined;
  const hasDate = o.dateStyle !== undefined || o.year !== undefined || o.month !== undefined || o.day !== undefined || o.weekday !== undefined;
  const hasTime = o.timeStyle !== undefined || o.hour !== undefined || o.minute !== undefined || o.second !== undefined;
  const sameDay = a.year === b.year && a.month === b.month && a.day === b.day;
  if (!styled && !hasDate && hasTime && !sameDay) {
    const wider = Object.assign({}, o, { year: 'numeric', month: 'numeric', day: 'numeric' });
    return both(englishDateParts(NativeDateTimeFormat, wider, x), englishDateParts(NativeDateTimeFormat, wider, y));
  }
  if (!styled && o.year === undefined && o.month !== undefined && o.day !== undefined && a.year !== b.year) {
    const wider = Object.assign({}, o, { year: 'numeric' });
    return both(englishDateParts(NativeDateTimeFormat, wider, x), englishDateParts(NativeDateTimeFormat, wider, y));
  }
  const dateOnly = o.dateStyle === 'long' || o.dateStyle === 'medium'
    ? { month: o.dateStyle === 'long' ? 'long' : 'short', day: 'numeric', year: 'numeric' }
    : (!styled && !hasTime && o.weekday === undefined && (o.month === 'long' || o.month === 'short') ? o : null);
  if (dateOnly !== null && !hasTime && a.year === b.year) {
    const withoutYear = { month: dateOnly.month, day: dateOnly.day };
    const tail = dateOnly.year === undefined ? [] : [{ type: 'literal', value: dateOnly.day !== undefined ? ', ' : ' ', source: 'shared' }, { type: 'year', value: yearText(dateOnly.year, a.year), source: 'shared' }];
    if (a.month === b.month && dateOnly.day !== undefined) {
      return [{ type: 'month', value: monthText(dateOnly.month, a.month), source: 'shared' }, { type: 'literal', value: ' ', source: 'shared' },
        { type: 'day', value: String(a.day), source: 'startRange' }, separator, { type: 'day', value: String(b.day), source: 'endRange' }, ...tail];
    }
    const start = [], end = [];
    pushDate(start, withoutYear, a);
    pushDate(end, withoutYear, b);
    return [...tag(start, 'startRange'), separator, ...tag(end, 'endRange'), ...tail];
  }
  const twelve = o.timeStyle !== undefined ? (o.hourCycle || 'h12') === 'h12' : o.hourCycle === 'h12' || o.hourCycle === 'h11';
  const zoned = o.timeZoneName !== undefined || o.timeStyle === 'long' || o.timeStyle === 'full';
  if (sameDay && hasTime && !zoned && (!twelve || (a.hour < 12) === (b.hour < 12))) {
    const timeOptions = o.timeStyle !== undefined
      ? { hour: 'numeric', minute: '2-digit', second: o.timeStyle === 'short' ? undefined : '2-digit', hourCycle: o.hourCycle || 'h12' }
      : { hour: o.hour, minute: o.minute, second: o.second, fractionalSecondDigits: o.fractionalSecondDigits, hourCycle: o.hourCycle };
    const start = [], end = [];
    pushTime(start, timeOptions, a, undefined);
    pushTime(end, timeOptions, b, undefined);
    const period = twelve ? end.splice(end.length - 2, 2) : [];
    if (twelve) start.splice(start.length - 2, 2);
    const head = [];
    if (hasDate) {
      const dateOptions = o.dateStyle !== undefined ? DATE_STYLES[o.dateStyle] : null;
      pushDate(head, dateOptions !== null ? { weekday: dateOptions[0], month: dateOptions[1], day: dateOptions[2], year: dateOptions[3] } : o, a);
      head.push({ type: 'literal', value: o.dateStyle === 'full' || o.dateStyle === 'long' ? ' at ' : ', ' });
    }
    return [...tag(head, 'shared'), ...tag(start, 'startRange'), separator, ...tag(end, 'endRange'), ...tag(period, 'shared')];
  }
  return both(first, second);
}
