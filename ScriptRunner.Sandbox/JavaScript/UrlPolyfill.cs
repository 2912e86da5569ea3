namespace ScriptRunner.Sandbox.JavaScript;

/// <summary>
/// <c>URL</c> and <c>URLSearchParams</c> for the script, written in ES5 and run in the script's own engine (so it is
/// instrumented and limited like the script). A URL is parsed once: its properties are a snapshot, and
/// <c>searchParams</c> edits show in <c>searchParams.toString()</c>, not in <c>href</c>.
/// </summary>
/// <remarks>Parsed once per process, on first use, and shared by every engine (see <see cref="SharedProgram"/>).</remarks>
internal static class UrlPolyfill
{
    private static readonly Lazy<SharedProgram> Parsed = new(() => new SharedProgram(Source));

    /// <summary>The polyfill, ready to install into an engine.</summary>
    public static SharedProgram Program => Parsed.Value;

    /// <summary>The polyfill's source: a function that puts <c>URL</c> and <c>URLSearchParams</c> on the global object it is given.</summary>
    public const string Source = """
(function (global) {
  var DEFAULT_PORTS = { 'http:': '80', 'https:': '443', 'ws:': '80', 'wss:': '443', 'ftp:': '21' };
  // Regular expressions are built from strings, with the RegExp of this engine as it was at install time.
  var RE = RegExp;
  var ABSOLUTE = '^([a-zA-Z][a-zA-Z0-9+.\\-]*:)(.*)$';
  var AUTHORITY = '^//([^/?#]*)(.*)$';

  function decode(text) {
    try { return decodeURIComponent(text.replace(new RE('\\+', 'g'), ' ')); } catch (e) { return text; }
  }

  function encode(text) {
    return encodeURIComponent(text).replace(new RE('%20', 'g'), '+');
  }

  function URLSearchParams(init) {
    if (!(this instanceof URLSearchParams)) throw new TypeError("Failed to construct 'URLSearchParams': use new");
    this._list = [];
    if (init === undefined || init === null) return;
    if (typeof init === 'object') {
      if (init instanceof URLSearchParams) { this._list = init._list.slice(0); return; }
      for (var key in init) if (Object.prototype.hasOwnProperty.call(init, key)) this._list.push([String(key), String(init[key])]);
      return;
    }
    var text = String(init);
    if (text.charAt(0) === '?') text = text.substring(1);
    var parts = text.split('&');
    for (var i = 0; i < parts.length; i++) {
      if (parts[i] === '') continue;
      var eq = parts[i].indexOf('=');
      var name = eq < 0 ? parts[i] : parts[i].substring(0, eq);
      var value = eq < 0 ? '' : parts[i].substring(eq + 1);
      this._list.push([decode(name), decode(value)]);
    }
  }

  URLSearchParams.prototype.get = function (name) {
    name = String(name);
    for (var i = 0; i < this._list.length; i++) if (this._list[i][0] === name) return this._list[i][1];
    return null;
  };
  URLSearchParams.prototype.getAll = function (name) {
    name = String(name);
    var values = [];
    for (var i = 0; i < this._list.length; i++) if (this._list[i][0] === name) values.push(this._list[i][1]);
    return values;
  };
  URLSearchParams.prototype.has = function (name) { return this.get(name) !== null; };
  URLSearchParams.prototype.append = function (name, value) { this._list.push([String(name), String(value)]); };
  URLSearchParams.prototype['delete'] = function (name) {
    name = String(name);
    var kept = [];
    for (var i = 0; i < this._list.length; i++) if (this._list[i][0] !== name) kept.push(this._list[i]);
    this._list = kept;
  };
  URLSearchParams.prototype.set = function (name, value) {
    name = String(name);
    value = String(value);
    var kept = [], done = false;
    for (var i = 0; i < this._list.length; i++) {
      if (this._list[i][0] !== name) kept.push(this._list[i]);
      else if (!done) { kept.push([name, value]); done = true; }
    }
    if (!done) kept.push([name, value]);
    this._list = kept;
  };
  URLSearchParams.prototype.forEach = function (callback, thisArg) {
    for (var i = 0; i < this._list.length; i++) callback.call(thisArg, this._list[i][1], this._list[i][0], this);
  };
  URLSearchParams.prototype.keys = function () {
    var keys = [];
    for (var i = 0; i < this._list.length; i++) keys.push(this._list[i][0]);
    return keys;
  };
  URLSearchParams.prototype.toString = function () {
    var parts = [];
    for (var i = 0; i < this._list.length; i++) parts.push(encode(this._list[i][0]) + '=' + encode(this._list[i][1]));
    return parts.join('&');
  };

  function removeDotSegments(path) {
    var input = path.split('/'), output = [];
    for (var i = 0; i < input.length; i++) {
      var segment = input[i];
      if (segment === '..') { if (output.length > 1) output.pop(); if (i === input.length - 1) output.push(''); }
      else if (segment === '.') { if (i === input.length - 1) output.push(''); }
      else output.push(segment);
    }
    var result = output.join('/');
    return result.charAt(0) === '/' ? result : '/' + result;
  }

  function splitTail(rest) {
    var hash = '', search = '';
    var h = rest.indexOf('#');
    if (h >= 0) { hash = rest.substring(h); rest = rest.substring(0, h); }
    var q = rest.indexOf('?');
    if (q >= 0) { search = rest.substring(q); rest = rest.substring(0, q); }
    return { path: rest, search: search === '?' ? '' : search, hash: hash === '#' ? '' : hash };
  }

  function invalid(input) { return new TypeError('Invalid URL: ' + input); }

  function parseAbsolute(input) {
    var m = new RE(ABSOLUTE).exec(input);
    if (!m) return null;
    var protocol = m[1].toLowerCase(), rest = m[2].replace(new RE('\\\\', 'g'), '/');
    var url = { protocol: protocol, username: '', password: '', hostname: '', port: '' };
    var special = DEFAULT_PORTS.hasOwnProperty(protocol) || protocol === 'file:';
    if (special && rest.charAt(0) === '/' && rest.charAt(1) !== '/') rest = '/' + rest;
    var a = new RE(AUTHORITY).exec(rest);
    if (a) {
      var authority = a[1];
      rest = a[2];
      var at = authority.lastIndexOf('@');
      if (at >= 0) {
        var credentials = authority.substring(0, at);
        authority = authority.substring(at + 1);
        var colon = credentials.indexOf(':');
        url.username = colon < 0 ? credentials : credentials.substring(0, colon);
        url.password = colon < 0 ? '' : credentials.substring(colon + 1);
      }
      var hp = new RE('^(\\[[^\\]]*\\]|[^:]*)(?::(\\d*))?$').exec(authority);
      if (!hp) throw invalid(input);
      url.hostname = hp[1].toLowerCase();
      url.port = hp[2] || '';
      if (url.port !== '') {
        var port = parseInt(url.port, 10);
        if (port > 65535) throw invalid(input);
        url.port = String(port);
      }
      if (DEFAULT_PORTS[protocol] === url.port) url.port = '';
      if (special && protocol !== 'file:' && url.hostname === '') throw invalid(input);
    } else if (special) {
      throw invalid(input);
    }
    var tail = splitTail(rest);
    url.pathname = special || a ? (tail.path === '' ? '/' : removeDotSegments(tail.path)) : tail.path;
    url.search = tail.search;
    url.hash = tail.hash;
    url.hasAuthority = !!a;
    return url;
  }

  function resolve(input, base) {
    var url = { protocol: base.protocol, username: base.username, password: base.password,
      hostname: base.hostname, port: base.port, hasAuthority: base.hasAuthority };
    if (input.substring(0, 2) === '//') return parseAbsolute(base.protocol + input);
    var tail = splitTail(input);
    if (tail.path === '') {
      url.pathname = base.pathname;
      url.search = tail.search || (input.charAt(0) === '#' ? base.search : '');
      if (input.charAt(0) === '?' && tail.search === '') url.search = '';
    } else if (tail.path.charAt(0) === '/') {
      url.pathname = removeDotSegments(tail.path);
      url.search = tail.search;
    } else {
      var dir = base.pathname.substring(0, base.pathname.lastIndexOf('/') + 1);
      url.pathname = removeDotSegments(dir + tail.path);
      url.search = tail.search;
    }
    url.hash = tail.hash;
    return url;
  }

  function URL(input, base) {
    if (!(this instanceof URL)) throw new TypeError("Failed to construct 'URL': use new");
    input = String(input).replace(new RE('^[\\s\\u0000-\\u001f]+|[\\s\\u0000-\\u001f]+$', 'g'), '');
    var parsed = parseAbsolute(input);
    if (!parsed) {
      if (base === undefined) throw invalid(input);
      var baseUrl = base instanceof URL ? base._parts : parseAbsolute(String(base));
      if (!baseUrl || !baseUrl.hasAuthority) throw invalid(input);
      parsed = resolve(input, baseUrl);
    }
    this._parts = parsed;
    this.protocol = parsed.protocol;
    this.username = parsed.username;
    this.password = parsed.password;
    this.hostname = parsed.hostname;
    this.port = parsed.port;
    this.host = parsed.hostname + (parsed.port ? ':' + parsed.port : '');
    this.pathname = parsed.pathname;
    this.search = parsed.search;
    this.hash = parsed.hash;
    this.origin = parsed.hasAuthority && this.protocol !== 'file:' ? this.protocol + '//' + this.host : 'null';
    var credentials = parsed.username ? parsed.username + (parsed.password ? ':' + parsed.password : '') + '@' : '';
    this.href = this.protocol + (parsed.hasAuthority ? '//' + credentials + this.host : '') + this.pathname + this.search + this.hash;
    this.searchParams = new URLSearchParams(this.search);
    Object.defineProperty(this, '_parts', { enumerable: false });
  }

  URL.prototype.toString = function () { return this.href; };
  URL.prototype.toJSON = function () { return this.href; };

  global.URL = URL;
  global.URLSearchParams = URLSearchParams;
})
""";
}
