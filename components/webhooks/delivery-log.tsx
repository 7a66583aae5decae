"use client";

// An endpoint's delivery log: each delivery's event, message id, status, attempts, last answer,
// latency and time, with Redeliver and each attempt's request and answer on demand.
import { Fragment, useState } from "react";

import { ValueBadge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyRow, numeric, numericCellClass, rowClass, Table, TableHead } from "@/components/ui/table";
import { toast, useErrorToast } from "@/components/ui/toast";
import { useApiCall } from "@/components/use-api-call";
import { call as callApi } from "@/lib/endpoints/client";
import type { ResponseOf } from "@/lib/endpoints/define";
import type { webhooks } from "@/lib/endpoints/webhooks";

type Delivery = ResponseOf<typeof webhooks.listWebhookDeliveries>["data"][number];
type Attempt = ResponseOf<typeof webhooks.getWebhookDelivery>["attempts"][number];

const when = (iso: string | null) => iso?.slice(0, 19).replace("T", " ") ?? "";
const cell = "px-2 py-1";

export function DeliveryLog({ url, deliveries }: { url: string; deliveries: Delivery[] }) {
  const { call, error, pending } = useApiCall();
  const [open, setOpen] = useState<Record<number, Attempt[] | undefined>>({});
  useErrorToast(error);
  const toggle = async (id: number) => {
    if (open[id]) return setOpen((o) => ({ ...o, [id]: undefined }));
    try {
      const d = await callApi("GET /api/admin/webhook-deliveries/[delivery_id]", { params: { delivery_id: id } });
      setOpen((o) => ({ ...o, [id]: d.attempts }));
    } catch (e) {
      toast.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Table isFramed={false} label={`Deliveries to ${url}`} testId="delivery-log">
      <TableHead
        columns={[
          "Event",
          "Message id",
          "Status",
          numeric("Attempts"),
          numeric("Last code"),
          numeric("Latency"),
          "Time",
          "",
        ]}
      />
      <tbody>
        {deliveries.length === 0 && <EmptyRow columns={8}>Nothing delivered yet.</EmptyRow>}
        {deliveries.map((d) => (
          <Fragment key={d.id}>
            <tr className={rowClass} data-testid={`delivery-${d.id}`}>
              <td className={cell}>
                <code>{d.event_type}</code>
              </td>
              <td className={`${cell} font-mono text-xs`}>{d.message_id}</td>
              <td className={cell}>
                <ValueBadge value={d.status} />
              </td>
              <td className={numericCellClass}>{d.attempts}</td>
              <td className={numericCellClass}>{d.last_status_code ?? (d.last_error ? "—" : "")}</td>
              <td className={numericCellClass}>{d.last_latency_ms === null ? "" : `${d.last_latency_ms} ms`}</td>
              <td className={`${cell} text-xs tabular-nums`}>{when(d.delivered_at ?? d.created_at)}</td>
              <td className={`${cell} whitespace-nowrap`}>
                {d.attempts > 0 && (
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => void toggle(d.id)}
                    aria-expanded={Boolean(open[d.id])}
                  >
                    {open[d.id] ? "Hide attempts" : "Attempts"}
                  </Button>
                )}
                {d.status !== "pending" && (
                  <Button
                    size="sm"
                    variant="ghost"
                    isPending={pending}
                    onClick={async () => {
                      if (
                        await call("POST /api/admin/webhook-deliveries/[delivery_id]/redeliver", {
                          params: { delivery_id: d.id },
                        })
                      )
                        toast.success(`Delivery ${d.message_id} queued again.`);
                    }}
                  >
                    Redeliver
                  </Button>
                )}
              </td>
            </tr>
            {open[d.id] && (
              <tr className={rowClass}>
                <td colSpan={8} className={cell}>
                  <Attempts attempts={open[d.id]!} />
                </td>
              </tr>
            )}
          </Fragment>
        ))}
      </tbody>
    </Table>
  );
}

function Attempts({ attempts }: { attempts: Attempt[] }) {
  return (
    <ol className="flex flex-col gap-2 text-xs">
      {attempts.map((a) => (
        <li key={a.attempt} className="flex flex-col gap-1">
          <p>
            Attempt {a.attempt} at {when(a.sent_at)}: {a.status_code ?? "no answer"} in {a.latency_ms} ms
            {a.error ? ` (${a.error})` : ""}
          </p>
          <details>
            <summary>Request and answer</summary>
            <pre className="overflow-x-auto whitespace-pre-wrap break-all">
              {Object.entries(a.request_headers)
                .map(([k, v]) => `${k}: ${v}`)
                .join("\n")}
              {`\n\n${a.request_body}\n\n→ ${a.response_body ?? ""}`}
            </pre>
          </details>
        </li>
      ))}
    </ol>
  );
}
