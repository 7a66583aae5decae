import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { permissions } from "@/lib/auth/permissions";

const root = path.resolve(import.meta.dirname, "..");

function files(dir: string, name: RegExp): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => name.test(path.basename(f)))
    .map((f) => path.join(dir, f));
}

/** `METHOD /api/...` for every handler exported by a route file under app/api. */
function routes(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of files("app/api", /^route\.ts$/)) {
    const source = readFileSync(path.join(root, file), "utf8");
    const url = "/" + path.dirname(file).replace(/^app\//, "");
    for (const [, method] of source.matchAll(/export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/g)) found.set(`${method} ${url}`, source);
    // One handler exported under every method is one row: `ANY /api/...`.
    if (/export \{[^}]* as GET, [^}]* as DELETE \}/.test(source)) found.set(`ANY ${url}`, source);
  }
  return found;
}

describe("the permission table", () => {
  it("has a row for every route and method, and no row without a route", () => {
    const table = Object.keys(permissions).filter((k) => !k.startsWith("ACTION "));
    expect([...routes().keys()].sort()).toEqual(table.sort());
  });

  it("is what every route handler checks, through handle() with its own row", () => {
    for (const [key, source] of routes()) {
      if (key.includes("[...nextauth]")) continue; // next-auth's own handler; public by its row
      expect(source, key).toContain(`handle`);
      expect(source, key).toContain(`"${key}"`);
    }
  });

  it("has a row for every server action, which runs through runAction with that row", () => {
    const actions = files("lib/actions", /\.ts$/).filter((f) => readFileSync(path.join(root, f), "utf8").startsWith('"use server"'));
    const ownRows = actions.filter((f) => !f.endsWith("sign-in.ts") && !f.endsWith("sign-out.ts")).map((f) => `ACTION ${path.basename(f, ".ts")}`);
    expect(ownRows.sort()).toEqual(Object.keys(permissions).filter((k) => k.startsWith("ACTION ")).sort());
    for (const row of ownRows) expect(readFileSync(path.join(root, "lib/actions", `${row.slice(7)}.ts`), "utf8")).toMatch(new RegExp(`run(Public)?Action\\("${row}"`));
  });
});
