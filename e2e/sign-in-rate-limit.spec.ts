// Runs last (its own project): afterwards this address may not sign in for a few minutes. The stack
// runs with TRUSTED_PROXY=none, so a forged X-Forwarded-For must not buy a fresh limit.
import { expect, test } from "@playwright/test";
import { query } from "./db";

const forged = () => ({ "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 250) + 1}` });

test("too many sign-in attempts from one address get 429 with Retry-After, forged X-Forwarded-For or not", async ({ request }) => {
  let last = 0;
  let retryAfter: string | undefined;
  for (let i = 0; i < 40 && last !== 429; i++) {
    const res = await request.post("/api/auth/callback/password", { form: { email: "nobody@batchtrail.local", password: "x" }, maxRedirects: 0 });
    last = res.status();
    retryAfter = res.headers()["retry-after"];
  }
  expect(last).toBe(429);
  expect(Number(retryAfter)).toBeGreaterThan(0);
  const again = await request.post("/api/auth/callback/password", { form: { email: "nobody@batchtrail.local", password: "x" }, headers: forged(), maxRedirects: 0 });
  expect(again.status()).toBe(429);
});

test("too many SIWE nonces get 429, forged X-Forwarded-For or not", async ({ request }) => {
  let last = 0;
  for (let i = 0; i < 40 && last !== 429; i++) last = (await request.post("/api/auth/siwe/nonce")).status();
  expect(last).toBe(429);
  expect((await request.post("/api/auth/siwe/nonce", { headers: forged() })).status()).toBe(429);
});

test("the public trace page is limited per client: past 60 views a minute it says to try again, forged X-Forwarded-For or not", async ({ request }) => {
  const [{ batch_code }] = await query<{ batch_code: string }>("select batch_code from batches order by id limit 1");
  let limited = false;
  for (let i = 0; i < 125 && !limited; i++) limited = (await (await request.get(`/trace/${batch_code}`, { headers: forged() })).text()).includes("Too many views");
  expect(limited).toBe(true);
  const again = await (await request.get(`/trace/${batch_code}`, { headers: forged() })).text();
  expect(again).toContain("Too many views");
  expect(again).not.toContain("Its journey");
});
