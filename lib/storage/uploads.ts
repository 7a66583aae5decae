// What an uploaded file really is (by its first bytes, never its declared type), and how its
// user-given name may be shown back.
export const sniffedTypes = ["image/jpeg", "image/png", "image/webp", "application/pdf"] as const;
export type SniffedType = (typeof sniffedTypes)[number];

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) => signature.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

export function sniffContentType(bytes: Uint8Array): SniffedType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  if (startsWith(bytes, ascii("%PDF-"))) return "application/pdf";
  return null;
}

/** The last path segment, without control characters, at most 200 characters: a label, never a path. */
export function cleanFilename(name: string): string {
  // Control characters and bidi overrides (which can make "…fdp.exe" read as "…exe.pdf") go.
  const base = name
    .split(/[/\\]/)
    .pop()!
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, "")
    .trim();
  return base.slice(-200) || "file";
}

/** `inline` with an ASCII fallback name and the exact name in RFC 5987 form, so no header can be injected. */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^A-Za-z0-9._ -]/g, "_");
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `inline; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
