// The proxy's headers replace a route's own, so the policies that matter are checked on what it sends.
import { NextRequest } from "next/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import { fileContentSecurityPolicy } from "@/lib/api/security-headers";
import { proxy } from "@/proxy";

const env = {
  DATABASE_URL: "postgres://u:p@localhost:5432/db",
  RPC_URL: "http://127.0.0.1:8545",
  CHAIN_ID: "31337",
  BATCH_TOKEN_ADDRESS: "0x5fbdb2315678afecb367f032d93f642f64180aa3",
  AUTH_SECRET: "x".repeat(32),
};
const headersFor = (path: string) => proxy(new NextRequest(`http://127.0.0.1:3000${path}`)).headers;

beforeAll(() => void Object.assign(process.env, env));
afterEach(() => vi.unstubAllEnvs());

describe("security headers", () => {
  it("keeps the sandbox policy on uploaded files", () => {
    const csp = headersFor("/api/files/12").get("content-security-policy")!;
    expect(csp).toBe(fileContentSecurityPolicy);
    expect(csp.split(";")[0]).toBe("sandbox");
  });

  it("gives pages the app's nonce policy, without sandbox", () => {
    const csp = headersFor("/inventory").get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-/);
    expect(csp).not.toMatch(/sandbox/);
  });

  it("sends HSTS in production only", () => {
    expect(headersFor("/inventory").get("strict-transport-security")).toBeNull();
    vi.stubEnv("NODE_ENV", "production");
    expect(headersFor("/inventory").get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    expect(headersFor("/api/files/12").get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
  });
});
