// The /api/chainlink/* route handlers over HTTP: signed calls answered once per
// chainlink_request_id; forged, replayed, stale and malformed calls refused. Every call, either
// way, is stored in chainlink_calls; those that prove they hold the secret are audited too.
import { count, eq, sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { decodeAnswer } from "@/lib/chainlink/answer";
import { callsPerMinute } from "@/lib/chainlink/calls";
import { signedHeaders } from "@/lib/chainlink/signature";
import { auditRecords, chainlinkCalls, chainlinkRequests, rateLimits } from "@/lib/db/schema";
import { indexToHead } from "@/lib/events/indexer";
import { demoBatches } from "@/scripts/lib/demo-batches";
import { mintBatch } from "@/scripts/lib/mint";

import { deployTestToken, indexerConfig } from "./helpers/chain";
import { chainlinkEnv, serveChainlinkRoutes } from "./helpers/chainlink-server";
import { createTestDb, type TestDb } from "./helpers/db";

const secret = "test-chainlink-secret-0123456789abcdef";
let t: TestDb;
let api: Awaited<ReturnType<typeof serveChainlinkRoutes>>;
let n = 0;
const freshId = () => `0x${(++n).toString(16).padStart(64, "0")}`;

type Signing = { secret?: string; timestamp?: string; nonce?: string; headers?: Record<string, string> };

/** POSTs `body` to a Chainlink route, signed as a Functions source signs (or as `s` says). */
async function call(path: string, body: string, s: Signing = {}) {
  const headers =
    s.headers ??
    signedHeaders(s.secret ?? secret, { method: "POST", path, body, timestamp: s.timestamp, nonce: s.nonce });
  const res = await fetch(`${api.url}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  return {
    status: res.status,
    json: (await res.json()) as Record<string, unknown> & { error?: { code: string; message: string } },
  };
}
const ask = (check: string, tokenId: string, id: string, s?: Signing) =>
  call(`/api/chainlink/${check}/${tokenId}`, JSON.stringify({ chainlink_request_id: id }), s);

const tally = async () => ({
  calls: (await t.db.select({ n: count() }).from(chainlinkCalls))[0].n,
  refused: (await t.db.select({ n: count() }).from(chainlinkCalls).where(eq(chainlinkCalls.outcome, "refused")))[0].n,
  audited: (await t.db.select({ n: count() }).from(auditRecords).where(eq(auditRecords.entity, "chainlink_request")))[0]
    .n,
  answers: (await t.db.select({ n: count() }).from(chainlinkRequests))[0].n,
});
const lastCall = async () => (await t.db.select().from(chainlinkCalls).orderBy(chainlinkCalls.id)).at(-1)!;

beforeAll(async () => {
  t = await createTestDb();
  const chain = await deployTestToken();
  const [batch] = demoBatches(1, new Date("2026-11-23T00:00:00Z"), 3);
  await mintBatch(chain.target, chain.producer, batch);
  await indexToHead(indexerConfig(t.db, chain, 100));
  Object.assign(process.env, chainlinkEnv(t, chain, secret), { TRUSTED_PROXY: "1" });
  api = await serveChainlinkRoutes();
});
afterAll(async () => {
  await api?.close();
  await t?.drop();
});

describe("a signed call", () => {
  it("is answered with one 160-byte ABI encoding, and the same id always gets the same bytes", async () => {
    const id = freshId();
    const first = await ask("expiry-check", "1", id);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ chainlink_request_id: id, check: "expiry_check", token_id: "1", passed: true });
    const answer = first.json.answer as `0x${string}`;
    expect((answer.length - 2) / 2).toBe(160);
    expect(decodeAnswer(answer)).toMatchObject({ tokenId: 1n, check: "expiry_check", passed: true });
    await new Promise((r) => setTimeout(r, 1_100)); // a later second: a recomputed answer would differ in asOf
    const again = await Promise.all([1, 2, 3].map(() => ask("expiry-check", "1", id)));
    expect(again.map((r) => r.json.answer)).toEqual([answer, answer, answer]);
    const calls = await t.db.select().from(chainlinkCalls).where(eq(chainlinkCalls.chainlinkRequestId, id));
    expect(calls.map((c) => c.outcome)).toEqual(["answered", "answered", "answered", "answered"]);
  });

  it("for an id already answered for another batch or check is refused with 409", async () => {
    const id = freshId();
    expect((await ask("quality-check", "1", id)).status).toBe(200);
    const other = await ask("expiry-check", "1", id);
    expect(other.status).toBe(409);
    expect(other.json.error!.message).toMatch(/belongs to the quality_check check of batch 1/);
  });

  it("for a batch Postgres does not know is a 404, recorded", async () => {
    const before = await tally();
    const res = await ask("verify-batch", "424242", freshId());
    expect(res.status).toBe(404);
    expect(await tally()).toEqual({
      ...before,
      calls: before.calls + 1,
      refused: before.refused + 1,
      audited: before.audited + 1,
    });
  });
});

describe("refused and recorded, with nothing answered", () => {
  /** `isSigned`: the call proved it holds the secret, so its refusal is audited as well as stored. */
  const refusedWith = async (
    send: () => Promise<{ status: number; json: { error?: { message: string } } }>,
    status: number,
    reason: RegExp,
    isSigned = false,
  ) => {
    const before = await tally();
    const res = await send();
    expect(res.status).toBe(status);
    expect(res.json.error!.message).toMatch(reason);
    expect(await tally()).toEqual({
      ...before,
      calls: before.calls + 1,
      refused: before.refused + 1,
      audited: before.audited + (isSigned ? 1 : 0),
    });
    expect(await lastCall()).toMatchObject({ outcome: "refused", status, reason: expect.stringMatching(reason) });
  };

  it("a bad signature: another secret, a changed body, another path, or none at all", async () => {
    const path = "/api/chainlink/verify-batch/1";
    const body = JSON.stringify({ chainlink_request_id: freshId() });
    await refusedWith(
      () => call(path, body, { secret: "some-other-secret-0123456789abcdef" }),
      401,
      /signature does not match/,
    );
    const signed = signedHeaders(secret, { method: "POST", path, body });
    await refusedWith(() => call(path, body.replace(/.$/, " }"), { headers: signed }), 401, /signature does not match/);
    await refusedWith(
      () => call("/api/chainlink/expiry-check/1", body, { headers: signed }),
      401,
      /signature does not match/,
    );
    await refusedWith(() => call(path, body, { headers: {} }), 401, /not signed/);
  });

  it("a replay: the same signed call again", async () => {
    const path = "/api/chainlink/quality-check/1";
    const body = JSON.stringify({ chainlink_request_id: freshId() });
    const headers = signedHeaders(secret, { method: "POST", path, body });
    expect((await call(path, body, { headers })).status).toBe(200);
    await refusedWith(() => call(path, body, { headers }), 401, /replay/, true);
  });

  // Found by the e2e fuzz: a key with a lone surrogate made the refusal's reason text jsonb cannot keep,
  // so the refusal went unrecorded.
  it("a body naming a key that is not well-formed text: refused, and recorded with the key's text mended", async () => {
    const path = "/api/chainlink/verify-batch/1";
    const body = `{"chainlink_request_id":"${freshId()}","_\\ud800":1}`;
    await refusedWith(() => call(path, body), 400, /Unrecognized key/, true);
    expect((await lastCall()).reason).toBe('Unrecognized key: "_\uFFFD"');
  });

  it("a stale timestamp, either way", async () => {
    const now = Math.floor(Date.now() / 1000);
    await refusedWith(() => ask("verify-batch", "1", freshId(), { timestamp: String(now - 301) }), 401, /stale/);
    await refusedWith(() => ask("verify-batch", "1", freshId(), { timestamp: String(now + 400) }), 401, /stale/);
  });

  it("malformed ids and bodies, signed, never get a 5xx and never an answer", async () => {
    const answers = (await tally()).answers;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string({ maxLength: 12 }), fc.constant("1")),
        fc.oneof(
          fc.json(),
          fc.string({ maxLength: 80 }),
          fc.record({ chainlink_request_id: fc.string({ maxLength: 70 }) }).map((o) => JSON.stringify(o)),
        ),
        async (tokenId, body) => {
          const res = await call(`/api/chainlink/verify-batch/${encodeURIComponent(tokenId)}`, body);
          expect(res.status).toBeGreaterThanOrEqual(400);
          expect(res.status).toBeLessThan(500);
        },
      ),
      { numRuns: 60, seed: 2026 },
    );
    expect((await tally()).answers).toBe(answers);
  });

  it("too many calls from one address: 429, counted but not audited one by one", async () => {
    // This address has used up this minute's calls (the window as hitRateLimit computes it).
    const key = `chainlink:${(await lastCall()).ip}`;
    await t.db
      .execute(sql`insert into rate_limits (key, window_start, count) values (${key}, to_timestamp(floor(extract(epoch from now()) / 60) * 60), ${callsPerMinute})
      on conflict (key, window_start) do update set count = excluded.count`);
    const before = await tally();
    const res = await ask("verify-batch", "1", freshId());
    expect(res.status).toBe(429);
    expect(await tally()).toEqual({ ...before, calls: before.calls + 1, refused: before.refused + 1 });
    await t.db.delete(rateLimits);
  });

  it("keys its limit on the address the trusted proxy saw: a forged X-Forwarded-For changes nothing", async () => {
    const path = "/api/chainlink/verify-batch/1";
    const forged = (id: string) => {
      const body = JSON.stringify({ chainlink_request_id: id });
      return call(path, body, {
        headers: {
          ...signedHeaders(secret, { method: "POST", path, body }),
          "x-forwarded-for": "203.0.113.9, 198.51.100.7",
        },
      });
    };
    expect((await forged(freshId())).status).toBe(200);
    expect((await lastCall()).ip).toBe("127.0.0.1");
    await t.db
      .execute(sql`insert into rate_limits (key, window_start, count) values ('chainlink:127.0.0.1', to_timestamp(floor(extract(epoch from now()) / 60) * 60), ${callsPerMinute})
      on conflict (key, window_start) do update set count = excluded.count`);
    expect((await forged(freshId())).status).toBe(429);
    await t.db.delete(rateLimits);
  });
});
