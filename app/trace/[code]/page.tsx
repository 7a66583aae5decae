// /trace/{batch_code} — public (no sign-in): a batch's journey with a proof for each step. Rendered
// on the server, so it reads fully without JavaScript; the browser check is an extra.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";

import { TracePlots } from "@/components/eudr/trace-plots";
import { TraceStatements } from "@/components/eudr/trace-statements";
import { TraceFacts } from "@/components/trace/batch-facts";
import { BrowserCheck } from "@/components/trace/browser-check";
import { Timeline } from "@/components/trace/timeline";
import { loadTrace } from "@/lib/provenance/page-data";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ code: string }> };

const load = cache(async (raw: string) => {
  const code = decodeURIComponent(raw);
  if (!/^[\w.-]{1,64}$/.test(code)) notFound();
  return (await loadTrace(code, await headers())) ?? notFound();
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await load((await params).code);
  if (t.isLimited) return { title: "Too many views", robots: { index: false } };
  return {
    title: `Trace ${t.batch.batchCode}`,
    description: `The journey of coffee batch ${t.batch.batchCode} from ${t.batch.origin}, proven on chain.`,
  };
}

export default async function TracePage({ params }: Props) {
  const t = await load((await params).code);
  if (t.isLimited) {
    return (
      <main className="mx-auto max-w-2xl space-y-2 px-4 py-8">
        <h1 className="text-2xl font-semibold">Too many views</h1>
        <p className="text-stone-600 dark:text-stone-400" data-testid="trace-limited">
          This network has opened too many provenance pages in the last minute. Try again in {t.retryAfterSeconds}{" "}
          seconds.
        </p>
      </main>
    );
  }
  const anchored = t.timeline.filter((s) => s.proof.anchor);
  return (
    <main className="mx-auto max-w-2xl space-y-6 px-4 py-8">
      <header className="space-y-1">
        <p className="text-xs uppercase tracking-widest text-stone-500">Batchtrail · provenance</p>
        <h1 className="text-2xl font-semibold">{t.batch.batchCode}</h1>
        <p className="text-stone-600 dark:text-stone-400">
          Coffee from {t.batch.origin}
          {t.batch.status === "redeemed" ? " · redeemed" : t.batch.status === "expired" ? " · expired" : ""}
        </p>
      </header>
      <section aria-labelledby="facts" className="rounded-lg border border-stone-200 p-4 dark:border-stone-800">
        <h2 id="facts" className="sr-only">
          About this batch
        </h2>
        <TraceFacts batch={t.batch} />
      </section>
      <TracePlots batchId={t.batch.id} code={t.batch.batchCode} />
      <section aria-labelledby="journey" className="space-y-4">
        <h2 id="journey" className="text-lg font-semibold">
          Its journey
        </h2>
        <Timeline steps={t.timeline} explorerUrl={t.explorerUrl} />
      </section>
      <section aria-labelledby="proofs" className="space-y-2 text-sm text-stone-600 dark:text-stone-400">
        <h2 id="proofs" className="text-base font-semibold text-stone-900 dark:text-stone-100">
          How these steps are proven
        </h2>
        <p>
          Every step is a record in an append-only, hash-chained audit log. The log&apos;s records are gathered into
          Merkle trees whose roots are written to the AuditAnchor contract
          {t.anchor && (
            <>
              {" "}
              <span className="font-mono text-xs">{t.anchor.address}</span> on chain {t.anchor.chainId}
            </>
          )}
          . Each badge says whether the record, its path and the root on chain agree.
        </p>
        {t.rpcUrl && anchored.length > 0 && <BrowserCheck rpcUrl={t.rpcUrl} proofs={anchored.map((s) => s.proof)} />}
      </section>
      <TraceStatements batchId={t.batch.id} />
    </main>
  );
}
