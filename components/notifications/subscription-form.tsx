"use client";

// "Alert notifications" on /account: the least severe alert that reaches you, and whether by email
// and in the inbox; saved with PUT /api/notifications/subscription.
import { useRouter } from "next/navigation";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { field, labelStyle } from "@/components/ui/select";
import { toast } from "@/components/ui/toast";
import { alertSeverities } from "@/lib/db/enums";
import { attempt } from "@/lib/endpoints/client";
import type { Subscription } from "@/lib/notifications/schemas";

export function SubscriptionForm({ saved }: { saved: Subscription }) {
  const router = useRouter();
  const [value, setValue] = useState(saved);
  const [isPending, setIsPending] = useState(false);

  async function save() {
    setIsPending(true);
    const r = await attempt("PUT /api/notifications/subscription", { body: value });
    setIsPending(false);
    if (r.ok) toast.success("Alert notifications saved.");
    else toast.error(r.error.message);
    router.refresh();
  }

  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div className="flex flex-col gap-1">
        <label htmlFor="alert-min-severity" className={labelStyle}>
          Minimum severity
        </label>
        <select
          id="alert-min-severity"
          value={value.min_severity}
          onChange={(e) => setValue({ ...value, min_severity: e.target.value as Subscription["min_severity"] })}
          className={`${field} self-start`}
        >
          {alertSeverities.map((s) => (
            <option key={s} value={s}>
              {s.charAt(0).toUpperCase() + s.slice(1)} and above
            </option>
          ))}
        </select>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={value.in_inbox}
          onChange={(e) => setValue({ ...value, in_inbox: e.target.checked })}
        />
        In my inbox
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={value.by_email}
          onChange={(e) => setValue({ ...value, by_email: e.target.checked })}
        />
        By email (one mail, or a digest at most every 10 minutes)
      </label>
      <Button type="submit" variant="primary" isPending={isPending} className="self-start">
        Save alert notifications
      </Button>
    </form>
  );
}
