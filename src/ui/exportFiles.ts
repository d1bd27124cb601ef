// Turns what a table or chart hands over for export into a file: a safe file name and, for images, a Blob.

/** Characters Windows, macOS or Linux refuse in a file name, and control characters. */
const UNSAFE_IN_FILE_NAME = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

/**
 * The file name for an export: the caller's name with characters no file system accepts replaced, the extension
 * added unless already there, and "export" when nothing usable is left. Letters of any script are kept, so a metric
 * called "Zufriedenheit (Ø)" keeps its name.
 */
export function exportFileName(name: string, extension: 'csv' | 'png'): string {
  const suffix = `.${extension}`;
  const withoutSuffix = name.toLowerCase().endsWith(suffix) ? name.slice(0, -suffix.length) : name;
  const cleaned = withoutSuffix
    .replace(UNSAFE_IN_FILE_NAME, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s-]+|[.\s-]+$/g, '')
    .slice(0, 120);
  return `${cleaned === '' ? 'export' : cleaned}${suffix}`;
}

/**
 * The Blob a data URL encodes (what canvas.toDataURL and Chart.js's toBase64Image return), or null when the text is
 * not a data URL. Decoded synchronously, so the download starts inside the click and no browser blocks it as a pop-up;
 * a Blob URL also avoids the length limits some browsers put on data URLs in links.
 */
export function dataUrlToBlob(dataUrl: string): Blob | null {
  const match = /^data:([^,]*?)(;base64)?,(.*)$/s.exec(dataUrl);
  if (!match) return null;
  const [, mediaType = '', base64, payload = ''] = match;
  const type = mediaType === '' ? 'text/plain;charset=US-ASCII' : mediaType;
  try {
    if (!base64) return new Blob([decodeURIComponent(payload)], { type });
    const binary = atob(payload);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new Blob([bytes], { type });
  } catch {
    // Malformed base64 or percent-escapes: not a data URL after all.
    return null;
  }
}
