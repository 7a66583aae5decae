"use client";

import { useState } from "react";
import { useApiCall } from "@/components/use-api-call";
import { ZNewApiKey } from "@/lib/auth/schemas";
import { createApiKey, revokeApiKey } from "@/lib/endpoints/admin";
import { TableHead } from "@/components/ui/table-head";
import { NewKey, RevokeKey } from "./api-key-parts";

type Key = { id: number; name: string; prefix: string; role: string; created_at: string; last_used_at: string | null; revoked_at: string | null };

export function AdminApiKeys({ keys }: { keys: Key[] }) {
  const { call, error } = useApiCall();
  const [name, setName] = useState("");
  const [role, setRole] = useState<"operator" | "verifier" | "viewer">("viewer");
  const [created, setCreated] = useState<string | null>(null);
  return (
    <section aria-labelledby="api-keys">
      <h2 id="api-keys" className="mb-2 text-lg font-semibold">API keys</h2>
      <form
        className="mb-3 flex flex-wrap items-end gap-2 text-sm"
        onSubmit={async (e) => {
          e.preventDefault();
          const result = await call(createApiKey, { body: { name, role } });
          if (result) {
            setCreated(result.key);
            setName("");
          }
        }}
      >
        <label className="flex flex-col text-xs">
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} required className="rounded border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-900" />
        </label>
        <label className="flex flex-col text-xs">
          Role
          <select value={role} onChange={(e) => setRole(ZNewApiKey.shape.role.parse(e.target.value))} className="rounded border border-stone-300 bg-white px-2 py-1 text-sm dark:border-stone-700 dark:bg-stone-900">
            <option>viewer</option>
            <option>verifier</option>
            <option>operator</option>
          </select>
        </label>
        <button type="submit" className="rounded bg-stone-900 px-3 py-1.5 text-white dark:bg-stone-100 dark:text-stone-900">Create key</button>
      </form>
      {created && <NewKey value={created} />}
      <table className="min-w-full text-sm">
        <TableHead columns={["Name", "Key", "Role", "Last used", ""]} />
        <tbody>
          {keys.map((k) => (
            <tr key={k.id} className="border-t border-stone-100 dark:border-stone-800">
              <td className="py-1 pr-4">{k.name}</td>
              <td className="py-1 pr-4 font-mono text-xs">bt_{k.prefix}_…</td>
              <td className="py-1 pr-4">{k.role}</td>
              <td className="py-1 pr-4 text-xs">{k.last_used_at?.slice(0, 19).replace("T", " ") ?? "never"}</td>
              <td className="py-1 pr-4">
                {k.revoked_at ? (
                  <span className="text-xs text-stone-500">revoked</span>
                ) : (
                  <RevokeKey name={k.name} onRevoke={() => call(revokeApiKey, { params: { key_id: k.id } })} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error && <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">{error}</p>}
    </section>
  );
}
