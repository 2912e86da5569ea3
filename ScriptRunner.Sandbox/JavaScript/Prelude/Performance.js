// performance after High Resolution Time and User Timing: now() is the execution's clock (milliseconds since the
// execution started, the clock its timers run on), timeOrigin the wall-clock time it started, and marks and
// measures live for the execution only.
const makePerformance = once(() => {
  const domString = (value) => `${value}`; // Web IDL's DOMString: a symbol is a TypeError
  const timeOrigin = dateNow() - host.now();
  const constructing = {};
  const entries = [];
  const domException = (message, name) => new (web().makeDOMException())(message, name);

  class PerformanceEntry {
    #name; #entryType; #startTime; #duration;
    constructor(key, name, entryType, startTime, duration) {
      if (key !== constructing) throw new TypeError("Failed to construct 'PerformanceEntry': Illegal constructor");
      this.#name = name; this.#entryType = entryType; this.#startTime = startTime; this.#duration = duration;
    }
    get name() { return this.#name; }
    get entryType() { return this.#entryType; }
    get startTime() { return this.#startTime; }
    get duration() { return this.#duration; }
    toJSON() { return { name: this.name, entryType: this.entryType, startTime: this.startTime, duration: this.duration, detail: this.detail }; }
  }

  class PerformanceMark extends PerformanceEntry {
    #detail;
    constructor(name, options) {
      const bag = options === undefined || options === null ? {} : options;
      const startTime = bag.startTime === undefined ? host.now() : Number(bag.startTime);
      if (!Number.isFinite(startTime)) throw new TypeError("Failed to construct 'PerformanceMark': The provided double value is non-finite.");
      if (startTime < 0) throw new TypeError("Failed to construct 'PerformanceMark': 'startTime' cannot be negative.");
      super(constructing, domString(name), 'mark', startTime, 0);
      this.#detail = bag.detail === undefined || bag.detail === null ? null : web().structuredClone(bag.detail);
    }
    get detail() { return this.#detail; }
    get [Symbol.toStringTag]() { return 'PerformanceMark'; }
  }

  class PerformanceMeasure extends PerformanceEntry {
    #detail;
    constructor(key, name, startTime, duration, detail) {
      super(key, name, 'measure', startTime, duration);
      this.#detail = detail;
    }
    get detail() { return this.#detail; }
    get [Symbol.toStringTag]() { return 'PerformanceMeasure'; }
  }

  // A mark's name or a timestamp, as measure() takes them.
  function timestamp(value, what) {
    if (typeof value === 'string') {
      for (let i = entries.length - 1; i >= 0; i--) if (entries[i].entryType === 'mark' && entries[i].name === value) return entries[i].startTime;
      throw domException(`Failed to execute 'measure' on 'Performance': The mark '${value}' does not exist.`, 'SyntaxError');
    }
    const time = Number(value);
    if (time < 0) throw new TypeError(`Failed to execute 'measure' on 'Performance': '${what}' cannot be negative.`);
    return time;
  }

  const sorted = (list) => list.slice().sort((a, b) => a.startTime - b.startTime);
  const remove = (type, name) => {
    for (let i = entries.length - 1; i >= 0; i--) if (entries[i].entryType === type && (name === undefined || entries[i].name === domString(name))) entries.splice(i, 1);
  };

  class Performance {
    constructor(key) { if (key !== constructing) throw new TypeError("Failed to construct 'Performance': Illegal constructor"); }
    now() { return host.now(); }
    get timeOrigin() { return timeOrigin; }
    mark(markName, markOptions) {
      if (arguments.length === 0) throw new TypeError("Failed to execute 'mark' on 'Performance': 1 argument required, but only 0 present.");
      const mark = new PerformanceMark(markName, markOptions);
      entries.push(mark);
      return mark;
    }
    measure(measureName, startOrMeasureOptions, endMark) {
      if (arguments.length === 0) throw new TypeError("Failed to execute 'measure' on 'Performance': 1 argument required, but only 0 present.");
      const options = startOrMeasureOptions !== null && typeof startOrMeasureOptions === 'object' ? startOrMeasureOptions : null;
      const has = (key) => options !== null && options[key] !== undefined;
      if (options && (has('start') || has('end') || has('duration') || has('detail'))) {
        if (endMark !== undefined) throw new TypeError("Failed to execute 'measure' on 'Performance': If a non-empty PerformanceMeasureOptions object was passed, |end_mark| must not be passed.");
        if (!has('start') && !has('end')) throw new TypeError("Failed to execute 'measure' on 'Performance': If a non-empty PerformanceMeasureOptions object was passed, at least one of its 'start' or 'end' properties must be present.");
        if (has('start') && has('duration') && has('end')) throw new TypeError("Failed to execute 'measure' on 'Performance': If a non-empty PerformanceMeasureOptions object was passed, it must not have all of its 'start', 'duration', and 'end' properties present.");
      }
      let end;
      if (endMark !== undefined) end = timestamp(endMark, 'end');
      else if (has('end')) end = timestamp(options.end, 'end');
      else if (has('start') && has('duration')) end = timestamp(options.start, 'start') + timestamp(options.duration, 'duration');
      else end = host.now();
      let start;
      if (has('start')) start = timestamp(options.start, 'start');
      else if (has('duration') && has('end')) start = end - timestamp(options.duration, 'duration');
      else if (options === null && startOrMeasureOptions !== undefined) start = timestamp(startOrMeasureOptions, 'start');
      else start = 0;
      const detail = has('detail') ? web().structuredClone(options.detail) : null;
      const measure = new PerformanceMeasure(constructing, domString(measureName), start, end - start, detail);
      entries.push(measure);
      return measure;
    }
    getEntries() { return sorted(entries); }
    getEntriesByType(type) { return sorted(entries.filter((e) => e.entryType === domString(type))); }
    getEntriesByName(name, type) {
      return sorted(entries.filter((e) => e.name === domString(name) && (type === undefined || e.entryType === domString(type))));
    }
    clearMarks(markName) { remove('mark', markName); }
    clearMeasures(measureName) { remove('measure', measureName); }
    toJSON() { return { timeOrigin }; }
    get [Symbol.toStringTag]() { return 'Performance'; }
  }

  return new Performance(constructing);
});
