// Anchoring after a crash mid-send: a send the chain took is confirmed from the chain, a send it
// never saw is marked failed and its range sent again; either way nothing is anchored twice.
import { eq } from "drizzle-orm";
import { createWalletClient, http } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { recordAudit } from "@/lib/audit/record";
import { auditAnchorAbi } from "@/lib/chain/abi";
import { auditAnchors, auditRecords } from "@/lib/db/schema";
import { anchorPending, type AnchorChain } from "@/lib/provenance/anchor";
import { leafHash, merkleRoot } from "@/lib/provenance/merkle";

import { deployTestToken, type TestToken } from "./helpers/chain";
import { createTestDb, type TestDb } from "./helpers/db";

let t: TestDb;
let c: TestToken;
let anchorer: AnchorChain;

const append = (n: number) =>
  recordAudit(
    t.db,
    ...Array.from({ length: n }, (_, i) => ({
      entity: "batch",
      entityId: i,
      action: "test.changed",
      actor: { kind: "system" as const },
    })),
  );
const rootOf = async (from: number, to: number) => {
  const rows = await t.db.select().from(auditRecords).orderBy(auditRecords.position);
  return merkleRoot(
    rows.filter((r) => r.position >= from && r.position <= to).map((r) => leafHash(r.position, r.hash)),
  );
};
const crashedSend = (from: number, to: number, root: `0x${string}`) =>
  t.db
    .insert(auditAnchors)
    .values({
      chainId: 31337,
      contractAddress: c.anchorAddress.toLowerCase(),
      fromPosition: from,
      toPosition: to,
      root,
    })
    .returning();

beforeAll(async () => {
  t = await createTestDb();
  c = await deployTestToken();
  anchorer = {
    client: c.client,
    wallet: createWalletClient({ account: c.admin, chain: c.client.chain!, transport: http(c.rpcUrl) }),
    chainId: 31337,
    address: c.anchorAddress,
  };
});
afterAll(() => t.drop());

describe("anchoring after a crash", () => {
  it("confirms a send the chain took before the crash, from the chain, and goes on", async () => {
    await append(3);
    const root = await rootOf(1, 3);
    const [row] = await crashedSend(1, 3, root);
    // The transaction went out and mined; the process died before recording it.
    const hash = await anchorer.wallet.writeContract({
      address: c.anchorAddress,
      abi: auditAnchorAbi,
      functionName: "anchor",
      args: [root, 1n, 3n],
    });
    const receipt = await c.client.waitForTransactionReceipt({ hash });
    await append(2);
    expect(await anchorPending(t.db, anchorer)).toMatchObject({ kind: "anchored", ranges: [{ from: 4, to: 5 }] });
    const [settled] = await t.db.select().from(auditAnchors).where(eq(auditAnchors.id, row.id));
    expect(settled).toMatchObject({
      status: "confirmed",
      txHash: hash,
      blockNumber: Number(receipt.blockNumber),
      anchorIndex: 0,
    });
  });

  it("marks a send the chain never saw as failed and sends its range again", async () => {
    await append(2);
    const [row] = await crashedSend(6, 7, await rootOf(6, 7));
    expect(await anchorPending(t.db, anchorer)).toMatchObject({ kind: "anchored", ranges: [{ from: 6, to: 7 }] });
    const rows = await t.db
      .select()
      .from(auditAnchors)
      .where(eq(auditAnchors.fromPosition, 6))
      .orderBy(auditAnchors.id);
    expect(rows.map((r) => [r.id === row.id, r.status])).toEqual([
      [true, "failed"],
      [false, "confirmed"],
    ]);
    expect(
      await c.client.readContract({ address: c.anchorAddress, abi: auditAnchorAbi, functionName: "anchorCount" }),
    ).toBe(3n);
  });
});
