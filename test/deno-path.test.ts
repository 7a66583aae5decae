import { mkdtempSync, readlinkSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { denoBinary, putDenoOnPath } from "@/lib/chainlink/deno";

describe("putDenoOnPath", () => {
  it("replaces a link another checkout left behind, even one that dangles", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "deno-path-"));
    symlinkSync("/nowhere/gone/deno", path.join(dir, "deno"));
    const link = putDenoOnPath(dir);
    expect(readlinkSync(link)).toBe(denoBinary());
    expect(process.env.PATH?.split(path.delimiter)).toContain(dir);
  });

  it("keeps a link that already points at this checkout's deno", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "deno-path-"));
    expect(putDenoOnPath(dir)).toBe(putDenoOnPath(dir));
    expect(readlinkSync(path.join(dir, "deno"))).toBe(denoBinary());
  });
});
