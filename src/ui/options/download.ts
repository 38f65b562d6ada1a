// Saves text as a file the user downloads: a Blob URL on an <a download>, the one way that works
// in Chrome's and Firefox's extension pages without the downloads permission.
export function downloadText(fileName: string, text: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: Firefox starts reading the Blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
