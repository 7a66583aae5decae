"use client";

import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { field } from "@/components/ui/field";
import { Row, Table, TableHead } from "@/components/ui/table";
import { useErrorToast } from "@/components/ui/toast";
import { useApiCall } from "@/components/use-api-call";

import { OrganisationSelect } from "./organisation-select";
import { RoleSelect } from "./role-select";

type User = {
  id: number;
  email: string | null;
  name: string;
  role: string;
  is_active: boolean;
  has_totp: boolean;
  is_locked_out: boolean;
  wallets: string[];
  organisation_id: number | null;
};

export function AdminUsers({
  users,
  organisations,
  myId,
}: {
  users: User[];
  organisations: { id: number; name: string }[];
  myId: number;
}) {
  const { call, error } = useApiCall();
  const [wallet, setWallet] = useState<Record<number, string>>({});
  useErrorToast(error);
  return (
    <Card id="users" title="Users">
      <Table isFramed={false}>
        <TableHead columns={["Name", "Email", "Role", "Organisation", "Active", "Sign-in", "Wallets"]} />
        <tbody>
          {users.map((u) => (
            <Row key={u.id} data-user-id={u.id}>
              <td className="px-2 py-1.5">{u.name}</td>
              <td className="px-2 py-1.5">{u.email ?? "—"}</td>
              <td className="px-2 py-1.5">
                <RoleSelect user={u} isSelf={u.id === myId} />
              </td>
              <td className="px-2 py-1.5">
                <OrganisationSelect user={u} organisations={organisations} isSelf={u.id === myId} />
              </td>
              <td className="px-2 py-1.5">
                <input
                  type="checkbox"
                  aria-label={`${u.name} is active`}
                  checked={u.is_active}
                  disabled={u.id === myId}
                  onChange={(e) =>
                    call("PATCH /api/admin/users/[user_id]", {
                      params: { user_id: u.id },
                      body: { is_active: e.target.checked },
                    })
                  }
                />
              </td>
              <td className="px-2 py-1.5">
                {u.has_totp && <div className="text-xs">two-factor on</div>}
                {u.is_locked_out ? (
                  <Button
                    variant="danger"
                    size="sm"
                    onClick={() => call("DELETE /api/admin/users/[user_id]/lockout", { params: { user_id: u.id } })}
                  >
                    Lift lockout of {u.name}
                  </Button>
                ) : (
                  !u.has_totp && <span className="text-xs text-stone-500">—</span>
                )}
              </td>
              <td className="px-2 py-1.5">
                {u.wallets.map((w) => (
                  <div key={w} className="font-mono text-xs">
                    {w}
                  </div>
                ))}
                <form
                  className="mt-1 flex gap-1"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void call("PATCH /api/admin/users/[user_id]", {
                      params: { user_id: u.id },
                      body: { link_wallet: wallet[u.id] },
                    });
                  }}
                >
                  <input
                    aria-label={`Wallet to link to ${u.name}`}
                    placeholder="0x…"
                    value={wallet[u.id] ?? ""}
                    onChange={(e) => setWallet({ ...wallet, [u.id]: e.target.value })}
                    className={`${field} w-44 font-mono text-xs`}
                  />
                  <Button type="submit" variant="ghost" size="sm">
                    Link
                  </Button>
                </form>
              </td>
            </Row>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
