import type { Hex } from "viem";
import { createSiweMessage } from "viem/siwe";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { createNonce, verifySiwe } from "@/lib/auth/siwe";
import { createChainClient } from "@/lib/chain/client";
import { devAccount } from "@/lib/chain/dev-accounts";

import { createTestDb, type TestDb } from "./helpers/db";

let t: TestDb;
const account = devAccount(3);
const client = createChainClient(inject("rpcUrl"), 31337);
const expected = { domain: "batchtrail.test", chainId: 31337, client };

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.drop());

async function signed(overrides: Partial<Parameters<typeof createSiweMessage>[0]> = {}) {
  const message = createSiweMessage({
    domain: "batchtrail.test",
    address: account.address,
    uri: "https://batchtrail.test",
    version: "1",
    chainId: 31337,
    nonce: await createNonce(t.db),
    issuedAt: new Date(),
    expirationTime: new Date(Date.now() + 5 * 60_000),
    ...overrides,
  });
  return { message, signature: await account.signMessage({ message }) };
}

describe("Sign-In With Ethereum", () => {
  it("accepts a fresh message for this domain and chain, signed by its address", async () => {
    const { message, signature } = await signed();
    expect(await verifySiwe(t.db, message, signature, expected)).toBe(account.address.toLowerCase());
  });

  it("refuses a replayed nonce", async () => {
    const { message, signature } = await signed();
    await verifySiwe(t.db, message, signature, expected);
    await expect(verifySiwe(t.db, message, signature, expected)).rejects.toThrow(/nonce is unknown, used or expired/);
  });

  it("refuses a nonce it never issued", async () => {
    const { message, signature } = await signed({ nonce: "abcdef0123456789abcdef" });
    await expect(verifySiwe(t.db, message, signature, expected)).rejects.toThrow(/nonce is unknown/);
  });

  it("refuses a message for another domain", async () => {
    const { message, signature } = await signed({ domain: "evil.example" });
    await expect(verifySiwe(t.db, message, signature, expected)).rejects.toThrow(/message is for evil.example/);
  });

  it("refuses a message for another chain", async () => {
    const { message, signature } = await signed({ chainId: 1 });
    await expect(verifySiwe(t.db, message, signature, expected)).rejects.toThrow(/message is for chain 1/);
  });

  it("refuses an expired message, and one issued too long ago", async () => {
    const expired = await signed({
      issuedAt: new Date(Date.now() - 60_000),
      expirationTime: new Date(Date.now() - 1_000),
    });
    await expect(verifySiwe(t.db, expired.message, expired.signature, expected)).rejects.toThrow(/expired/);
    const old = await signed({ issuedAt: new Date(Date.now() - 60 * 60_000), expirationTime: undefined });
    await expect(verifySiwe(t.db, old.message, old.signature, expected)).rejects.toThrow(/too old/);
  });

  it("refuses a message whose dates cannot be read", async () => {
    const { message } = await signed();
    const broken = message.replace(/Expiration Time: .*/, "Expiration Time: not-a-date");
    await expect(verifySiwe(t.db, broken, await account.signMessage({ message: broken }), expected)).rejects.toThrow();
  });

  it("refuses a signature by another key, and leaves the nonce unspent", async () => {
    const { message } = await signed();
    const forged = (await devAccount(4).signMessage({ message })) as Hex;
    await expect(verifySiwe(t.db, message, forged, expected)).rejects.toThrow(/signature does not match/);
    const genuine = await account.signMessage({ message });
    expect(await verifySiwe(t.db, message, genuine, expected)).toBe(account.address.toLowerCase());
  });
});
