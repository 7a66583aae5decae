import type { Metadata } from "next";
import Link from "next/link";
import { AdminApiKeys } from "@/components/admin/api-keys";
import { AdminOrganisations } from "@/components/admin/organisations";
import { PendingWallets } from "@/components/admin/pending-wallets";
import { InviteForm } from "@/components/admin/invite-form";
import { AdminUsers } from "@/components/admin/users";
import { listApiKeys } from "@/lib/auth/api-keys";
import { requirePageUser } from "@/lib/auth/session";
import { listSignIns, listUsers } from "@/lib/auth/users";
import { getDb } from "@/lib/db/server";
import { listOrganisations } from "@/lib/organisations/organisations";
import { TableHead } from "@/components/ui/table-head";

export const metadata: Metadata = { title: "Admin" };
export const dynamic = "force-dynamic";

export default async function AdminPage() {
  const me = await requirePageUser("/admin");
  const db = getDb();
  const [users, keys, signIns, organisations] = await Promise.all([listUsers(db), listApiKeys(db), listSignIns(db, 30), listOrganisations(db)]);
  const approved = users.filter((u) => !u.is_pending);
  return (
    <div className="flex flex-col gap-8">
      <div className="flex items-baseline gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">Admin</h1>
        <Link href="/admin/warehouses" className="text-sm underline">
          Warehouses
        </Link>
        <Link href="/admin/mail" className="text-sm underline">
          Caught mail
        </Link>
      </div>
      <PendingWallets pending={users.filter((u) => u.is_pending)} organisations={organisations} users={approved} />
      <AdminOrganisations organisations={organisations} />
      <InviteForm />
      <AdminUsers users={approved} organisations={organisations} myId={me.id} />
      <AdminApiKeys keys={keys.map((k) => ({ id: k.id, name: k.name, prefix: k.prefix, role: k.role, created_at: k.createdAt.toISOString(), last_used_at: k.lastUsedAt?.toISOString() ?? null, revoked_at: k.revokedAt?.toISOString() ?? null }))} />
      <section aria-labelledby="sign-ins">
        <h2 id="sign-ins" className="mb-2 text-lg font-semibold">Recent sign-ins</h2>
        <table className="min-w-full text-sm">
          <TableHead columns={["When", "Who", "How", "Result", "From"]} />
          <tbody>
            {signIns.map((e) => (
              <tr key={e.id} className="border-t border-stone-100 dark:border-stone-800">
                <td className="py-1 pr-4 tabular-nums">{e.createdAt.toISOString().replace("T", " ").slice(0, 19)}</td>
                <td className="py-1 pr-4 font-mono text-xs">{e.identifier}</td>
                <td className="py-1 pr-4">{e.method}</td>
                <td className={`py-1 pr-4 ${e.isSuccess ? "" : "text-red-700 dark:text-red-300"}`}>{e.isSuccess ? "signed in" : `refused: ${e.reason}`}</td>
                <td className="py-1 pr-4 font-mono text-xs">{e.ip ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
