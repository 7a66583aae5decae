// The layering of lib/: its folders (and its root files) import each other without a cycle, and
// lib/api, the request basics every domain uses, imports no domain folder.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { root, sourceFiles, targetOf } from "./helpers/source-files";

/** The lib/ node a path belongs to: its folder under lib/, or a root file such as env.ts. */
function nodeOf(file: string): string {
  const [, first, ...rest] = file.split("/");
  return rest.length > 0 ? first : `${first.replace(/\.tsx?$/, "")}.ts`;
}

/** Every lib/ path a file imports, statically, dynamically or for its side effects. */
function importsOf(file: string): string[] {
  const source = readFileSync(path.join(root, file), "utf8");
  const specifiers = [...source.matchAll(/(?:\bfrom\s+|\bimport\s*\(?\s*)["']([^"']+)["']/g)].map((m) => m[1]);
  return specifiers.flatMap((s) => {
    const target = targetOf(file, s);
    return target?.startsWith("lib/") ? [target] : [];
  });
}

type Edge = { from: string; to: string; file: string; target: string };
const edges: Edge[] = sourceFiles("lib")
  .flatMap((file) => importsOf(file).map((target) => ({ from: nodeOf(file), to: nodeOf(target), file, target })))
  .filter((e) => e.from !== e.to);

/** The strongly connected components with more than one node (Tarjan): each holds a cycle. */
function cycles(): string[][] {
  const next = new Map<string, Set<string>>();
  for (const e of edges) next.set(e.from, (next.get(e.from) ?? new Set()).add(e.to));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    for (let w = ""; w !== v;) component.push((w = stack.pop()!));
    if (component.length > 1) found.push(component.sort());
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe("layering of lib/", () => {
  it("has no import cycle between lib/ folders", () => {
    const described = cycles().map((component) => {
      const inside = edges.filter((e) => component.includes(e.from) && component.includes(e.to));
      const pairs = [...new Set(inside.map((e) => `${e.from} → ${e.to}`))].filter((pair) => {
        const [from, to] = pair.split(" → ");
        return inside.some((e) => e.from === to && e.to === from);
      });
      const files = (pair: string) =>
        [...new Set(inside.filter((e) => `${e.from} → ${e.to}` === pair).map((e) => e.file))].join(", ");
      return `cycle through ${component.join(", ")}; folders importing each other: ${pairs.map((p) => `${p} (${files(p)})`).join("; ")}`;
    });
    expect(described).toEqual([]);
  });

  it("finds a cycle when there is one", () => {
    edges.push(
      { from: "db", to: "batches", file: "probe", target: "probe" },
      { from: "batches", to: "db", file: "probe", target: "probe" },
    );
    expect(cycles().some((c) => c.includes("db") && c.includes("batches"))).toBe(true);
    edges.splice(-2);
  });

  it("lib/api imports no domain folder, only lib/ root files", () => {
    expect(edges.filter((e) => e.from === "api" && !e.to.includes(".")).map((e) => `${e.file} → ${e.target}`)).toEqual(
      [],
    );
  });
});
