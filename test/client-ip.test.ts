// Who a request comes from, believed only as far as TRUSTED_PROXY says: with none, every forwarding
// header a client can send is ignored.
import { describe, expect, it } from "vitest";

import { clientAddress, clientCountry } from "@/lib/api/client-ip";
import { parseEnv, ZTrustedProxy } from "@/lib/env";

const forged = new Headers({
  "x-forwarded-for": "203.0.113.9",
  "x-real-ip": "203.0.113.10",
  "x-vercel-forwarded-for": "203.0.113.11",
  "cf-connecting-ip": "203.0.113.12",
  "x-vercel-ip-country": "CO",
  "cf-ipcountry": "DE",
});

describe("TRUSTED_PROXY", () => {
  it("defaults to none and takes vercel, cloudflare or a number of hops", () => {
    const valid = {
      DATABASE_URL: "postgres://u:p@localhost:5432/db",
      RPC_URL: "http://127.0.0.1:8545",
      CHAIN_ID: "31337",
      BATCH_TOKEN_ADDRESS: "0x5fbdb2315678afecb367f032d93f642f64180aa3",
      AUTH_SECRET: "x".repeat(32),
    };
    expect(parseEnv(valid).TRUSTED_PROXY).toBe("none");
    expect(parseEnv({ ...valid, TRUSTED_PROXY: "2" }).TRUSTED_PROXY).toBe(2);
    expect(parseEnv({ ...valid, TRUSTED_PROXY: "vercel" }).TRUSTED_PROXY).toBe("vercel");
    for (const bad of ["0", "yes", "true", "10", "-1", ""])
      expect(() => parseEnv({ ...valid, TRUSTED_PROXY: bad }), bad).toThrow(
        /TRUSTED_PROXY: must be none, vercel, cloudflare or a number of proxies/,
      );
    expect(ZTrustedProxy.parse("cloudflare")).toBe("cloudflare");
  });
});

describe("clientAddress", () => {
  it("with none, ignores X-Forwarded-For and every similar header", () => {
    expect(clientAddress(forged, "none")).toBe("unknown");
    expect(clientAddress(new Headers({ "x-forwarded-for": "198.51.100.1" }), "none")).toBe("unknown");
  });

  it("with N hops, takes the Nth entry from the right, which the client cannot choose", () => {
    const h = new Headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.1, 10.0.0.2" });
    expect(clientAddress(h, 1)).toBe("10.0.0.2");
    expect(clientAddress(h, 2)).toBe("198.51.100.1");
    expect(clientAddress(h, 3)).toBe("6.6.6.6");
    expect(clientAddress(h, 4)).toBe("unknown");
    expect(clientAddress(new Headers({ "x-forwarded-for": "198.51.100.1:4431" }), 1)).toBe("198.51.100.1");
    expect(clientAddress(new Headers({ "x-forwarded-for": "[2001:DB8::1]:443" }), 1)).toBe("2001:db8::1");
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.2.3.4, not-an-address" }), 1)).toBe("unknown");
    expect(clientAddress(new Headers(), 1)).toBe("unknown");
  });

  it("with vercel or cloudflare, reads only that proxy's own header", () => {
    expect(clientAddress(forged, "vercel")).toBe("203.0.113.11");
    expect(clientAddress(new Headers({ "x-real-ip": "203.0.113.10", "x-forwarded-for": "1.1.1.1" }), "vercel")).toBe(
      "203.0.113.10",
    );
    expect(clientAddress(forged, "cloudflare")).toBe("203.0.113.12");
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.1.1.1" }), "cloudflare")).toBe("unknown");
  });
});

describe("clientCountry", () => {
  it("comes only from the trusted proxy's geo header", () => {
    expect(clientCountry(forged, "none")).toBeNull();
    expect(clientCountry(forged, 1)).toBeNull();
    expect(clientCountry(forged, "vercel")).toBe("CO");
    expect(clientCountry(forged, "cloudflare")).toBe("DE");
    expect(clientCountry(new Headers({ "x-vercel-ip-country": "de" }), "vercel")).toBe("DE");
    for (const bad of ["XX", "T1", "<script>", "DEU", ""])
      expect(clientCountry(new Headers({ "cf-ipcountry": bad }), "cloudflare"), bad).toBeNull();
  });
});
