// A file handed to the advisor from a browser tab, which cannot reach the system: a download.
// A Blob URL and an <a download> click work under the window's CSP (default-src 'none'): a
// download is neither a fetch nor a navigation of the page, and the blob: URL never becomes a
// resource the page loads.
export function download(name: string, mime: string, base64: string): void {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference by then; revoking later still frees the bytes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
