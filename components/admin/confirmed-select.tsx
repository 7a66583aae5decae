"use client";

// A choice that matters (a role, an organisation): choosing another asks to confirm, then a toast says "Saved".
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { field } from "@/components/ui/field";
import { useOutcomeToast } from "@/components/ui/toast";
import { useApiCall } from "@/components/use-api-call";
import type { admin } from "@/lib/endpoints/admin";
import type { Input } from "@/lib/endpoints/define";

type Props = {
  /** What is chosen, for the labels: "role", "organisation". */
  what: string;
  userName: string;
  userId: number;
  value: string;
  options: { value: string; label: string }[];
  isDisabled?: boolean;
  question: (chosen: string, current: string) => string;
  body: (chosen: string) => Input<typeof admin.changeUser>["body"];
};

export function ConfirmedSelect({ what, userName, userId, value, options, isDisabled, question, body }: Props) {
  const { call, error, pending } = useApiCall();
  const [chosen, setChosen] = useState(value);
  const [saved, setSaved] = useState(false);
  const isChanging = chosen !== value && !saved;
  const labelOf = (v: string) => options.find((o) => o.value === v)?.label ?? v;
  useOutcomeToast({ pending, error, success: `Saved. ${userName}: ${labelOf(chosen)}.` });

  async function save() {
    if (await call("PATCH /api/admin/users/[user_id]", { params: { user_id: userId }, body: body(chosen) }))
      setSaved(true);
  }

  return (
    <div className="flex flex-col gap-1">
      <select
        aria-label={`${what[0].toUpperCase()}${what.slice(1)} of ${userName}`}
        value={chosen}
        disabled={isDisabled || pending}
        onChange={(e) => (setChosen(e.target.value), setSaved(false))}
        className={field}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {isChanging && (
        <div
          role="group"
          aria-label={`Confirm the ${what} of ${userName}`}
          className="flex flex-wrap items-center gap-1 text-xs"
        >
          <span>{question(labelOf(chosen), labelOf(value))}</span>
          <Button size="sm" isPending={pending} onClick={save}>
            {pending ? "Saving…" : `Save ${what}`}
          </Button>
          <Button variant="ghost" size="sm" disabled={pending} onClick={() => setChosen(value)}>
            Cancel
          </Button>
        </div>
      )}
    </div>
  );
}
