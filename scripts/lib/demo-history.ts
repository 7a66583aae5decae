// The demo's past: the demo batches re-dated over the 24 months before `now`, each harvested in its
// origin's season (milled, shipped, then minted on arrival), and what happened to it since, in the
// order it happened: verified a few days to weeks after arrival, part of some lots sold on to another
// house, redeemed months later, or expired.
import { producerAccounts } from "../../lib/chain/dev-accounts";
import { demoBatches, origins, type DemoBatch } from "./demo-batches";
import { seededRandom } from "./random";

export const historyDays = 730;
const day = 86_400_000;

export type DemoHistoryBatch = DemoBatch & {
  /** The producer wallet (its place in the producers' list) that mints the batch and holds it. */
  producer: number;
  mintedAt: Date;
  /** The quality check on arrival. */
  checkedAt: Date;
  verifiedAt: Date | null;
  redeemedAt: Date | null;
  expiredAt: Date | null;
  /** Part of the lot sold on to another demo organisation (a token transfer to producer wallet `to`), in whole kg. */
  transfer: { at: Date; kg: string; to: number } | null;
};

export type DemoEventKind = "mint" | "verify" | "transfer" | "redeem" | "expire";
/** One chain transaction of the demo; `index` is the batch's place in the list. */
export type DemoEvent = { at: Date; kind: DemoEventKind; index: number };

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, days: number) => new Date(d.getTime() + days * day);

/**
 * `count` batches minted in time order over the last `historyDays` days, and their chain events
 * sorted by time, the batches minted by the `producers` wallets in turn. The same `now` (to the day)
 * and seed give the same history.
 */
export function demoHistory(
  count: number,
  now: Date,
  seed = 2026,
  producers = producerAccounts.length,
): { batches: DemoHistoryBatch[]; events: DemoEvent[] } {
  const rand = seededRandom(seed + 1);
  const between = (lo: number, hi: number) => lo + rand() * (hi - lo);
  // Sales between houses draw from their own sequence, so the rest of the history stays as it was.
  const sales = seededRandom(seed + 2);
  const today = new Date(`${iso(now)}T00:00:00Z`);
  const start = addDays(today, -historyDays + 1);
  const end = addDays(today, -1);

  const dated = demoBatches(count, today, seed).map((b) => {
    const origin = origins.find((o) => o.country === b.metadata.origin_country)!;
    const milling = between(30, 100);
    const arrival = between(5, 25);
    const harvestDay = Math.floor(between(0, 28));
    const seasons = [0, 1, 2, 3].map((back) => {
      const harvest = new Date(Date.UTC(today.getUTCFullYear() - back, origin.harvestMonth - 1, 1 + harvestDay));
      return { harvest, mintedAt: addDays(harvest, milling + arrival) };
    });
    const inWindow = seasons.filter((s) => s.mintedAt >= start && s.mintedAt <= end);
    const { harvest, mintedAt } = inWindow[Math.floor(rand() * inWindow.length)];
    const production = addDays(harvest, Math.floor(milling));
    const expiry = addDays(production, Math.floor(between(360, 540)));
    return { b, harvest, mintedAt, production, expiry };
  });
  dated.sort((x, y) => x.mintedAt.getTime() - y.mintedAt.getTime());

  const serials = new Map<string, number>();
  const batches = dated.map(({ b, harvest, mintedAt, production, expiry }, index): DemoHistoryBatch => {
    const year = harvest.getUTCFullYear();
    const prefix = b.metadata.batch_code.split("-").slice(0, 2).join("-");
    const serial = (serials.get(`${prefix}${year}`) ?? 0) + 1;
    serials.set(`${prefix}${year}`, serial);
    const ageDays = (now.getTime() - mintedAt.getTime()) / day;
    const checkedAt = addDays(mintedAt, between(0.2, Math.min(6, ageDays / 2)));
    const roll = rand();
    let verifiedAt: Date | null = null;
    let redeemedAt: Date | null = null;
    let expiredAt: Date | null = null;
    if (expiry < addDays(today, -3)) {
      // Past its expiry: mostly expired where it stands, some sold before.
      if (roll < 0.7) expiredAt = addDays(expiry, between(0.1, 2.5));
      else redeemedAt = addDays(mintedAt, between(45, (expiry.getTime() - mintedAt.getTime()) / day));
    } else if (roll < 0.15 && ageDays > 40) {
      redeemedAt = addDays(mintedAt, between(35, ageDays - 1));
    }
    // Verified a few days to weeks after arrival, before it is sold: most live batches, every sold one.
    const verifyRoll = rand();
    if (redeemedAt || (!expiredAt && verifyRoll < 0.45 && ageDays > 4))
      verifiedAt = addDays(
        mintedAt,
        between(3, Math.min(30, (redeemedAt ?? now).getTime() / day - mintedAt.getTime() / day - 1)),
      );
    // Now and then a price keyed wrong at the origin: the fraud score's price factor flags it.
    const pricePerKg = rand() < 0.05 ? (Number(b.pricePerKg) * between(2.5, 3.5)).toFixed(2) : b.pricePerKg;
    const state = expiredAt ? "expired" : redeemedAt ? "redeemed" : verifiedAt ? "verified" : "active";
    // Two in five verified lots still in stock: 20–60% sold on a few days to weeks later (a redeemed
    // lot is redeemed whole by its minter, so none of it leaves first).
    const sale = { roll: sales(), days: 2 + sales() * 25, share: 0.2 + sales() * 0.4 };
    const soldAt = verifiedAt && addDays(verifiedAt, sale.days);
    const transfer =
      soldAt && state === "verified" && sale.roll < 0.4 && soldAt < addDays(today, -1)
        ? // Sold to the house two along: a cooperative's lot to an exporter, an exporter's to a cooperative.
          { at: soldAt, kg: String(Math.floor(Number(b.quantityKg) * sale.share)), to: (index + 2) % producers }
        : null;
    return {
      ...b,
      metadata: {
        ...b.metadata,
        batch_code: `${prefix}-${year}-${String(serial).padStart(4, "0")}`,
        harvest_date: iso(harvest),
      },
      pricePerKg,
      producer: index % producers,
      productionDate: iso(production),
      expiryDate: iso(expiry),
      state,
      mintedAt,
      checkedAt,
      verifiedAt,
      redeemedAt,
      expiredAt,
      transfer,
    };
  });

  const events: DemoEvent[] = batches.flatMap((b, index) => [
    { at: b.mintedAt, kind: "mint" as const, index },
    ...(b.verifiedAt ? [{ at: b.verifiedAt, kind: "verify" as const, index }] : []),
    ...(b.transfer ? [{ at: b.transfer.at, kind: "transfer" as const, index }] : []),
    ...(b.redeemedAt ? [{ at: b.redeemedAt, kind: "redeem" as const, index }] : []),
    ...(b.expiredAt ? [{ at: b.expiredAt, kind: "expire" as const, index }] : []),
  ]);
  events.sort((x, y) => x.at.getTime() - y.at.getTime());
  return { batches, events };
}
