"use client";

import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { field } from "@/components/ui/field";
import { ColumnTable, Lines, type ColumnOf } from "@/components/ui/table";
import { useErrorToast } from "@/components/ui/toast";
import { useApiCall } from "@/components/use-api-call";
import { ZNewOrganisation } from "@/lib/organisations/schemas";

export type Organisation = { id: number; name: string; kind: string; wallets: string[]; members: number };

const kinds = ["cooperative", "exporter", "importer", "roaster"];
const columns: ColumnOf<Organisation>[] = [
  { label: "Name", cell: (o) => o.name },
  { label: "Kind", cell: (o) => o.kind },
  { label: "Members", cell: (o) => o.members, className: "tabular-nums" },
  { label: "Wallets", cell: (o) => <Lines lines={o.wallets} />, className: "font-mono text-xs" },
];
export function AdminOrganisations({ organisations }: { organisations: Organisation[] }) {
  const { call, error } = useApiCall();
  const [name, setName] = useState("");
  const [kind, setKind] = useState("cooperative");
  useErrorToast(error);
  return (
    <Card id="organisations" title="Organisations">
      <p className="text-sm text-stone-500">
        The operating company&apos;s staff see every batch; a member of any other organisation sees only the batches its
        wallets hold or held.
      </p>
      <form
        className="flex flex-wrap items-end gap-2 text-sm"
        onSubmit={async (e) => {
          e.preventDefault();
          if (
            await call("POST /api/admin/organisations", {
              body: { name, kind: ZNewOrganisation.shape.kind.parse(kind) },
            })
          )
            setName("");
        }}
      >
        <label className="flex flex-col text-xs">
          New organisation
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} className={field} />
        </label>
        <label className="flex flex-col text-xs">
          Kind
          <select value={kind} onChange={(e) => setKind(e.target.value)} className={field}>
            {kinds.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>
        <Button type="submit" variant="primary">
          Create organisation
        </Button>
      </form>
      <ColumnTable rows={organisations} columns={columns} idName="organisation-id" />
    </Card>
  );
}
