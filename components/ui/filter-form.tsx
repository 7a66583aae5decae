"use client";

// A list's filters that apply as they change: a choice at once, typed text after a short pause, each
// change one history entry (Back undoes it) and a new first page. The filters live in the URL through
// nuqs; the page, a server component, re-renders from it. Without JavaScript this is the plain GET
// form it renders, applied with its button. The pause is kept here, not by nuqs: nuqs debounces each
// key on its own, so a filter and the paging it resets could reach the URL as two entries.
import { parseAsString, useQueryStates } from "nuqs";
import { useCallback, useEffect, useRef } from "react";

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
const changedSinceRendered = (el: Field) => {
  if (!(el instanceof HTMLSelectElement)) return el.value !== el.defaultValue;
  // A select the page rendered with no choice marked (a value it has no option for) shows its first.
  const rendered = [...el.options].findIndex((o) => o.defaultSelected);
  return el.selectedIndex !== Math.max(rendered, 0);
};

export function FilterForm({ action, label, names, children, ...props }: Props) {
  const form = useRef<HTMLFormElement>(null);
  const parsers: Record<string, typeof parseAsString> = {
    ...Object.fromEntries(names.map((n) => [n, parseAsString])),
    ...paging,
  };
  const [params, setParams] = useQueryStates(parsers, { shallow: false, history: "push" });

  // What the form last asked for, per field. A change made before the page could respond (its script
  // still loading) reaches us twice, as the field's value at hydration and as React's replay of the
  // event: it is applied once, so Back undoes it in one step.
  const requested = useRef<Record<string, string | null>>({});
  const hydrated = useRef(false);
  // Fields typed in and not applied yet: the pause runs.
  const typing = useRef(new Set<string>());
  const pause = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(pause.current), []);

  const apply = useCallback(
    (changed: Field[]) => {
      const values = Object.fromEntries(
        changed
          .filter((el) => requested.current[el.name] !== (el.value || null))
          .map((el) => [el.name, el.value || null]),
      );
      if (Object.keys(values).length === 0) return;
      Object.assign(requested.current, values);
      void setParams({ ...values, cursor: null, back: null });
    },
    [setParams],
  );

  // Back, Forward and links change the URL under the form: show its values (not over a field being typed in).
  // Run at hydration and when the URL's filters change, not on every render.
  useEffect(() => {
    const all = fields(form.current, names);
    const early = hydrated.current ? [] : all.filter(changedSinceRendered);
    hydrated.current = true;
    if (early.length > 0) return apply(early);
    for (const el of all) {
      if (typing.current.has(el.name)) continue;
      requested.current[el.name] = params[el.name] ?? null;
      if (el.value === (params[el.name] ?? "")) continue;
      el.value = params[el.name] ?? "";
      // A select without an empty choice (a sort) falls back to its first, the page's default.
      if (el instanceof HTMLSelectElement && el.selectedIndex === -1) el.selectedIndex = 0;
    }
  }, [params, names, apply]);

  function onChange(e: React.FormEvent<HTMLFormElement>) {
    const el = e.target;
    if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement) || !names.includes(el.name)) return;
    if (!isTyped(el)) return apply([el]);
    typing.current.add(el.name);
    clearTimeout(pause.current);
    pause.current = setTimeout(() => {
      const typed = fields(form.current, [...typing.current]);
      typing.current.clear();
      apply(typed);
    }, typedDelayMs);
  }

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    clearTimeout(pause.current);
    typing.current.clear();
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
