// Property test: malformed input to every route is refused cleanly (never a 5xx) and changes nothing.
import { expect, request as playwrightRequest, test } from "@playwright/test";
import fc from "fast-check";
import { permissions, type Permission } from "@/lib/endpoints/permissions";
import { fingerprint } from "./db";
import { stack, storageStateFor } from "./stack";

type RouteKey = Exclude<Permission, `ACTION ${string}`>;

// Left out: next-auth's sign-in endpoint, where every request counts toward this address's sign-in
// rate limit that later tests need (its 429 has a test of its own); endpoints that take no input,
// so every call is well-formed and does its work (the SIWE nonce, retrying every failed event,
// starting a sync); and
// the event streams, which take only a cursor and stay open (e2e/events.spec.ts covers them); and
// the Chainlink routes, which refuse an unsigned call at once and record it by design
// (test/chainlink-routes.test.ts sends them signed malformed input).
const skipped = ["POST /api/auth/[...nextauth]", "POST /api/auth/siwe/nonce", "POST /api/blockchain-events/process-all", "GET /api/batches/stream", "GET /api/blockchain-events/stream", "POST /api/chainlink/verify-batch/[batch_id]", "POST /api/chainlink/quality-check/[batch_id]", "POST /api/chainlink/expiry-check/[batch_id]", "POST /api/sync"];
const keys = (Object.keys(permissions) as Permission[]).filter((k): k is RouteKey => !k.startsWith("ACTION ") && !skipped.includes(k));

// Any code point, and often the ones that break things (NUL, a lone surrogate, quotes, LIKE
// wildcards, backslashes): printable ASCII alone once hid a 500 on NUL.
const nasty = fc.constantFrom("\u0000", "\uD800", "'", '"', "%", "_", "\\", "é", "😀", "1", "a", " ");
const anyText = (max = 20) => fc.oneof(fc.string({ unit: "binary", maxLength: max }), fc.string({ unit: nasty, maxLength: max }));
const query = fc.dictionary(fc.oneof(fc.constantFrom("status", "limit", "cursor", "sort", "order", "q", "origin_country", "warehouse", "blockchain_batch_id", "name", "from_block", "to_block", "tx_hash", "batch_id"), anyText()), fc.oneof(anyText(), fc.integer().map(String), fc.constant("")), { maxKeys: 4 });
const body = fc.oneof(
  fc.json(),
  anyText(60),
  fc.record({ blockchain_batch_id: fc.oneof(anyText(), fc.integer({ max: 0 }), fc.double(), fc.bigInt({ min: 2n ** 256n }).map(String)), role: anyText(), name: fc.oneof(anyText(0), fc.integer(), anyText().map((t) => `\u0000${t}`)) }, { requiredKeys: [] }).map((o) => JSON.stringify(o)),
  fc.record({ actual_quantity: fc.oneof(anyText(), fc.double(), fc.integer({ max: -1 })), cupping_score: fc.oneof(fc.double(), anyText()), alert_id: fc.oneof(fc.integer({ max: 0 }), anyText()), note: anyText(), active: anyText() }, { requiredKeys: [] }).map((o) => JSON.stringify(o)),
);
// Never a valid id, so no request can name a real user, key or batch by accident.
const id = anyText(12).filter((s) => !/^[1-9]\d*$/.test(s));

const runs = 100;

test.setTimeout(420_000);

test("malformed queries, bodies and ids never get a 5xx and never change anything", async () => {
  const admin = await playwrightRequest.newContext({ baseURL: `http://127.0.0.1:${stack.port}`, storageState: storageStateFor("admin") });
  const before = await fingerprint();
  let sent = 0;
  for (const key of keys) {
    const [anyMethod, route] = key.split(" ");
    const method = anyMethod.replace("ANY", "POST");
    await fc.assert(
      fc.asyncProperty(query, body, id, async (q, b, i) => {
        // A URL cannot carry a lone surrogate; the query and body still can.
        const segment = encodeURIComponent(i.replace(/[\uD800-\uDFFF]/g, "\uFFFD"));
        const path = route.replace(/\[\.\.\.\w+\]/, segment || "session").replace(/\[\w+\]/, segment || "%20");
        const url = `${path}?${new URLSearchParams(q)}`;
        const hasBody = method !== "GET";
        const res = await admin.fetch(url, { method, ...(hasBody && { data: b, headers: { "content-type": "application/json" } }), maxRedirects: 0 });
        sent++;
        expect(res.status(), `${method} ${url} ${hasBody ? b : ""}`).toBeLessThan(500);
      }),
      { numRuns: runs, seed: 2026 },
    );
  }
  expect(sent).toBe(runs * keys.length);
  expect(await fingerprint()).toBe(before);
  await admin.dispose();
});
