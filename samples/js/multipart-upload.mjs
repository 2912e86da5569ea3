// Parse a multipart/form-data upload: request.formData() gives the text fields as strings and the uploaded files
// as File objects (name, type, size, and their bytes through text(), arrayBuffer() or bytes()).
// Try: POST with "content-type: multipart/form-data; boundary=..." and a body of fields and files.
export default {
  async fetch(request) {
    if (request.method !== 'POST') return new Response('POST a multipart/form-data body', { status: 405 });
    let form;
    try {
      form = await request.formData();
    } catch (error) {
      return Response.json({ error: error.message }, { status: 400 });
    }
    const fields = {};
    const files = [];
    for (const [name, value] of form) {
      if (typeof value === 'string') fields[name] = value;
      else files.push({ field: name, name: value.name, type: value.type, size: value.size, lines: (await value.text()).split('\n').length });
    }
    return Response.json({ fields, files });
  },
};
