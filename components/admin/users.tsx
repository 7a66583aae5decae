"use client";

import { useState } from "react";
import { useApiCall } from "@/components/use-api-call";
import { changeUser, liftLockout } from "@/lib/endpoints/admin";
import { TableHead } from "@/components/ui/table-head";
import { OrganisationSelect } from "./organisation-select";
import { RoleSelect } from "./role-select";

type User = { id: number; email: string | null; name: string; role: string; is_active: boolean; has_totp: boolean; is_locked_out: boolean; wallets: string[]; organisation_id: number | null };

export function AdminUsers({ users, organisations, myId }: { users: User[]; organisations: { id: number; name: string }[]; myId: number }) {
  const { call, error } = useApiCall();
  const [wallet, setWallet] = useState<Record<number, string>>({});
  return (
    <section aria-labelledby="users">
      <h2 id="users" className="mb-2 text-lg font-semibold">Users</h2>
      <table className="min-w-full text-sm">
        <TableHead columns={["Name", "Email", "Role", "Organisation", "Active", "Sign-in", "Wallets"]} />
        <tbody>
          {users.map((u) => (
            <tr key={u.id} data-user-id={u.id} className="border-t border-stone-100 align-top dark:border-stone-800">
              <td className="py-1.5 pr-4">{u.name}</td>
              <td className="py-1.5 pr-4">{u.email ?? "—"}</td>
              <td className="py-1.5 pr-4">
                <RoleSelect user={u} isSelf={u.id === myId} />
              </td>
              <td className="py-1.5 pr-4">
                <OrganisationSelect user={u} organisations={organisations} isSelf={u.id === myId} />
              </td>
              <td className="py-1.5 pr-4">
                <input type="checkbox" aria-label={`${u.name} is active`} checked={u.is_active} disabled={u.id === myId} onChange={(e) => call(changeUser, { params: { user_id: u.id }, body: { is_active: e.target.checked } })} />
              </td>
              <td className="py-1.5 pr-4">
                {u.has_totp && <div className="text-xs">two-factor on</div>}
                {u.is_locked_out ? (
                  <button type="button" className="text-xs text-red-700 underline dark:text-red-300" onClick={() => call(liftLockout, { params: { user_id: u.id } })}>
                    Lift lockout of {u.name}
                  </button>
                ) : (
                  !u.has_totp && <span className="text-xs text-stone-500">—</span>
                )}
              </td>
              <td className="py-1.5 pr-4">
                {u.wallets.map((w) => (
                  <div key={w} className="font-mono text-xs">{w}</div>
                ))}
                <form
                  className="mt-1 flex gap-1"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void call(changeUser, { params: { user_id: u.id }, body: { link_wallet: wallet[u.id] } });
                  }}
                >
                  <input aria-label={`Wallet to link to ${u.name}`} placeholder="0x…" value={wallet[u.id] ?? ""} onChange={(e) => setWallet({ ...wallet, [u.id]: e.target.value })} className="w-44 rounded border border-stone-300 bg-white px-1 font-mono text-xs dark:border-stone-700 dark:bg-stone-900" />
                  <button type="submit" className="text-xs underline">Link</button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {error && <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">{error}</p>}
    </section>
  );
}
