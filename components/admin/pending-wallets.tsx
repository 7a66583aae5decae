"use client";

import { useState } from "react";
import { useApiCall } from "@/components/use-api-call";
import { ZUserChange } from "@/lib/auth/schemas";
import { approveUser } from "@/lib/endpoints/admin";
import type { Organisation } from "./organisations";

type Pending = { id: number; name: string; wallets: string[] };
type User = { id: number; name: string; email: string | null };

const input = "rounded border border-stone-300 bg-white px-1 py-0.5 text-sm dark:border-stone-700 dark:bg-stone-900";

/** Wallets that signed in and wait: approve each into an organisation, or link it to a user who exists. */
export function PendingWallets({ pending, organisations, users }: { pending: Pending[]; organisations: Organisation[]; users: User[] }) {
  const { call, error } = useApiCall();
  const [choice, setChoice] = useState<Record<number, { organisation?: string; role?: string; user?: string }>>({});
  const staff = organisations.find((o) => o.kind === "operator");
  return (
    <section aria-labelledby="pending-wallets">
      <h2 id="pending-wallets" className="mb-2 text-lg font-semibold">Wallets waiting for approval</h2>
      {pending.length === 0 && <p className="text-sm text-stone-500">No wallet is waiting.</p>}
      <ul className="flex flex-col gap-2">
        {pending.map((p) => {
          const c = choice[p.id] ?? {};
          const set = (change: Partial<typeof c>) => setChoice({ ...choice, [p.id]: { ...c, ...change } });
          const organisationId = c.organisation ?? String(organisations.find((o) => o.kind !== "operator")?.id ?? staff?.id ?? "");
          const isStaff = organisationId === String(staff?.id);
          return (
            <li key={p.id} data-pending-user-id={p.id} className="flex flex-wrap items-center gap-2 rounded border border-stone-200 p-2 text-sm dark:border-stone-800">
              <span className="font-mono text-xs">{p.wallets.join(", ") || p.name}</span>
              <select aria-label={`Organisation for ${p.wallets[0] ?? p.name}`} value={organisationId} onChange={(e) => set({ organisation: e.target.value })} className={input}>
                {organisations.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name} ({o.kind})
                  </option>
                ))}
              </select>
              <select aria-label={`Role for ${p.wallets[0] ?? p.name}`} value={isStaff ? (c.role ?? "viewer") : "viewer"} disabled={!isStaff} onChange={(e) => set({ role: e.target.value })} className={input}>
                {["viewer", "verifier", "operator", "admin"].map((r) => (
                  <option key={r}>{r}</option>
                ))}
              </select>
              <button type="button" onClick={() => call(approveUser, { params: { user_id: p.id }, body: { organisation_id: Number(organisationId), role: ZUserChange.shape.role.unwrap().parse(isStaff ? (c.role ?? "viewer") : "viewer") } })} className="rounded bg-stone-900 px-2 py-1 text-white dark:bg-stone-100 dark:text-stone-900">
                Approve {p.wallets[0] ?? p.name}
              </button>
              <span className="text-stone-500">or link to</span>
              <select aria-label={`User to link ${p.wallets[0] ?? p.name} to`} value={c.user ?? ""} onChange={(e) => set({ user: e.target.value })} className={input}>
                <option value="">choose a user</option>
                {users.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.email ?? u.name}
                  </option>
                ))}
              </select>
              <button type="button" disabled={!c.user} onClick={() => call(approveUser, { params: { user_id: p.id }, body: { link_to_user_id: Number(c.user) } })} className="underline disabled:opacity-50">
                Link
              </button>
            </li>
          );
        })}
      </ul>
      {error && <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">{error}</p>}
    </section>
  );
}
