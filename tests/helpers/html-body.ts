// A test page's body from markup, without an HTML string sink (the lint bans innerHTML): parsed by
// DOMParser (which never runs scripts) and moved into the live document.
export function setBody(html: string, doc: Document = document): void {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  doc.body.replaceChildren(...[...parsed.body.childNodes].map((n) => doc.importNode(n, true)));
}
