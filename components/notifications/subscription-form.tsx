"use client";

// "Alert notifications" on /account: the least severe alert that reaches you, and whether by email
// and in the inbox; saved with PUT /api/notifications/subscription.
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { Select } from "@/components/ui/select";
import { useToastedAction } from "@/components/use-toasted-action";
import { alertSeverities } from "@/lib/db/enums";
import { attempt } from "@/lib/endpoints/client";
import type { Subscription } from "@/lib/notifications/schemas";

const severityLabels = Object.fromEntries(
  alertSeverities.map((s) => [s, `${s.charAt(0).toUpperCase() + s.slice(1)} and above`]),
);

export function SubscriptionForm({ saved }: { saved: Subscription }) {
  const [value, setValue] = useState(saved);
  const { running, run } = useToastedAction();

  const save = () =>
    run(() => attempt("PUT /api/notifications/subscription", { body: value }), "Alert notifications saved.");

  return (
    <Form className="flex flex-col gap-3" onSubmit={save}>
      <Select
        id="alert-min-severity"
        label="Minimum severity"
        options={alertSeverities}
        labels={severityLabels}
        all={null}
        value={value.min_severity}
        onChange={(v) => setValue({ ...value, min_severity: v as Subscription["min_severity"] })}
        className="self-start"
      />
      <Checkbox
        label="In my inbox"
        checked={value.in_inbox}
        onChange={(e) => setValue({ ...value, in_inbox: e.target.checked })}
      />
      <Checkbox
        label="By email (one mail, or a digest at most every 10 minutes)"
        checked={value.by_email}
        onChange={(e) => setValue({ ...value, by_email: e.target.checked })}
      />
      <Button type="submit" variant="primary" isPending={running !== null} className="self-start">
        Save alert notifications
      </Button>
    </Form>
  );
}
