// An API's validation error in the page's words: each field named by the label the form shows
// ("Counted quantity (kg): is required"), never by its internal name ("actual_quantity: …").
import { toast } from "@/components/ui/toast";

export type FieldIssue = { path?: string; message: string };

/** The label a form gives the field named `name`, without a required-field star; null when it has none. */
export function labelOf(form: HTMLFormElement | null, name: string): string | null {
  const element = form?.elements.namedItem(name);
  const label = element && "labels" in element ? (element as HTMLInputElement).labels?.[0] : null;
  return label?.textContent?.replace(/\s*\*\s*$/, "").trim() || null;
}

/** One message for the whole error: per field when the API named fields, else the API's message. */
export function messageInFormWords(form: HTMLFormElement | null, message: string, details: unknown): string {
  const issues = fieldIssues(details).filter((d) => d && typeof d.message === "string");
  if (!issues.length) return message;
  return issues.map((d) => (d.path ? `${labelOf(form, d.path) ?? "This form"}: ${d.message}` : d.message)).join("; ");
}

/** The issues an API error's details list, if it lists any. */
export const fieldIssues = (details: unknown): FieldIssue[] =>
  Array.isArray(details) ? (details as FieldIssue[]) : [];

/** The issues about fields the form has, as messages by field name. */
export const errorsOnFields = (form: HTMLFormElement, details: unknown): Record<string, string> =>
  Object.fromEntries(
    fieldIssues(details)
      .filter((d) => d.path && form.elements.namedItem(d.path))
      .map((d) => [d.path!, d.message]),
  );

/**
 * A refused react-hook-form form: each issue about one of the schema's fields is set on that field;
 * with none, the error is toasted in the form's words.
 */
export function showRefusal<S extends object>(
  setError: (name: NoInfer<Extract<keyof S, string>>, error: { message: string }) => void,
  shape: S,
  form: HTMLFormElement,
  error: { message: string; details?: unknown },
) {
  const onFields = fieldIssues(error.details).filter((d) => d.path && d.path in shape);
  for (const d of onFields) setError(d.path as Extract<keyof S, string>, { message: d.message });
  if (onFields.length === 0) toast.error(messageInFormWords(form, error.message, error.details));
}
