/** A same-site path to return to after sign-in; anything else (//host, /\host, arrays, URLs) is the inventory. */
export function safeReturnPath(value: unknown): string {
  return typeof value === "string" && /^\/(?![/\\])[^\\]*$/.test(value) ? value : "/inventory";
}
