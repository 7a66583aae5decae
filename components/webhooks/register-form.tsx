"use client";

// Registers a webhook endpoint: its URL, a description, and the event types it receives.
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { Form } from "@/components/ui/form";
import { useErrorToast } from "@/components/ui/toast";
import { useApiCall } from "@/components/use-api-call";
import { subscribableTypes } from "@/lib/webhooks/schemas";

import { SecretShown } from "./secret-shown";

type EventType = (typeof subscribableTypes)[number];
const groups = ["batch", "alert", "sync", "order", "return"].map(
  (g) => [g, subscribableTypes.filter((t) => t.startsWith(`${g}.`))] as const,
);

export function RegisterEndpoint() {
  const { call, error, pending } = useApiCall();
  const [types, setTypes] = useState<EventType[]>(["batch.created", "batch.minted"]);
  const [secret, setSecret] = useState<string | null>(null);
  useErrorToast(error);
  const toggle = (t: EventType, on: boolean) => setTypes((now) => (on ? [...now, t] : now.filter((x) => x !== t)));
  return (
    <Card id="register-webhook" title="Register an endpoint">
      <Form
        className="flex flex-col gap-3 text-sm"
        onSubmit={async (form) => {
          const data = new FormData(form);
          const body = {
            url: String(data.get("url")),
            description: String(data.get("description")),
            event_types: types,
          };
          const created = await call("POST /api/admin/webhooks", { body }, form);
          if (created) {
            setSecret(created.secret);
            form.reset();
          }
        }}
      >
        <div className="flex flex-wrap items-end gap-2">
          <TextField
            id="webhook-url"
            name="url"
            label="URL"
            type="url"
            required
            placeholder="https://example.com/webhooks"
            className="w-full"
            fieldClassName="w-full max-w-96"
          />
          <TextField id="webhook-description" name="description" label="Description" maxLength={200} className="w-64" />
        </div>
        <fieldset className="flex flex-col gap-1">
          <legend className="text-xs font-medium">Event types</legend>
          {groups.map(([group, list]) => (
            <div key={group} className="flex flex-wrap gap-x-4 gap-y-1">
              {list.map((t) => (
                <label key={t} className="flex items-center gap-1 text-xs">
                  <input type="checkbox" checked={types.includes(t)} onChange={(e) => toggle(t, e.target.checked)} />
                  <code>{t}</code>
                </label>
              ))}
            </div>
          ))}
        </fieldset>
        <div>
          <Button type="submit" variant="primary" isPending={pending}>
            Register endpoint
          </Button>
        </div>
      </Form>
      {secret && <SecretShown secret={secret} />}
    </Card>
  );
}
