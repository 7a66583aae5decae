import { describe, expect, it } from "vitest";

import { safeReturnPath } from "@/lib/auth/redirect";

describe("safeReturnPath", () => {
  it.for(["/inventory?status=verified", "/batches/12", "/batches/12#audit"])(
    "keeps a path on this site, with its query: %s",
    (path) => {
      expect(safeReturnPath(path)).toBe(path);
    },
  );

  it.for<unknown>([
    "//evil.example",
    "/\\evil.example",
    "https://evil.example",
    "evil",
    "",
    ["/a", "/b"],
    undefined,
    null,
    42,
  ])("sends %j, which could leave the site, to the inventory", (bad) => {
    expect(safeReturnPath(bad)).toBe("/inventory");
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
