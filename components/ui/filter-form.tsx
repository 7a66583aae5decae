"use client";

// A list's filters that apply as they change: a choice at once, typed text after a short pause, each
// change a history entry (Back undoes it) and a new first page. The filters live in the URL through
// nuqs; the page, a server component, re-renders from it. Without JavaScript this is the plain GET
// form it renders, applied with its button.
import { debounce, parseAsString, useQueryStates } from "nuqs";
import { useEffect, useRef } from "react";

type Props = React.FormHTMLAttributes<HTMLFormElement> & {
  action: string;
  /** Names the search region: "Filter orders". */
  label: string;
  /** The filter fields' names: only these are applied as they change. */
  names: readonly string[];
};

const typedDelayMs = 350;
/** Paging starts over with other filters. */
const paging = { cursor: parseAsString, back: parseAsString };

type Field = HTMLInputElement | HTMLSelectElement;

const isTyped = (el: Field) => el instanceof HTMLInputElement && ["text", "search", ""].includes(el.type);

const fields = (form: HTMLFormElement | null, names: readonly string[]) =>
  names
    .map((name) => form?.elements.namedItem(name))
    .filter((el): el is Field => el instanceof HTMLInputElement || el instanceof HTMLSelectElement);

/** Whether the user changed the field from what the server rendered. */
const changedSinceRendered = (el: Field) =>
  el instanceof HTMLSelectElement
    ? [...el.options].some((o) => o.selected !== o.defaultSelected)
    : el.value !== el.defaultValue;

export function FilterForm({ action, label, names, children, ...props }: Props) {
  const form = useRef<HTMLFormElement>(null);
  const parsers: Record<string, typeof parseAsString> = {
    ...Object.fromEntries(names.map((n) => [n, parseAsString])),
    ...paging,
  };
  const [params, setParams] = useQueryStates(parsers, { shallow: false, history: "push" });

  // Back, Forward and links change the URL under the form: show its values. (While typing, the state
  // already holds what is typed: nuqs updates it at once and only the URL after the pause.) A choice
  // made before the page could respond, its script still loading, is applied instead of undone.
  const hydrated = useRef(false);
  useEffect(() => {
    const all = fields(form.current, names);
    const early = hydrated.current ? [] : all.filter(changedSinceRendered);
    hydrated.current = true;
    if (early.length > 0) {
      void setParams({
        ...Object.fromEntries(early.map((el) => [el.name, el.value || null])),
        cursor: null,
        back: null,
      });
      return;
    }
    for (const el of all) {
      if (el.value === (params[el.name] ?? "")) continue;
      el.value = params[el.name] ?? "";
      // A select without an empty choice (a sort) falls back to its first, the page's default.
      if (el instanceof HTMLSelectElement && el.selectedIndex === -1) el.selectedIndex = 0;
    }
  }, [names, params, setParams]);

  function onChange(e: React.FormEvent<HTMLFormElement>) {
    const el = e.target;
    if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement) || !names.includes(el.name)) return;
    void setParams(
      { [el.name]: el.value === "" ? null : el.value, cursor: null, back: null },
      isTyped(el) ? { limitUrlUpdates: debounce(typedDelayMs) } : undefined,
    );
  }

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const value = (n: string) => (typeof data.get(n) === "string" && data.get(n) !== "" ? String(data.get(n)) : null);
    // Applied already as it changed: pressing Enter or the button again adds no history entry.
    if (names.every((n) => value(n) === (params[n] ?? null))) return;
    void setParams({ ...Object.fromEntries(names.map((n) => [n, value(n)])), cursor: null, back: null });
  }

  return (
    <form
      ref={form}
      method="get"
      action={action}
      role="search"
      aria-label={label}
      className="flex flex-wrap items-end gap-3"
      onChange={onChange}
      onSubmit={onSubmit}
      {...props}
    >
      {children}
    </form>
  );
}
