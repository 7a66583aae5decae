// Provenance against real Postgres and anvil: the audit log anchored in Merkle roots on AuditAnchor,
// proofs checked against the chain, and a record edited as a superuser caught by both the audit
// check and the proof.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { eq } from "drizzle-orm";
import { createPublicClient, createWalletClient, http, type Account, type Hex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { hashRecord, recordAudit } from "@/lib/audit/record";
import { auditAnchorAbi } from "@/lib/chain/abi";
import { auditAnchors, auditPaths, auditRecords, systemAlerts } from "@/lib/db/schema";
import { anchorPending, type AnchorChain } from "@/lib/provenance/anchor";
import { checkAudit } from "@/lib/provenance/check";
import { leafHash, merklePaths, merkleProof, merkleRoot, rootFromProof } from "@/lib/provenance/merkle";
import { getProof } from "@/lib/provenance/proof";
import { verifyProof } from "@/lib/provenance/verify";

import type { TestToken } from "./helpers/chain";
import { withoutTriggers, type TestDb } from "./helpers/db";
import { startDbAndToken } from "./helpers/db-and-token";

let t: TestDb;
let c: TestToken;
let anchorer: AnchorChain;

const chainWith = (account: Account): AnchorChain => ({
  client: c.client,
  wallet: createWalletClient({ account, chain: c.client.chain!, transport: http(c.rpcUrl) }),
  chainId: 31337,
  address: c.anchorAddress,
});
const target = () => ({ chainId: 31337, address: c.anchorAddress });
const append = (n: number, from: number) =>
  recordAudit(
    t.db,
    ...Array.from({ length: n }, (_, i) => ({
      entity: "batch",
      entityId: from + i,
      action: "test.changed",
      actor: { kind: "system" as const, id: "test" },
      after: { price_per_kg: "7.10", n: from + i },
      note: `note ${from + i}`,
    })),
  );

beforeAll(async () => {
  ({ t, chain: c } = await startDbAndToken());
  anchorer = chainWith(c.admin);
});
afterAll(() => t.drop());

describe("the Merkle tree", () => {
  it("proves every leaf of trees of 1 to 9 leaves, and no leaf at another position", () => {
    for (let n = 1; n <= 9; n++) {
      const leaves = Array.from({ length: n }, (_, i) =>
        leafHash(i + 1, "ab".repeat(32).slice(0, 62) + String(i).padStart(2, "0")),
      );
      const root = merkleRoot(leaves);
      leaves.forEach((leaf, i) => expect(rootFromProof(leaf, merkleProof(leaves, i))).toBe(root));
      if (n > 1) expect(rootFromProof(leaves[0], merkleProof(leaves, 1))).not.toBe(root);
    }
  });

  it("builds every leaf's path at once, equal to each leaf's own proof", () => {
    for (let n = 1; n <= 17; n++) {
      const leaves = Array.from({ length: n }, (_, i) => leafHash(i + 1, "cd".repeat(31) + String(i).padStart(2, "0")));
      expect(merklePaths(leaves)).toEqual(leaves.map((_, i) => merkleProof(leaves, i)));
    }
  });

  it("binds the position into the leaf", () => {
    expect(leafHash(1, "11".repeat(32))).not.toBe(leafHash(2, "11".repeat(32)));
  });
});

describe("anchoring", () => {
  it("anchors the records not yet anchored, once, and then the next range", async () => {
    await append(5, 1);
    const first = await anchorPending(t.db, anchorer);
    expect(first).toMatchObject({ kind: "anchored", ranges: [{ from: 1, to: 5 }] });
    expect(await anchorPending(t.db, anchorer)).toEqual({ kind: "up_to_date" });
    await append(3, 6);
    expect(await anchorPending(t.db, anchorer, { maxRecords: 2 })).toMatchObject({
      kind: "anchored",
      ranges: [
        { from: 6, to: 7 },
        { from: 8, to: 8 },
      ],
    });
    const rows = await t.db.select().from(auditAnchors).orderBy(auditAnchors.id);
    expect(rows.map((r) => [r.fromPosition, r.toPosition, r.status])).toEqual([
      [1, 5, "confirmed"],
      [6, 7, "confirmed"],
      [8, 8, "confirmed"],
    ]);
    expect(rows.every((r) => r.txHash && r.blockNumber)).toBe(true);
  });

  it("records a failed send and sends the same range again on the next run", async () => {
    await append(2, 9);
    await expect(anchorPending(t.db, chainWith(c.stranger))).rejects.toThrow(/anchoring records 9–10 failed/);
    const [failed] = await t.db.select().from(auditAnchors).where(eq(auditAnchors.status, "failed"));
    expect(failed).toMatchObject({ fromPosition: 9, toPosition: 10 });
    expect(failed.error).toMatch(/AccessControlUnauthorizedAccount|reverted/);
    expect(await anchorPending(t.db, anchorer)).toMatchObject({ kind: "anchored", ranges: [{ from: 9, to: 10 }] });
  });

  it("lets one anchorer work at a time", async () => {
    await append(1, 11);
    const outcomes = await Promise.all([anchorPending(t.db, anchorer), anchorPending(t.db, anchorer)]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(["anchored", "busy"]);
  });
});

describe("proofs", () => {
  it("proves a record against the root on chain", async () => {
    const proof = await getProof(t.db, target(), 3);
    expect(proof.anchor).toMatchObject({ from_position: 1, to_position: 5 });
    expect(proof.record).toMatchObject({ position: 3, action: "test.changed" });
    expect(proof.path.length).toBeGreaterThan(0);
    const verdict = await verifyProof(proof, c.client);
    expect(verdict).toMatchObject({ isVerified: true, status: "verified", block: proof.anchor!.block_number });
    expect(verdict.message).toBe(
      `Record proven against the root anchored on chain at block ${proof.anchor!.block_number}.`,
    );
  });

  it("says so when the chain cannot be read, rather than calling it a mismatch", async () => {
    const down = createPublicClient({
      chain: c.client.chain,
      transport: http("http://127.0.0.1:9", { retryCount: 0 }),
    });
    expect(await verifyProof(await getProof(t.db, target(), 3), down)).toMatchObject({
      isVerified: false,
      status: "unreachable",
      message: expect.stringMatching(/^The chain could not be read/),
    });
  });

  it("says a record is not anchored yet, and refuses a record the log does not have", async () => {
    await append(1, 12);
    expect(await verifyProof(await getProof(t.db, target(), 12), c.client)).toMatchObject({
      isVerified: false,
      status: "not_anchored",
    });
    await expect(getProof(t.db, target(), 999)).rejects.toMatchObject({ code: "not_found" });
    await anchorPending(t.db, anchorer);
  });

  it("fails a proof whose path or root was tampered with, saying what does not match", async () => {
    const proof = await getProof(t.db, target(), 2);
    const wrongSibling = {
      ...proof,
      path: proof.path.map((s, i) => (i === 0 ? { ...s, hash: `0x${"00".repeat(32)}` as Hex } : s)),
    };
    expect((await verifyProof(wrongSibling, c.client)).message).toMatch(/path from record 2 leads to root/);
    const forgedRoot = { ...wrongSibling, root: rootFromProof(proof.leaf, wrongSibling.path) };
    expect((await verifyProof(forgedRoot, c.client)).message).toMatch(/root anchored on chain for record 2 is/);
  });
});

describe("kept paths", () => {
  const kept = (anchorId: number) =>
    t.db.select().from(auditPaths).where(eq(auditPaths.anchorId, anchorId)).orderBy(auditPaths.position);

  it("are stored with each anchor, one per record, and are what a proof gives", async () => {
    const [first] = await t.db.select().from(auditAnchors).where(eq(auditAnchors.fromPosition, 1));
    const paths = await kept(first.id);
    expect(paths.map((p) => p.position)).toEqual([1, 2, 3, 4, 5]);
    const proof = await getProof(t.db, target(), 3);
    expect(proof.path).toEqual(paths[2].path);
    expect(proof.root).toBe(first.root);
  });

  it("missing for an anchor (sent before they were kept), are built for a proof without writing, then kept by the next run", async () => {
    const [first] = await t.db.select().from(auditAnchors).where(eq(auditAnchors.fromPosition, 1));
    const expected = await getProof(t.db, target(), 2);
    await t.db.delete(auditPaths).where(eq(auditPaths.anchorId, first.id));
    expect(await getProof(t.db, target(), 2)).toEqual(expected);
    expect(await kept(first.id)).toEqual([]);
    expect(await anchorPending(t.db, anchorer)).toEqual({ kind: "up_to_date" });
    expect((await kept(first.id)).map((p) => p.position)).toEqual([1, 2, 3, 4, 5]);
    expect(await getProof(t.db, target(), 2)).toEqual(expected);
  });
});

describe("tampering", () => {
  it("names a record edited as a superuser, and its proof fails with the reason", async () => {
    expect(await checkAudit(t.db, { client: c.client, address: c.anchorAddress })).toMatchObject({
      records: 12,
      anchoredUpTo: 12,
      firstChanged: null,
      problems: [],
    });
    await withoutTriggers(
      t,
      "update audit_records set note = 'nothing to see', after = after || '{\"price_per_kg\": \"3.10\"}' where position = 4",
    );
    const check = await checkAudit(t.db, { client: c.client, address: c.anchorAddress });
    expect(check.firstChanged).toMatchObject({ position: 4 });
    expect(check.firstChanged!.reason).toMatch(/record 4's content no longer matches its hash/);
    const verdict = await verifyProof(await getProof(t.db, target(), 4), c.client);
    expect(verdict).toMatchObject({ isVerified: false, status: "mismatch" });
    expect(verdict.message).toMatch(/^Record 4 was changed: its content hashes to/);
    // The records around it still prove.
    expect(await verifyProof(await getProof(t.db, target(), 5), c.client)).toMatchObject({ isVerified: true });
  });

  it("npm run audit:check names the same record and exits 1", async () => {
    const run = promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/audit-check.ts"], {
      env: { ...process.env, DATABASE_URL: t.url, RPC_URL: c.rpcUrl, AUDIT_ANCHOR_ADDRESS: c.anchorAddress },
    });
    const failure = await run.then(
      () => null,
      (e: { code: number; stdout: string }) => e,
    );
    expect(failure).toMatchObject({ code: 1 });
    expect(failure!.stdout).toMatch(/first changed record: 4 \(record 4's content no longer matches its hash/);
  });

  it("names a record whose hash was rewritten too, and its proof fails against the root on chain", async () => {
    // A careful forger recomputes the edited record's hash, so the record agrees with itself.
    const [row] = await t.db.select().from(auditRecords).where(eq(auditRecords.position, 7));
    const forged = hashRecord({ ...row, note: "rewritten" });
    await withoutTriggers(t, `update audit_records set note = 'rewritten', hash = '${forged}' where position = 7`);
    const check = await checkAudit(t.db, { client: c.client, address: c.anchorAddress });
    expect(check.problems.join("\n")).toMatch(/record 7's hash was rewritten/);
    expect(check.problems.join("\n")).toMatch(/anchor 1 \(records 6–7\): the records give root/);
    const proof = await getProof(t.db, target(), 7);
    const verdict = await verifyProof({ ...proof, record: null }, c.client);
    expect(verdict.message).toMatch(/root anchored on chain for record 7 is/);
  });

  it("stops anchoring at a break in the hash chain and raises one alert", async () => {
    await append(2, 13);
    await withoutTriggers(t, "update audit_records set note = 'edited' where position = 14");
    expect(await anchorPending(t.db, anchorer)).toMatchObject({ kind: "broken", position: 14 });
    expect(await anchorPending(t.db, anchorer)).toMatchObject({ kind: "broken", position: 14 });
    const alerts = await t.db.select().from(systemAlerts);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ type: "audit_chain_broken", status: "open", source: "position:14" });
    expect(
      await c.client.readContract({
        address: c.anchorAddress,
        abi: auditAnchorAbi,
        functionName: "lastAnchoredRecord",
      }),
    ).toBe(12n);
  });
});
