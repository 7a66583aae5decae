// Rows sent as one jsonb value (jsonRows) are stored exactly as drizzle's own insert stores them,
// and rows a raw statement returns read back as drizzle reads them (readRows).
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { jsonRows, readRows, returning } from "@/lib/db/json-rows";
import { blockchainEvents } from "@/lib/db/schema";

import { createTestDb, type TestDb } from "./helpers/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());

const event = (logIndex: number, more: Partial<typeof blockchainEvents.$inferInsert> = {}) => ({
  chainId: 31337,
  contractAddress: "0x00000000000000000000000000000000000000aa",
  blockNumber: 9_007_199_254_740_993n, // past Number.MAX_SAFE_INTEGER
  blockHash: "0xb1",
  txHash: "0xt1",
  logIndex,
  name: "BatchCreated",
  args: { metadataUri: "data:…", quantity: "1250500", nested: { list: [1, "two", null] } },
  blockTime: new Date("2026-11-30T12:34:56.789Z"),
  ...more,
});

const columns = {
  chainId: blockchainEvents.chainId,
  blockNumber: blockchainEvents.blockNumber,
  name: blockchainEvents.name,
  tokenId: blockchainEvents.tokenId,
  args: blockchainEvents.args,
  blockTime: blockchainEvents.blockTime,
  status: blockchainEvents.status,
};

describe("jsonRows", () => {
  it("stores every kind of value as drizzle's insert does: bigints, dates, numerics, jsonb (a string too) and nulls", async () => {
    const rows = [
      event(0, { tokenId: "123456789012345678901234567890" }),
      event(1, { args: "just a string" }),
      event(2),
    ];
    // The same rows, once through drizzle and once as one jsonb value.
    await t.db.insert(blockchainEvents).values(rows);
    const moved = rows.map((r) => ({ ...r, blockHash: "0xb2" }));
    await t.db.execute(sql`insert into ${blockchainEvents} ${jsonRows(blockchainEvents, moved)}`);

    const read = (hash: string) =>
      t.db
        // As Postgres holds it: drizzle would read a JSON string holding an object as the object.
        .select({ ...columns, storedArgs: sql<string>`${blockchainEvents.args}::text` })
        .from(blockchainEvents)
        .where(eq(blockchainEvents.blockHash, hash))
        .orderBy(asc(blockchainEvents.logIndex));
    const [viaDrizzle, viaJson] = await Promise.all([read("0xb1"), read("0xb2")]);
    expect(viaJson).toEqual(viaDrizzle);
    expect(viaJson[1].storedArgs).toBe('"just a string"');
    // A column a row leaves out is null in it; one no row names keeps its default.
    expect(viaJson.map((r) => r.tokenId)).toEqual(["123456789012345678901234567890", null, null]);
    expect(viaJson.map((r) => r.status)).toEqual(["pending", "pending", "pending"]);
  });

  it("reads returned rows as drizzle's returning does", async () => {
    const rows = [event(0, { blockHash: "0xb3", tokenId: "7" })];
    const viaDrizzle = await t.db
      .insert(blockchainEvents)
      .values({ ...rows[0], blockHash: "0xb4" })
      .returning(columns);
    const { rows: raw } = await t.db.execute<Record<string, unknown>>(
      sql`insert into ${blockchainEvents} ${jsonRows(blockchainEvents, rows)} ${returning(columns)}`,
    );
    expect(readRows(columns, raw)).toEqual(viaDrizzle);
  });
});
