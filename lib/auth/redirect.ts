// Browsers drop tabs and newlines from a URL and read "\" as "/", so "/\t/evil.example" becomes
// "//evil.example": only a plain path on this origin may pass, checked the way a browser reads it.
const base = "http://batchtrail.invalid";

/** A same-site path to return to after sign-in; anything else (//host, /\host, control characters, arrays, URLs) is the inventory. */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || value.length > 2000) return "/inventory";
  if (!/^\/(?![/\\])/.test(value) || /[\\\u0000-\u001f\u007f]/.test(value)) return "/inventory";
  const url = URL.canParse(value, base) ? new URL(value, base) : null;
  if (!url || url.origin !== base || url.pathname.startsWith("//")) return "/inventory";
  return `${url.pathname}${url.search}${url.hash}`;
}
