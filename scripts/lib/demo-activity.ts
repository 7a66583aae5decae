// The off-chain side of the demo's past, through the app's own functions with the clock of the
// moment each thing happened: a quality check on arrival, a fraud assessment the day after minting,
// a warehouse count days to weeks later (some off, which raises an alert that is resolved later);
// a lot in eight arrives damaged, graded below standard (an alert that stays open).
import { eq, inArray } from "drizzle-orm";

import { resolveAlert } from "@/lib/alerts/alerts";
import { actorOf } from "@/lib/audit/actor";
import type { Caller } from "@/lib/auth/caller";
import type { ChainHandle } from "@/lib/chain/server";
import { gramsToKg, kgToGrams } from "@/lib/chain/units";
import type { Db } from "@/lib/db";
import { batchAlerts, batches, users } from "@/lib/db/schema";
import { assessFraud } from "@/lib/fraud/assess";
import { recordQualityCheck } from "@/lib/quality/checks";
import { processRequest, requestVerification } from "@/lib/verification/requests";

import type { DemoHistoryBatch } from "./demo-history";
import { seededRandom } from "./random";

const day = 86_400_000;
const later = (d: Date, days: number) => new Date(d.getTime() + days * day);

type Step = { at: Date; run: () => Promise<unknown> };

/** Seeds the batches' off-chain history in time order; returns how many records it made. */
export async function seedDemoActivity(
  db: Db,
  chain: ChainHandle,
  list: DemoHistoryBatch[],
  opts: { verifierEmail: string; tolerancePct: string; now?: Date; seed?: number },
): Promise<number> {
  const now = opts.now ?? new Date();
  const rand = seededRandom(opts.seed ?? 2026);
  const [verifier] = await db.select().from(users).where(eq(users.email, opts.verifierEmail));
  if (!verifier) throw new Error(`no demo verifier ${opts.verifierEmail}`);
  const caller: Caller = {
    kind: "user",
    user: { ...verifier, organisationKind: null, isPending: false } as Extract<Caller, { kind: "user" }>["user"],
  };
  const actor = actorOf(caller);
  const rows = await db
    .select({ id: batches.id, code: batches.batchCode, status: batches.status })
    .from(batches)
    .where(
      inArray(
        batches.batchCode,
        list.map((b) => b.metadata.batch_code),
      ),
    );
  const byCode = new Map(rows.map((r) => [r.code, r]));

  const steps: Step[] = [];
  for (const [i, b] of list.entries()) {
    const row = byCode.get(b.metadata.batch_code);
    if (!row) continue;
    // One lot in eight (spread over the years: the list is in minting order) arrives damaged.
    const isBadLot = i % 8 === 3;
    steps.push({
      at: b.checkedAt,
      run: () =>
        recordQualityCheck(
          db,
          row.id,
          {
            cupping_score: Number(b.metadata.cupping_score),
            moisture_pct: Number(b.metadata.moisture_pct),
            primary_defects: isBadLot ? 24 + Math.floor(rand() * 12) : Math.floor(rand() * 3),
            secondary_defects: isBadLot ? 10 + Math.floor(rand() * 20) : Math.floor(rand() * 8),
            screen_size: 15 + Math.floor(rand() * 4),
          },
          [],
          caller,
          b.checkedAt,
        ),
    });
    const assessedAt = later(b.mintedAt, 0.5 + rand());
    if (assessedAt < now)
      steps.push({ at: assessedAt, run: () => assessFraud(db, row.id, actor, verifier.id, assessedAt) });
    // A count while the batch is in stock: the chain's count for batches still there today.
    const countedAt = b.verifiedAt ?? later(b.checkedAt, 2 + rand() * 20);
    const isOff = rand() < 0.15;
    const offBy = BigInt(Math.floor((1 + rand() * 3) * 10)); // 1–4 % of the quantity, in tenths of a percent
    if (countedAt < now && (row.status === "active" || row.status === "verified"))
      steps.push({
        at: countedAt,
        run: async () => {
          const { request } = await requestVerification(db, row.id, "Stock count", caller, later(countedAt, -0.1));
          const grams = kgToGrams(b.quantityKg);
          const counted = isOff ? grams - (grams * offBy) / 1000n : grams;
          await processRequest(
            db,
            chain,
            request.id,
            { actual_quantity: gramsToKg(counted) },
            opts.tolerancePct,
            caller,
            countedAt,
          );
          const resolvedAt = later(countedAt, 1 + rand() * 14);
          if (!isOff || resolvedAt >= now) return;
          const [alert] = await db
            .select({ id: batchAlerts.id })
            .from(batchAlerts)
            .where(eq(batchAlerts.source, `verification_request:${request.id}`));
          if (alert)
            await resolveAlert(
              db,
              row.id,
              alert.id,
              "Recounted: bags were in the second bay.",
              verifier.id,
              actor,
              resolvedAt,
            );
        },
      });
  }
  steps.sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const s of steps) await s.run();
  return steps.length;
}
