// Runs last (its own project): afterwards this address may not sign in for a few minutes.
import { expect, test } from "@playwright/test";

test("too many sign-in attempts from one address get 429 with Retry-After", async ({ request }) => {
  let last = 0;
  let retryAfter: string | undefined;
  for (let i = 0; i < 40 && last !== 429; i++) {
    const res = await request.post("/api/auth/callback/password", { form: { email: "nobody@batchtrail.local", password: "x" }, maxRedirects: 0 });
    last = res.status();
    retryAfter = res.headers()["retry-after"];
  }
  expect(last).toBe(429);
  expect(Number(retryAfter)).toBeGreaterThan(0);
});
