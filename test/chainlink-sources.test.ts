import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

import { checkTypes } from "@/lib/db/enums";
import { renderSource, sourceFile } from "@/scripts/lib/chainlink-sources";

describe("chainlink/sources/*.js", () => {
  it.each(checkTypes)(
    "%s is what the template renders today (run `npm run chainlink:sources` after editing it)",
    (check) => {
      expect(readFileSync(sourceFile(check), "utf8")).toBe(renderSource(check));
    },
  );

  it("fills in every placeholder", () => {
    for (const check of checkTypes) expect(renderSource(check)).not.toMatch(/__[A-Z]+__/);
  });
});
