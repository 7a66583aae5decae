import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { renderAbiModule } from "@/scripts/lib/abi-module";
import { compileContracts } from "@/scripts/lib/contracts";

describe("lib/chain/abi.ts", () => {
  it("is what the contracts compile to today (run `npm run contracts:compile` after editing them)", () => {
    const committed = readFileSync(path.resolve(import.meta.dirname, "../lib/chain/abi.ts"), "utf8");
    expect(committed).toBe(renderAbiModule(compileContracts()));
  });
});
