"use client";

// A requested return's intake: an operator receives it at a warehouse (the shipping wallet takes the
// tokens back from the buyer's wallet), or rejects it saying why.
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { field, Field, invalidBy } from "@/components/ui/field";
import { FieldError } from "@/components/ui/field-error";
import { NoteDialog } from "@/components/ui/note-dialog";
import { useToastedAction } from "@/components/use-toasted-action";
import { attempt } from "@/lib/endpoints/client";
import { formatDecimal } from "@/lib/format";

type Warehouse = { code: string; name: string; capacity_kg: string; on_hand_kg: string };

export function ReturnIntake({ returnId, warehouses }: { returnId: number; warehouses: Warehouse[] }) {
  const [warehouse, setWarehouse] = useState("");
  const { running, run } = useToastedAction<"receive" | "reject">();
  const [isAsking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const params = { return_id: returnId };

  async function receive() {
    if (!warehouse) return setError("choose a warehouse");
    setError(null);
    const request = () => attempt("POST /api/returns/[return_id]/receive", { params, body: { warehouse } });
    await run(request, `Return ${returnId} is being received at ${warehouse}.`, "receive");
  }

  async function reject(note: string) {
    setAsking(false);
    const request = () => attempt("POST /api/returns/[return_id]/reject", { params, body: { note: note.trim() } });
    await run(request, `Return ${returnId} rejected.`, "reject");
  }

  return (
    <Card id="return-intake" title="Intake">
      <div className="flex flex-wrap items-end gap-3">
        <Field id="intake-warehouse" label="Warehouse">
          <select
            id="intake-warehouse"
            value={warehouse}
            onChange={(e) => setWarehouse(e.target.value)}
            className={field}
            {...invalidBy("intake-warehouse-error", error)}
          >
            <option value="">Choose a warehouse</option>
            {warehouses.map((w) => (
              <option key={w.code} value={w.code}>
                {w.code}: {w.name} ({formatDecimal(w.on_hand_kg, 0)} of {formatDecimal(w.capacity_kg, 0)} kg)
              </option>
            ))}
          </select>
        </Field>
        <Button variant="primary" isPending={running === "receive"} disabled={running !== null} onClick={receive}>
          Receive
        </Button>
        <Button
          variant="danger"
          isPending={running === "reject"}
          disabled={running !== null}
          onClick={() => setAsking(true)}
        >
          Reject…
        </Button>
      </div>
      <FieldError id="intake-warehouse-error" message={error} />
      {isAsking && (
        <NoteDialog
          title={`Reject return ${returnId}?`}
          description="The buyer sees the return rejected with your note; this cannot be undone."
          note={{ id: "reject-note", label: "Why (required)", maxLength: 2000, required: true }}
          confirm="Yes, reject"
          variant="danger"
          isNoteNeeded
          onConfirm={(note) => void reject(note)}
          onClose={() => setAsking(false)}
        />
      )}
    </Card>
  );
}
