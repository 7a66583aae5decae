"use client";

// Generates a due diligence statement for a batch or an order, with its activity.
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { useApiCall } from "@/components/use-api-call";
import { statementActivities } from "@/lib/db/enums";

type Subject = { batch_id: number } | { order_id: number };

export function GenerateStatement({ subject }: { subject: Subject }) {
  const { call, error, pending } = useApiCall();
  const [activity, setActivity] = useState<(typeof statementActivities)[number]>("import");
  return (
    <div className="flex flex-wrap items-center gap-2">
      <label className="flex items-center gap-2 text-sm">
        Activity
        <select
          className="rounded border border-stone-300 px-2 py-1 dark:border-stone-700 dark:bg-stone-900"
          value={activity}
          onChange={(e) => setActivity(e.target.value as typeof activity)}
        >
          {statementActivities.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      <Button
        isPending={pending}
        onClick={() => void call("POST /api/due-diligence/statements", { body: { ...subject, activity } })}
      >
        {pending ? "Generating…" : "Generate statement"}
      </Button>
      {error && <Notice>{error}</Notice>}
    </div>
  );
}
