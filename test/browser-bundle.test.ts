// What the browser loads: no client component reaches an endpoint declaration (and with it zod and
// every schema of its domain) through a value import. The browser names endpoints by their key
// (lib/endpoints/client.ts) and imports declarations as types only, which the build drops.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { root, sourceFiles, targetOf } from "./helpers/source-files";

/** The project files a file imports as values (not `import type`), resolved to their paths. */
function valueImports(file: string): string[] {
  const source = readFileSync(path.join(root, file), "utf8");
  const specifiers = [...source.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?\bfrom\s+["']([^"']+)["']/gms)].map(
    (m) => m[1],
  );
  return specifiers.flatMap((s) => {
    const base = targetOf(file, s);
    if (!base) return [];
    const found = [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, base].find(
      (p) => existsSync(path.join(root, p)) && /\.tsx?$/.test(p),
    );
    return found ? [found] : [];
  });
}

const isDeclarations = (file: string) => /^lib\/endpoints\/(?!client\.ts$|define\.ts$)/.test(file);

/** The chain of value imports from `start` to an endpoint declaration file, if there is one. */
function pathToDeclarations(start: string): string[] | null {
  const seen = new Set<string>([start]);
  const queue: string[][] = [[start]];
  while (queue.length) {
    const trail = queue.shift()!;
    for (const next of valueImports(trail.at(-1)!)) {
      if (isDeclarations(next)) return [...trail, next];
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push([...trail, next]);
    }
  }
  return null;
}

const clientFiles = [...sourceFiles("components"), ...sourceFiles("app")].filter((f) =>
  /^["']use client["']/m.test(readFileSync(path.join(root, f), "utf8")),
);

describe("the browser's bundle", () => {
  it("has client components to look at", () => {
    expect(clientFiles).toContain("components/inventory/row-actions.tsx");
  });

  it("reaches no endpoint declaration from a client component", () => {
    const trails = clientFiles.map(pathToDeclarations).filter((t) => t !== null);
    expect(trails.map((t) => t.join(" → "))).toEqual([]);
  });
});
