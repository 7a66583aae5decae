"use client";

import { useState } from "react";
import { useApiCall } from "@/components/use-api-call";
import { createOrganisation } from "@/lib/endpoints/admin";
import { ZNewOrganisation } from "@/lib/organisations/schemas";
import { TableHead } from "@/components/ui/table-head";

export type Organisation = { id: number; name: string; kind: string; wallets: string[]; members: number };

const kinds = ["cooperative", "exporter", "importer", "roaster"];
const input = "rounded border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-900";

export function AdminOrganisations({ organisations }: { organisations: Organisation[] }) {
  const { call, error } = useApiCall();
  const [name, setName] = useState("");
  const [kind, setKind] = useState("cooperative");
  return (
    <section aria-labelledby="organisations">
      <h2 id="organisations" className="mb-2 text-lg font-semibold">Organisations</h2>
      <p className="mb-2 text-sm text-stone-500">The operating company&apos;s staff see every batch; a member of any other organisation sees only the batches its wallets hold or held.</p>
      <form
        className="mb-3 flex flex-wrap items-end gap-2 text-sm"
        onSubmit={async (e) => {
          e.preventDefault();
          if (await call(createOrganisation, { body: { name, kind: ZNewOrganisation.shape.kind.parse(kind) } })) setName("");
        }}
      >
        <label className="flex flex-col text-xs">
          New organisation
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} className={input} />
        </label>
        <label className="flex flex-col text-xs">
          Kind
          <select value={kind} onChange={(e) => setKind(e.target.value)} className={input}>
            {kinds.map((k) => (
              <option key={k}>{k}</option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded bg-stone-900 px-3 py-1.5 text-white dark:bg-stone-100 dark:text-stone-900">Create organisation</button>
      </form>
      {error && <p role="alert" className="mb-2 text-sm text-red-700 dark:text-red-300">{error}</p>}
      <table className="min-w-full text-sm">
        <TableHead columns={["Name", "Kind", "Members", "Wallets"]} />
        <tbody>
          {organisations.map((o) => (
            <tr key={o.id} data-organisation-id={o.id} className="border-t border-stone-100 align-top dark:border-stone-800">
              <td className="py-1 pr-4">{o.name}</td>
              <td className="py-1 pr-4">{o.kind}</td>
              <td className="py-1 pr-4 tabular-nums">{o.members}</td>
              <td className="py-1 pr-4">
                {o.wallets.map((w) => (
                  <div key={w} className="font-mono text-xs">{w}</div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
