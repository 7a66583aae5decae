// /inventory/sync/{id} — one reconciliation with the chain, readable: what it checked, and each
// difference it found with what it did about it. The same facts as GET /api/sync/{sync_id}.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";

import { ValueBadge } from "@/components/ui/badge";
import { Empty, frameClass } from "@/components/ui/card";
import { Row, Table, TableHead } from "@/components/ui/table";
import { toneStyles } from "@/components/ui/tones";
import { formatWhen } from "@/components/verification/display";
import { fieldWords } from "@/lib/audit/words";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/server";
import { can } from "@/lib/endpoints/permissions";
import { humanize } from "@/lib/format";
import { getSync } from "@/lib/sync/start";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Sync #${(await params).id}` };
}

export default async function SyncPage({ params }: Props) {
  const { id } = await params;
  const user = await requirePageUser(`/inventory/sync/${id}`);
  // A sync covers every batch: only those its API row lets in (staff, not organisation members).
  if (!can(user, "GET /api/sync/[sync_id]")) redirect("/forbidden");
  const sync = /^[1-9]\d{0,15}$/.test(id) ? await getSync(getDb(), Number(id)) : null;
  if (!sync) notFound();
  const figures = [
    ["Checked", sync.checked],
    ["Updated", sync.updated],
    ["Imported", sync.imported],
    ["Flagged", sync.flagged],
    ["Failed", sync.failed],
  ] as const;
  return (
    <div className="flex flex-col gap-5">
      <div>
        <p className="text-sm">
          <Link href="/inventory" className="underline">
            ← Inventory
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">Sync #{sync.id}</h1>
        <p className="flex flex-wrap items-center gap-2 text-sm text-stone-500">
          <ValueBadge value={sync.status} /> {humanize(sync.trigger)}
          {sync.batch_id === null ? " reconciliation of every batch" : " sync of one batch"}, started{" "}
          {formatWhen(sync.started_at ?? sync.created_at)}
          {sync.finished_at && `, finished ${formatWhen(sync.finished_at)}`}
          {sync.duration_ms !== null && ` in ${(sync.duration_ms / 1000).toFixed(1)} s`}
          {sync.to_block && ` · chain read at block ${sync.to_block}`}
        </p>
        {sync.error && <p className={`mt-1 text-sm ${toneStyles.amber.text}`}>{sync.error}</p>}
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {figures.map(([label, n]) => (
          <div key={label} className={`${frameClass} p-3`}>
            <dt className="text-xs uppercase tracking-wide text-stone-500">{label}</dt>
            <dd className="text-xl font-semibold tabular-nums">{n.toLocaleString("en-US")}</dd>
          </div>
        ))}
      </dl>
      {sync.results.length === 0 ? (
        <Empty>No differences: every batch checked matched the chain.</Empty>
      ) : (
        <Table label="Differences found">
          <TableHead isSticky columns={["Batch", "Field", "Off chain", "On chain", "Done", "Detail"]} />
          <tbody>
            {sync.results.map((r, i) => (
              <Row key={i} data-testid="sync-result">
                <td className="px-2 py-1.5 font-mono">
                  {r.batch_id !== null ? (
                    <Link href={`/batches/${r.batch_id}`} className="underline">
                      {r.batch_code ?? `#${r.batch_id}`}
                    </Link>
                  ) : r.token_id ? (
                    `token #${r.token_id}`
                  ) : (
                    "—"
                  )}
                </td>
                <td className="px-2 py-1.5">{fieldWords(r.field)}</td>
                <td className="px-2 py-1.5">{r.offchain ?? "—"}</td>
                <td className="px-2 py-1.5">{r.onchain ?? "—"}</td>
                <td className="px-2 py-1.5">
                  <ValueBadge value={r.action} />
                </td>
                <td className="px-2 py-1.5">{r.detail ?? ""}</td>
              </Row>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
