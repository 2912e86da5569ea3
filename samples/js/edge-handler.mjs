// An edge function: an ES module whose default export is the handler.
// POST {"code": "<this file>", "handler": "handler", "request": {...}} -> {"statusCode":200,"headers":{},"body":"OK"}
export default async (req) => ({ statusCode: 200, body: 'OK' })
