// One winner: 100 verifiers' calls processing the same verification request at once, each on a
// connection of its own to the real server. Exactly one is applied; the other 99 get 409 and write nothing.
import http from "node:http";
import { expect, request as playwrightRequest, test } from "@playwright/test";

import { query } from "./db";
import { stack, storageStateFor } from "./stack";

const baseURL = `http://127.0.0.1:${stack.port}`;
const callers = 100;

/** A POST on a fresh TCP connection (no agent, so no connection is shared or reused). */
function post(path: string, cookie: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${baseURL}${path}`,
      {
        method: "POST",
        agent: false,
        headers: {
          cookie,
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          origin: baseURL,
        },
      },
      (res) => {
        let text = "";
        res
          .setEncoding("utf8")
          .on("data", (c: string) => (text += c))
          .on("end", () => resolve({ status: res.statusCode!, text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

test("100 verifiers processing one request at once, each on its own connection: exactly one applied, 99 conflicts", async () => {
  test.setTimeout(120_000);
  const [batch] = await query<{ id: string }>(
    `select id from batches b where status = 'active' and token_id is not null and expiry_date > now() + interval '1 day'
      and not exists (select 1 from verification_requests r where r.batch_id = b.id and r.status = 'pending') order by id desc limit 1`,
  );
  const operator = await playwrightRequest.newContext({ baseURL, storageState: storageStateFor("operator") });
  const asked = await operator.post(`/api/batches/${batch.id}/request-verification`, { data: { notes: "race" } });
  expect(asked.status()).toBe(201);
  const { id } = (await asked.json()) as { id: number };
  await operator.dispose();

  const verifier = await playwrightRequest.newContext({ baseURL, storageState: storageStateFor("verifier") });
  const cookie = (await verifier.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join("; ");
  await verifier.dispose();
  const auditBefore = await query<{ n: string }>(
    "select count(*) as n from audit_records where entity = 'verification_request' and entity_id = $1",
    [String(id)],
  );

  const answers = await Promise.all(
    Array.from({ length: callers }, (_, i) =>
      post(`/api/verification-requests/${id}/process`, cookie, JSON.stringify({ actual_quantity: String(100 + i) })),
    ),
  );
  const statuses = answers.map((a) => a.status);
  expect(
    statuses.filter((s) => s === 200),
    `statuses: ${[...new Set(statuses)].join(", ")}`,
  ).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(callers - 1);
  const winner = JSON.parse(answers.find((a) => a.status === 200)!.text) as { actual_quantity_kg: string };

  const [stored] = await query<{ status: string; actual_quantity_kg: string }>(
    "select status, actual_quantity_kg::text from verification_requests where id = $1",
    [id],
  );
  expect(stored.status).not.toBe("pending");
  expect(stored.actual_quantity_kg).toBe(winner.actual_quantity_kg);
  // One decision recorded, whatever the 99 others tried.
  const decisions = await query<{ action: string }>(
    "select action from audit_records where entity = 'verification_request' and entity_id = $1 order by position",
    [String(id)],
  );
  expect(decisions.length - Number(auditBefore[0].n)).toBe(1);
});
