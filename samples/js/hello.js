// Greets env.NAME (or "world"), logs it, and returns a small object as the result.
var name = env.NAME || 'world';
console.log('hello, ' + name);
app_log('info', 'greeted ' + name);
({ greeted: name, at: get_unixtime() > 0 })
