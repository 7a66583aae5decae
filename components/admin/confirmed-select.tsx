"use client";
// A choice that matters (a role, an organisation): choosing another asks to confirm, then says "Saved".
import { useState } from "react";
import { useApiCall } from "@/components/use-api-call";
import type { Input } from "@/lib/endpoints/define";
import { changeUser } from "@/lib/endpoints/admin";

const small = "rounded border border-stone-300 px-2 py-0.5 text-xs dark:border-stone-700";

type Props = {
  /** What is chosen, for the labels: "role", "organisation". */
  what: string;
  userName: string;
  userId: number;
  value: string;
  options: { value: string; label: string }[];
  isDisabled?: boolean;
  question: (chosen: string, current: string) => string;
  body: (chosen: string) => Input<typeof changeUser>["body"];
};

export function ConfirmedSelect({ what, userName, userId, value, options, isDisabled, question, body }: Props) {
  const { call, error, pending } = useApiCall();
  const [chosen, setChosen] = useState(value);
  const [saved, setSaved] = useState(false);
  const isChanging = chosen !== value && !saved;
  const labelOf = (v: string) => options.find((o) => o.value === v)?.label ?? v;

  async function save() {
    if (await call(changeUser, { params: { user_id: userId }, body: body(chosen) })) setSaved(true);
  }

  return (
    <div className="flex flex-col gap-1">
      <select
        aria-label={`${what[0].toUpperCase()}${what.slice(1)} of ${userName}`}
        value={chosen}
        disabled={isDisabled || pending}
        onChange={(e) => (setChosen(e.target.value), setSaved(false))}
        className="rounded border border-stone-300 bg-white px-1 py-0.5 dark:border-stone-700 dark:bg-stone-900"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {isChanging && (
        <div role="group" aria-label={`Confirm the ${what} of ${userName}`} className="flex flex-wrap items-center gap-1 text-xs">
          <span>{question(labelOf(chosen), labelOf(value))}</span>
          <button type="button" className={small} disabled={pending} aria-busy={pending} onClick={save}>
            {pending ? "Saving…" : `Save ${what}`}
          </button>
          <button type="button" className="underline" disabled={pending} onClick={() => setChosen(value)}>
            Cancel
          </button>
        </div>
      )}
      <span aria-live="polite" className="text-xs">
        {saved && <span className="text-emerald-700 dark:text-emerald-300">Saved.</span>}
        {error && <span className="text-red-700 dark:text-red-300">{error}</span>}
      </span>
    </div>
  );
}
