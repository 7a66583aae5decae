"use client";

// One webhook endpoint: its status and event types, Send test event, Rotate secret, Pause or
// Resume (Enable again once disabled), and its delivery log.
import { useState } from "react";

import { ValueBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { toast, useErrorToast } from "@/components/ui/toast";
import { useApiCall } from "@/components/use-api-call";
import type { ResponseOf } from "@/lib/endpoints/define";
import type { webhooks } from "@/lib/endpoints/webhooks";

import { DeliveryLog } from "./delivery-log";
import { SecretShown } from "./secret-shown";

type Endpoint = ResponseOf<typeof webhooks.listWebhookEndpoints>["data"][number];
type Delivery = ResponseOf<typeof webhooks.listWebhookDeliveries>["data"][number];

export function EndpointCard({ endpoint: e, deliveries }: { endpoint: Endpoint; deliveries: Delivery[] }) {
  const { call, error, pending } = useApiCall();
  const [rotated, setRotated] = useState<{ secret: string; until: string } | null>(null);
  useErrorToast(error);
  const params = { endpoint_id: e.id };
  const setStatus = (status: "active" | "paused") =>
    call("PATCH /api/admin/webhooks/[endpoint_id]", { params, body: { status } });
  const actions = (
    <>
      <Button
        size="sm"
        isPending={pending}
        disabled={e.status !== "active"}
        onClick={async () => {
          const sent = await call("POST /api/admin/webhooks/[endpoint_id]/test", { params });
          if (sent) toast.success(`Test event ${sent.message_id} sent.`);
        }}
      >
        Send test event
      </Button>
      <Button
        size="sm"
        isPending={pending}
        onClick={async () => {
          const r = await call("POST /api/admin/webhooks/[endpoint_id]/rotate-secret", { params });
          if (r) setRotated({ secret: r.secret, until: r.previous_valid_until });
        }}
      >
        Rotate secret
      </Button>
      {e.status === "active" ? (
        <Button size="sm" isPending={pending} onClick={() => void setStatus("paused")}>
          Pause
        </Button>
      ) : (
        <Button size="sm" isPending={pending} onClick={() => void setStatus("active")}>
          {e.status === "disabled" ? "Enable again" : "Resume"}
        </Button>
      )}
    </>
  );
  return (
    <Card
      id={`endpoint-${e.id}`}
      title={
        <span className="flex flex-wrap items-center gap-2">
          <span className="break-all font-mono">{e.url}</span>
          <ValueBadge value={e.status} />
        </span>
      }
      actions={actions}
      data-testid={`endpoint-${e.id}`}
    >
      <p className="text-xs text-stone-600 dark:text-stone-400">
        {e.description ? `${e.description}. ` : ""}
        Receives {e.event_types.join(", ")}.
        {e.failure_streak > 0 ? ` ${e.failure_streak} failed attempts in a row.` : ""}
        {e.disabled_reason ? ` Disabled after ${e.disabled_reason}.` : ""}
        {e.previous_secret_expires_at
          ? ` The previous secret signs too until ${e.previous_secret_expires_at.slice(0, 16).replace("T", " ")} UTC.`
          : ""}
      </p>
      {rotated && (
        <SecretShown
          secret={rotated.secret}
          note={`The previous secret still signs until ${rotated.until.slice(0, 16).replace("T", " ")} UTC.`}
        />
      )}
      <DeliveryLog url={e.url} deliveries={deliveries} />
    </Card>
  );
}
