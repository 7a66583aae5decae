"use client";

// A requested return's intake: an operator receives it at a warehouse (the shipping wallet takes the
// tokens back from the buyer's wallet), or rejects it saying why.
import { useRouter } from "next/navigation";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { FieldError } from "@/components/ui/field-error";
import { field, labelStyle } from "@/components/ui/select";
import { toast } from "@/components/ui/toast";
import { attempt } from "@/lib/endpoints/client";
import { formatDecimal } from "@/lib/format";

type Warehouse = { code: string; name: string; capacity_kg: string; on_hand_kg: string };

export function ReturnIntake({ returnId, warehouses }: { returnId: number; warehouses: Warehouse[] }) {
  const router = useRouter();
  const [warehouse, setWarehouse] = useState("");
  const [running, setRunning] = useState<"receive" | "reject" | null>(null);
  const [isAsking, setAsking] = useState(false);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);

  async function receive() {
    if (!warehouse) return setError("choose a warehouse");
    setError(null);
    setRunning("receive");
    const r = await attempt("POST /api/returns/[return_id]/receive", {
      params: { return_id: returnId },
      body: { warehouse },
    });
    setRunning(null);
    if (r.ok) toast.success(`Return ${returnId} is being received at ${warehouse}.`);
    else toast.error(r.error.message);
    router.refresh();
  }

  async function reject() {
    setAsking(false);
    setRunning("reject");
    const r = await attempt("POST /api/returns/[return_id]/reject", {
      params: { return_id: returnId },
      body: { note: note.trim() },
    });
    setRunning(null);
    if (r.ok) toast.success(`Return ${returnId} rejected.`);
    else toast.error(r.error.message);
    router.refresh();
  }

  return (
    <Card id="return-intake" title="Intake">
      <div className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="intake-warehouse" className={labelStyle}>
            Warehouse
          </label>
          <select
            id="intake-warehouse"
            value={warehouse}
            onChange={(e) => setWarehouse(e.target.value)}
            className={field}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "intake-warehouse-error" : undefined}
          >
            <option value="">Choose a warehouse</option>
            {warehouses.map((w) => (
              <option key={w.code} value={w.code}>
                {w.code}: {w.name} ({formatDecimal(w.on_hand_kg, 0)} of {formatDecimal(w.capacity_kg, 0)} kg)
              </option>
            ))}
          </select>
        </div>
        <Button variant="primary" isPending={running === "receive"} disabled={running !== null} onClick={receive}>
          Receive
        </Button>
        <Button
          variant="danger"
          isPending={running === "reject"}
          disabled={running !== null}
          onClick={() => (setNote(""), setAsking(true))}
        >
          Reject…
        </Button>
      </div>
      <FieldError id="intake-warehouse-error" message={error} />
      {isAsking && (
        <Dialog
          open
          onOpenChange={setAsking}
          title={`Reject return ${returnId}?`}
          description="The buyer sees the return rejected with your note; this cannot be undone."
        >
          <form
            className="flex flex-col gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              void reject();
            }}
          >
            <label htmlFor="reject-note" className={labelStyle}>
              Why (required)
            </label>
            <textarea
              id="reject-note"
              rows={2}
              maxLength={2000}
              required
              value={note}
              onChange={(e) => setNote(e.target.value)}
              className={field}
            />
            <Button type="submit" variant="danger" className="self-start" disabled={!note.trim()}>
              Yes, reject
            </Button>
          </form>
        </Dialog>
      )}
    </Card>
  );
}
