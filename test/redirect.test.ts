import { describe, expect, it } from "vitest";
import { safeReturnPath } from "@/lib/auth/redirect";

describe("safeReturnPath", () => {
  it("keeps a path on this site, with its query", () => {
    expect(safeReturnPath("/inventory?status=verified")).toBe("/inventory?status=verified");
    expect(safeReturnPath("/batches/12")).toBe("/batches/12");
  });

  it("sends anything that could leave the site to the inventory", () => {
    for (const bad of ["//evil.example", "/\\evil.example", "https://evil.example", "evil", "", ["/a", "/b"], undefined, null, 42]) {
      expect(safeReturnPath(bad), JSON.stringify(bad)).toBe("/inventory");
    }
  });
});
