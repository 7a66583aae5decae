import { describe, expect, it } from "vitest";

import { safeReturnPath } from "@/lib/auth/redirect";

describe("safeReturnPath", () => {
  it("keeps a path on this site, with its query", () => {
    expect(safeReturnPath("/inventory?status=verified")).toBe("/inventory?status=verified");
    expect(safeReturnPath("/batches/12")).toBe("/batches/12");
    expect(safeReturnPath("/batches/12#audit")).toBe("/batches/12#audit");
  });

  it("sends anything that could leave the site to the inventory", () => {
    for (const bad of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
      "evil",
      "",
      ["/a", "/b"],
      undefined,
      null,
      42,
    ]) {
      expect(safeReturnPath(bad), JSON.stringify(bad)).toBe("/inventory");
    }
  });

  it("refuses paths a browser would turn into another host: tabs, newlines, control characters, backslashes", () => {
    for (const bad of [
      "/\t/evil.example",
      "/\n/evil.example",
      "/\r/evil.example",
      "/\u0000/evil.example",
      "/\u001f/evil.example",
      "/\u007f/evil.example",
      "/a\\..\\\\evil.example",
      "/ok\\evil",
      "\t//evil.example",
      " //evil.example",
      "/inventory\t",
    ]) {
      expect(safeReturnPath(bad), JSON.stringify(bad)).toBe("/inventory");
    }
  });

  it("refuses a path that normalises to a protocol-relative one", () => {
    expect(safeReturnPath("/.//evil.example")).toBe("/inventory");
    expect(safeReturnPath("/a/..//evil.example")).toBe("/inventory");
  });
});
