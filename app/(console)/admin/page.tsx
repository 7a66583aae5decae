import type { Metadata } from "next";
import Link from "next/link";

import { AdminApiKeys } from "@/components/admin/api-keys";
import { AdminBuyers } from "@/components/admin/buyers";
import { InviteForm } from "@/components/admin/invite-form";
import { AdminOrganisations } from "@/components/admin/organisations";
import { PendingWallets } from "@/components/admin/pending-wallets";
import { AdminUsers } from "@/components/admin/users";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { rowClass, Table, TableHead } from "@/components/ui/table";
import { toneStyles } from "@/components/ui/tones";
import { countOpenSystemAlerts } from "@/lib/alerts/system";
import { listApiKeys } from "@/lib/auth/api-keys";
import { requirePageUser } from "@/lib/auth/session";
import { listSignIns, listUsers } from "@/lib/auth/users";
import { getDb } from "@/lib/db/server";
import { listBuyers } from "@/lib/orders/buyers";
import { listOrganisations } from "@/lib/organisations/organisations";

export const metadata: Metadata = { title: "Admin" };
export const dynamic = "force-dynamic";

export default async function AdminPage() {
  const me = await requirePageUser("/admin");
  const db = getDb();
  const [users, keys, signIns, organisations, buyers, openAlerts] = await Promise.all([
    listUsers(db),
    listApiKeys(db),
    listSignIns(db, 30),
    listOrganisations(db),
    listBuyers(db),
    countOpenSystemAlerts(db),
  ]);
  const approved = users.filter((u) => !u.is_pending);
  return (
    <div className="flex flex-col gap-8">
      <PageHeader title="Admin">
        Wallets to approve, organisations, buyers&apos; delivery wallets and addresses, invitations, users, API keys and
        sign-ins; also{" "}
        <Link href="/admin/warehouses" className="underline">
          Warehouses
        </Link>
        ,{" "}
        <Link href="/admin/system-alerts" className="underline">
          System alerts ({openAlerts} open)
        </Link>
        ,{" "}
        <Link href="/admin/webhooks" className="underline">
          Webhooks
        </Link>{" "}
        and{" "}
        <Link href="/admin/mail" className="underline">
          Caught mail
        </Link>
        .
      </PageHeader>
      <PendingWallets pending={users.filter((u) => u.is_pending)} organisations={organisations} users={approved} />
      <AdminOrganisations organisations={organisations} />
      <AdminBuyers buyers={buyers} />
      <InviteForm />
      <AdminUsers users={approved} organisations={organisations} myId={me.id} />
      <AdminApiKeys
        keys={keys.map((k) => ({
          id: k.id,
          name: k.name,
          prefix: k.prefix,
          role: k.role,
          created_at: k.createdAt.toISOString(),
          last_used_at: k.lastUsedAt?.toISOString() ?? null,
          revoked_at: k.revokedAt?.toISOString() ?? null,
        }))}
      />
      <Card id="sign-ins" title="Recent sign-ins">
        <Table isFramed={false}>
          <TableHead columns={["When", "Who", "How", "Result", "From"]} />
          <tbody>
            {signIns.map((e) => (
              <tr key={e.id} className={rowClass}>
                <td className="px-2 py-1 tabular-nums">{e.createdAt.toISOString().replace("T", " ").slice(0, 19)}</td>
                <td className="px-2 py-1 font-mono text-xs">{e.identifier}</td>
                <td className="px-2 py-1">{e.method}</td>
                <td className={`px-2 py-1 ${e.isSuccess ? "" : toneStyles.red.text}`}>
                  {e.isSuccess ? "signed in" : `refused: ${e.reason}`}
                </td>
                <td className="px-2 py-1 font-mono text-xs">{e.ip ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </div>
  );
}
