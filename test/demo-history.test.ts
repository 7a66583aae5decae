// The demo's past: 24 months of batches harvested in their origins' seasons, and their events in order.
import { describe, expect, it } from "vitest";

import { origins } from "@/scripts/lib/demo-batches";
import { demoHistory, historyDays } from "@/scripts/lib/demo-history";

const now = new Date("2026-11-30T09:30:00Z");
const day = 86_400_000;
const { batches, events } = demoHistory(240, now);
const monthsAfter = (from: number, to: number) => (to - from + 12) % 12;

describe("demoHistory", () => {
  it("mints in time order over the last 24 months, up to yesterday", () => {
    const times = batches.map((b) => b.mintedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(now.getTime() - historyDays * day);
    expect(Math.max(...times)).toBeLessThan(now.getTime());
    // Spread over the two years, not bunched at one end.
    expect((Math.max(...times) - Math.min(...times)) / day).toBeGreaterThan(600);
    const months = new Set(batches.map((b) => b.mintedAt.toISOString().slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(18);
  });

  it("harvests each batch in its origin's season, and mints it one to five months later", () => {
    for (const b of batches) {
      const origin = origins.find((o) => o.country === b.metadata.origin_country)!;
      const harvest = new Date(`${b.metadata.harvest_date}T00:00:00Z`);
      expect(harvest.getUTCMonth() + 1, b.metadata.batch_code).toBe(origin.harvestMonth);
      expect(monthsAfter(harvest.getUTCMonth(), b.mintedAt.getUTCMonth())).toBeGreaterThanOrEqual(1);
      expect(monthsAfter(harvest.getUTCMonth(), b.mintedAt.getUTCMonth())).toBeLessThanOrEqual(5);
      expect(b.productionDate > b.metadata.harvest_date!).toBe(true);
      expect(b.metadata.batch_code).toContain(`-${harvest.getUTCFullYear()}-`);
    }
    // Brazil (harvest in July) and Ethiopia (November) arrive in different months.
    const arrivalMonths = (country: string) =>
      new Set(batches.filter((b) => b.metadata.origin_country === country).map((b) => b.mintedAt.getUTCMonth()));
    const brazil = arrivalMonths("Brazil");
    for (const m of arrivalMonths("Ethiopia")) expect(brazil.has(m)).toBe(false);
  });

  it("verifies, redeems and expires batches after they are minted, in time order, before now", () => {
    const times = events.map((e) => e.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.max(...times)).toBeLessThan(now.getTime());
    for (const e of events) expect(e.at.getTime()).toBeGreaterThanOrEqual(batches[e.index].mintedAt.getTime());
    for (const b of batches) {
      if (b.verifiedAt) {
        const days = (b.verifiedAt.getTime() - b.mintedAt.getTime()) / day;
        expect(days).toBeGreaterThanOrEqual(3);
        expect(days).toBeLessThanOrEqual(30);
      }
      if (b.redeemedAt) expect(b.verifiedAt!.getTime()).toBeLessThan(b.redeemedAt.getTime());
      if (b.expiredAt) expect(b.expiredAt.toISOString().slice(0, 10) >= b.expiryDate).toBe(true);
      expect(b.checkedAt.getTime()).toBeGreaterThan(b.mintedAt.getTime());
      expect(b.checkedAt.getTime()).toBeLessThan(now.getTime());
    }
    const count = (state: string) => batches.filter((b) => b.state === state).length;
    for (const state of ["active", "verified", "redeemed", "expired"]) expect(count(state), state).toBeGreaterThan(10);
    // Redemptions months after arrival, spread over more than a year.
    const redeemed = batches.flatMap((b) => (b.redeemedAt ? [b.redeemedAt.getTime()] : []));
    expect((Math.max(...redeemed) - Math.min(...redeemed)) / day).toBeGreaterThan(365);
  });

  it("sells part of some verified lots on, after verification and before now, in whole kilograms", () => {
    const sold = batches.filter((b) => b.transfer);
    expect(sold.length).toBeGreaterThan(10);
    for (const b of sold) {
      expect(b.state, b.metadata.batch_code).toBe("verified");
      expect(b.transfer!.at.getTime()).toBeGreaterThan(b.verifiedAt!.getTime());
      expect(b.transfer!.at.getTime()).toBeLessThan(now.getTime());
      expect(b.transfer!.kg).toMatch(/^[1-9]\d*$/);
      const share = Number(b.transfer!.kg) / Number(b.quantityKg);
      expect(share).toBeGreaterThanOrEqual(0.19);
      expect(share).toBeLessThanOrEqual(0.6);
    }
    const transfers = events.filter((e) => e.kind === "transfer");
    expect(transfers.map((e) => e.index).sort()).toEqual(sold.map((b) => batches.indexOf(b)).sort());
    // The four producer wallets mint in turn; a lot goes to the house two along (a cooperative's to an exporter).
    expect(batches.map((b) => b.producer)).toEqual(batches.map((_, index) => index % 4));
    for (const b of sold) expect(b.transfer!.to).toBe((b.producer + 2) % 4);
    // Spread over the history, not bunched.
    const months = new Set(sold.map((b) => b.transfer!.at.toISOString().slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(8);
  });

  it("is the same history for the same day, and another for another seed", () => {
    const again = demoHistory(240, new Date("2026-11-30T18:00:00Z"));
    expect(again.batches.map((b) => [b.metadata.batch_code, b.mintedAt.getTime()])).toEqual(
      batches.map((b) => [b.metadata.batch_code, b.mintedAt.getTime()]),
    );
    expect(new Set(batches.map((b) => b.metadata.batch_code)).size).toBe(batches.length);
    expect(demoHistory(240, now, 7).batches[0].mintedAt).not.toEqual(batches[0].mintedAt);
  });
});
