// Handler mode: ScriptRunner calls `handler(request)` and returns its {statusCode, headers, body}.
function handler(request) {
  var who = request.query.name || 'anonymous';
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ hello: who, method: request.method, region: env.REGION || 'unknown' })
  };
}
