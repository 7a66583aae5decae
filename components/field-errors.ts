// An API's validation error in the page's words: each field named by the label the form shows
// ("Counted quantity (kg): is required"), never by its internal name ("actual_quantity: …").

export type FieldIssue = { path?: string; message: string };

/** The label a form gives the field named `name`, without a required-field star; null when it has none. */
export function labelOf(form: HTMLFormElement | null, name: string): string | null {
  const element = form?.elements.namedItem(name);
  const label = element && "labels" in element ? (element as HTMLInputElement).labels?.[0] : null;
  return label?.textContent?.replace(/\s*\*\s*$/, "").trim() || null;
}

/** One message for the whole error: per field when the API named fields, else the API's message. */
export function messageInFormWords(form: HTMLFormElement | null, message: string, details: unknown): string {
  const issues = Array.isArray(details)
    ? (details as FieldIssue[]).filter((d) => d && typeof d.message === "string")
    : [];
  if (!issues.length) return message;
  return issues.map((d) => (d.path ? `${labelOf(form, d.path) ?? "This form"}: ${d.message}` : d.message)).join("; ");
}
