import { describe, expect, it } from "vitest";

import { parseEnv } from "@/lib/env";

const valid = {
  DATABASE_URL: "postgres://u:p@localhost:5432/db",
  RPC_URL: "http://127.0.0.1:8545",
  CHAIN_ID: "31337",
  BATCH_TOKEN_ADDRESS: "0x5fbdb2315678afecb367f032d93f642f64180aa3",
  AUTH_SECRET: "a-test-secret-that-is-long-enough-0123",
};

describe("environment", () => {
  it("parses and types a valid environment with defaults", () => {
    const env = parseEnv(valid);
    expect(env.CHAIN_ID).toBe(31337);
    expect(env.BATCH_TOKEN_DEPLOY_BLOCK).toBe(0n);
    expect(env.INDEXER_POLL_MS).toBe(1000);
  });

  it("names a missing variable", () => {
    const { DATABASE_URL: _, ...rest } = valid;
    expect(() => parseEnv(rest)).toThrow(/DATABASE_URL: is not set/);
  });

  it("requires AUTH_URL off the local chain, so SIWE never trusts a request's Host header", () => {
    expect(() => parseEnv({ ...valid, CHAIN_ID: "11155111" })).toThrow(/AUTH_URL: is required off the local chain/);
    expect(parseEnv({ ...valid, CHAIN_ID: "11155111", AUTH_URL: "https://batchtrail.example" }).AUTH_URL).toBe(
      "https://batchtrail.example",
    );
  });

  it("names every malformed variable with what is wrong", () => {
    const run = () =>
      parseEnv({ ...valid, RPC_URL: "localhost:8545", BATCH_TOKEN_ADDRESS: "0x123", DATABASE_URL: "mysql://x/y" });
    expect(run).toThrow(/RPC_URL: /);
    expect(run).toThrow(/BATCH_TOKEN_ADDRESS: must be a 0x-prefixed 20-byte hex address/);
    expect(run).toThrow(/DATABASE_URL: must be a postgres:\/\/ URL/);
  });
});
