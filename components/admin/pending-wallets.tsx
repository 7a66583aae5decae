"use client";

import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Card, Empty } from "@/components/ui/card";
import { field } from "@/components/ui/field";
import { namedOption, Options } from "@/components/ui/select";
import { useErrorToast } from "@/components/ui/toast";
import { useApiCall } from "@/components/use-api-call";
import { ZUserChange } from "@/lib/auth/schemas";

import type { Organisation } from "./organisations";

type Pending = { id: number; name: string; wallets: string[] };
type User = { id: number; name: string; email: string | null };

/** Wallets that signed in and wait: approve each into an organisation, or link it to a user who exists. */
export function PendingWallets({
  pending,
  organisations,
  users,
}: {
  pending: Pending[];
  organisations: Organisation[];
  users: User[];
}) {
  const { call, error } = useApiCall();
  const [choice, setChoice] = useState<Record<number, { organisation?: string; role?: string; user?: string }>>({});
  const staff = organisations.find((o) => o.kind === "operator");
  useErrorToast(error);
  return (
    <Card id="pending-wallets" title="Wallets waiting for approval">
      {pending.length === 0 && <Empty>No wallet is waiting.</Empty>}
      <ul className="flex flex-col gap-2">
        {pending.map((p) => {
          const c = choice[p.id] ?? {};
          const set = (change: Partial<typeof c>) => setChoice({ ...choice, [p.id]: { ...c, ...change } });
          const organisationId =
            c.organisation ?? String(organisations.find((o) => o.kind !== "operator")?.id ?? staff?.id ?? "");
          const isStaff = organisationId === String(staff?.id);
          return (
            <li
              key={p.id}
              data-pending-user-id={p.id}
              className="flex flex-wrap items-center gap-2 rounded border border-stone-200 p-2 text-sm dark:border-stone-800"
            >
              <span className="font-mono text-xs">{p.wallets.join(", ") || p.name}</span>
              <select
                aria-label={`Organisation for ${p.wallets[0] ?? p.name}`}
                value={organisationId}
                onChange={(e) => set({ organisation: e.target.value })}
                className={field}
              >
                <Options items={organisations.map(namedOption)} />
              </select>
              <select
                aria-label={`Role for ${p.wallets[0] ?? p.name}`}
                value={isStaff ? (c.role ?? "viewer") : "viewer"}
                disabled={!isStaff}
                onChange={(e) => set({ role: e.target.value })}
                className={field}
              >
                {["viewer", "verifier", "operator", "admin"].map((r) => (
                  <option key={r}>{r}</option>
                ))}
              </select>
              <Button
                variant="primary"
                onClick={() =>
                  call("POST /api/admin/users/[user_id]/approve", {
                    params: { user_id: p.id },
                    body: {
                      organisation_id: Number(organisationId),
                      role: ZUserChange.shape.role.unwrap().parse(isStaff ? (c.role ?? "viewer") : "viewer"),
                    },
                  })
                }
              >
                Approve {p.wallets[0] ?? p.name}
              </Button>
              <span className="text-stone-500">or link to</span>
              <select
                aria-label={`User to link ${p.wallets[0] ?? p.name} to`}
                value={c.user ?? ""}
                onChange={(e) => set({ user: e.target.value })}
                className={field}
              >
                <option value="">choose a user</option>
                {users.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.email ?? u.name}
                  </option>
                ))}
              </select>
              <Button
                variant="ghost"
                disabled={!c.user}
                onClick={() =>
                  call("POST /api/admin/users/[user_id]/approve", {
                    params: { user_id: p.id },
                    body: { link_to_user_id: Number(c.user) },
                  })
                }
              >
                Link
              </Button>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
