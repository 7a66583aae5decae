// The server actions' rows in the permission table (the routes' rows come from their declarations:
// test/endpoints.test.ts).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { actions } from "@/lib/auth/permissions";

const root = path.resolve(import.meta.dirname, "..");

function files(dir: string, name: RegExp): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => name.test(path.basename(f)))
    .map((f) => path.join(dir, f));
}

describe("the permission table", () => {
  it("has a row for every server action, which runs through runAction with that row", () => {
    const serverActions = files("lib/actions", /\.ts$/).filter((f) =>
      readFileSync(path.join(root, f), "utf8").startsWith('"use server"'),
    );
    const ownRows = serverActions
      .filter((f) => !f.endsWith("sign-in.ts") && !f.endsWith("sign-out.ts"))
      .map((f) => `ACTION ${path.basename(f, ".ts")}`);
    expect(ownRows.sort()).toEqual(Object.keys(actions).sort());
    for (const row of ownRows)
      expect(readFileSync(path.join(root, "lib/actions", `${row.slice(7)}.ts`), "utf8")).toMatch(
        new RegExp(`run(Public)?Action\\("${row}"`),
      );
  });
});
