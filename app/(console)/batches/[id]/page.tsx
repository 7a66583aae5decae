import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ChainComparison } from "@/components/batches/chain-comparison";
import { StatusBadge } from "@/components/inventory/status-badge";
import { ApiError } from "@/lib/api/errors";
import { getBatch } from "@/lib/batches/get";
import { requirePageUser } from "@/lib/auth/session";
import { getChain } from "@/lib/chain/server";
import { getDb } from "@/lib/db/server";
import { humanize } from "@/lib/format";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

async function load(idParam: string) {
  await requirePageUser(`/batches/${idParam}`);
  const id = Number(idParam);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  try {
    return await getBatch(getDb(), getChain(), id);
  } catch (error) {
    if (error instanceof ApiError && error.code === "not_found") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const batch = await load((await params).id);
  return { title: batch.batch_code };
}

export default async function BatchPage({ params }: Props) {
  const batch = await load((await params).id);
  const facts: [string, string | number | null][] = [
    ["Origin", [batch.origin_country, batch.region].filter(Boolean).join(" · ")],
    ["Farm", batch.farm],
    ["Cooperative", batch.cooperative],
    ["Variety", batch.variety],
    ["Process", batch.process && humanize(batch.process)],
    ["Altitude (m)", batch.altitude_m],
    ["Harvest date", batch.harvest_date],
    ["Warehouse", batch.warehouse],
    ["Cupping score", batch.cupping_score],
    ["Moisture (%)", batch.moisture_pct],
    ["Owner", batch.owner_address],
  ];
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="font-mono text-2xl font-semibold tracking-tight">{batch.batch_code}</h1>
        <StatusBadge value={batch.status} />
        <StatusBadge value={batch.verification_status} />
        {batch.token_id && <span className="font-mono text-sm text-stone-500">token #{batch.token_id}</span>}
      </div>

      <section aria-labelledby="facts" className="rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
        <h2 id="facts" className="mb-3 text-sm font-semibold">Batch</h2>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-3">
          {facts.map(([label, value]) => (
            <div key={label} className="flex gap-2">
              <dt className="text-stone-500">{label}</dt>
              <dd className="break-all">{value ?? "—"}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="chain" className="rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900">
        <h2 id="chain" className="mb-3 text-sm font-semibold">On chain</h2>
        {batch.mint_tx_hash && (
          <p className="mb-3 text-sm">
            Mint transaction: <span className="break-all font-mono text-xs" data-testid="mint-tx-hash">{batch.mint_tx_hash}</span>
          </p>
        )}
        {batch.blockchain && <ChainComparison batch={batch} onchain={batch.blockchain} />}
        {batch.blockchain_error && <p role="alert" className="text-sm text-red-800 dark:text-red-200">{batch.blockchain_error}</p>}
        {!batch.token_id && <p className="text-sm text-stone-500">Not minted yet: this batch is a {humanize(batch.status)}.</p>}
      </section>
    </div>
  );
}
