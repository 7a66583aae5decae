import { describe, expect, it } from "vitest";

import { decodeMetadata, encodeMetadata } from "@/lib/batches/metadata";

const metadata = {
  batch_code: "ETH-YIR-2026-0001",
  origin_country: "Ethiopia",
  region: "Yirgacheffe",
  process: "washed" as const,
  cupping_score: "87.25",
};

describe("batch metadata", () => {
  it("round-trips through a data URI checked against its hash", () => {
    const { uri, hash } = encodeMetadata(metadata);
    expect(decodeMetadata(uri, hash)).toEqual(metadata);
  });

  it("hashes the same facts to the same hash whatever the key order", () => {
    const reordered = {
      cupping_score: "87.25",
      process: "washed" as const,
      region: "Yirgacheffe",
      origin_country: "Ethiopia",
      batch_code: "ETH-YIR-2026-0001",
    };
    expect(encodeMetadata(reordered).hash).toBe(encodeMetadata(metadata).hash);
  });

  it("rejects content that does not match the on-chain hash", () => {
    const { uri } = encodeMetadata(metadata);
    const other = encodeMetadata({ ...metadata, region: "Sidama" });
    expect(() => decodeMetadata(uri, other.hash)).toThrow(/metadata hash mismatch/);
  });

  it("rejects unknown fields and malformed values", () => {
    expect(() => encodeMetadata({ ...metadata, batch_code: "lower case" })).toThrow();
    expect(() => encodeMetadata({ ...metadata, extra: 1 } as never)).toThrow();
    expect(() => decodeMetadata("ipfs://Qm", "0x00")).toThrow(/unsupported metadata URI/);
  });
});
