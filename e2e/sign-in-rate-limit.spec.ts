// Runs last (its own project): afterwards this address may not sign in for a few minutes. The stack
// runs with TRUSTED_PROXY=none, so a forged X-Forwarded-For must not buy a fresh limit.
import { expect, test } from "@playwright/test";

import { signInRate } from "@/lib/auth/lockout";

import { query } from "./db";

const forged = () => ({ "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250) + 1}` });

test("exactly the configured number of sign-in attempts from one address pass, the next gets 429 with Retry-After, forged X-Forwarded-For or not", async ({
  request,
}) => {
  // An empty window for this client; each attempt names another account, so no account's own lockout answers first.
  await query("delete from rate_limits where key like 'sign-in:ip:%'");
  const attempt = (i: number, headers = {}) =>
    request.post("/api/auth/callback/password", {
      form: { email: `nobody-${i}@batchtrail.local`, password: "x" },
      headers,
      maxRedirects: 0,
    });
  for (let i = 1; i <= signInRate.attempts; i++) {
    // Every other one with a forged X-Forwarded-For: all count against the same address.
    const res = await attempt(i, i % 2 ? forged() : {});
    expect(res.status(), `attempt ${i} of ${signInRate.attempts}`).not.toBe(429);
  }
  const over = await attempt(signInRate.attempts + 1);
  expect(over.status(), `attempt ${signInRate.attempts + 1}`).toBe(429);
  expect(Number(over.headers()["retry-after"])).toBeGreaterThan(0);
  expect(Number(over.headers()["retry-after"])).toBeLessThanOrEqual(signInRate.windowSeconds);
  expect((await attempt(signInRate.attempts + 2, forged())).status()).toBe(429);
});

test("too many SIWE nonces get 429, forged X-Forwarded-For or not", async ({ request }) => {
  let last = 0;
  for (let i = 0; i < 40 && last !== 429; i++) last = (await request.post("/api/auth/siwe/nonce")).status();
  expect(last).toBe(429);
  expect((await request.post("/api/auth/siwe/nonce", { headers: forged() })).status()).toBe(429);
});

test("the public trace page is limited per client: past 60 views a minute it says to try again, forged X-Forwarded-For or not", async ({
  request,
}) => {
  const [{ batch_code }] = await query<{ batch_code: string }>("select batch_code from batches order by id limit 1");
  let limited = false;
  for (let i = 0; i < 125 && !limited; i++)
    limited = (await (await request.get(`/trace/${batch_code}`, { headers: forged() })).text()).includes(
      "Too many views",
    );
  expect(limited).toBe(true);
  const again = await (await request.get(`/trace/${batch_code}`, { headers: forged() })).text();
  expect(again).toContain("Too many views");
  expect(again).not.toContain("Its journey");
});
