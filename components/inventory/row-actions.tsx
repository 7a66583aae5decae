"use client";

// A row's own actions: ask for a count, sync with the chain, resolve its open alerts.
import { useRouter } from "next/navigation";
import { useState } from "react";

import { ResolveAlertForm } from "@/components/batch-detail/resolve-alert-form";
import type { BulkBatch, Outcome } from "@/components/bulk";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { useHydrated } from "@/components/use-hydrated";
import { attempt } from "@/lib/endpoints/client";

import { requestCount, sync } from "./batch-calls";

export type RowPermissions = { canRequest: boolean; canSync: boolean; canResolve: boolean };

type Alert = { id: number; type: string; message: string; status: string };

export function RowActions({
  batchId,
  code,
  isMinted,
  openAlerts,
  can,
}: {
  batchId: number;
  code: string;
  isMinted: boolean;
  openAlerts: number;
  can: RowPermissions;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState<"count" | "sync" | null>(null);
  const isReady = useHydrated();
  const [alerts, setAlerts] = useState<Alert[] | null>(null);

  async function run(kind: "count" | "sync", action: (batch: BulkBatch) => Promise<Outcome>) {
    setBusy(kind);
    const result = await action({ id: batchId, code });
    toast.byTone(result.tone, `${code}: ${result.text}`);
    setBusy(null);
    if (result.tone !== "red") router.refresh();
  }

  const calls = [
    {
      kind: "count",
      label: "Request count",
      key: "c",
      busyLabel: "Requesting…",
      action: requestCount,
      isAllowed: can.canRequest && isMinted,
    },
    { kind: "sync", label: "Sync", key: "s", busyLabel: "Syncing…", action: sync, isAllowed: can.canSync },
  ] as const;

  async function showAlerts() {
    const r = await attempt("GET /api/batches/[batch_id]/alerts", { params: { batch_id: batchId } });
    setAlerts((r.ok ? r.data.data : []).filter((a) => a.status === "open"));
  }

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-1" role="group" aria-label={`Actions for ${code}`}>
        {calls
          .filter((c) => c.isAllowed)
          .map((c) => (
            <Button
              key={c.kind}
              size="sm"
              aria-keyshortcuts={c.key}
              disabled={busy !== null}
              isPending={!isReady || busy === c.kind}
              onClick={() => run(c.kind, c.action)}
            >
              {busy === c.kind ? c.busyLabel : c.label}
            </Button>
          ))}
        {can.canResolve && openAlerts > 0 && (
          <Button
            size="sm"
            aria-keyshortcuts="a"
            onClick={() => (alerts ? setAlerts(null) : showAlerts())}
            aria-expanded={alerts !== null}
          >
            Resolve alert{openAlerts > 1 ? "s" : ""} ({openAlerts})
          </Button>
        )}
      </div>
      {alerts && (
        <ul className="flex w-96 flex-col gap-2 whitespace-normal text-left">
          {alerts.length === 0 && <li className="text-xs text-stone-500">No open alerts.</li>}
          {alerts.map((a) => (
            <li key={a.id} className="flex flex-col gap-1 rounded-md border border-stone-200 p-2 dark:border-stone-700">
              <p className="text-xs">{a.message}</p>
              <ResolveAlertForm
                batchId={batchId}
                alertId={a.id}
                onResolved={() => setAlerts((list) => list && list.filter((x) => x.id !== a.id))}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
