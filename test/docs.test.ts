// The docs stay true to the tree: every relative link in README.md and docs/*.md reaches a file
// (and, with #anchor, a heading in it), and docs/configuration.md documents every variable lib/env.ts reads.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");
const pages = [
  "README.md",
  ...readdirSync(path.join(root, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

/** The text outside fenced and inline code, where links are links. */
const prose = (markdown: string) => markdown.replace(/^```[\s\S]*?^```/gm, "").replace(/`[^`\n]*`/g, "");

/** GitHub's anchors for a page's headings: lower case, punctuation dropped, spaces to dashes, repeats numbered. */
function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const [, heading] of markdown.replace(/^```[\s\S]*?^```/gm, "").matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const text = heading.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/[`*_]/g, "");
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s-]/gu, "")
      .replace(/\s/g, "-");
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
  }
  return anchors;
}

function deadLinks(page: string): string[] {
  const dead: string[] = [];
  for (const [, target] of prose(read(page)).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
    const [file, anchor] = target.split("#");
    const resolved = file ? path.posix.join(path.posix.dirname(page), decodeURI(file)) : page;
    if (!existsSync(path.join(root, resolved))) dead.push(`${page}: ${target} (no ${resolved})`);
    else if (
      anchor !== undefined &&
      (statSync(path.join(root, resolved)).isDirectory() || !anchorsOf(read(resolved)).has(anchor))
    )
      dead.push(`${page}: ${target} (no heading #${anchor} in ${resolved})`);
  }
  return dead;
}

describe("docs", () => {
  it("README.md and docs/*.md link only to files and headings that exist", () => {
    expect(pages.length).toBeGreaterThan(5);
    expect(pages.flatMap(deadLinks)).toEqual([]);
  });

  it("reads GitHub's anchors from headings", () => {
    expect([
      ...anchorsOf(
        "# Sign-in, roles and security\n## A testnet\n```\n# not a heading\n```\n## A testnet\n## `npm run dev`",
      ),
    ]).toEqual(["sign-in-roles-and-security", "a-testnet", "a-testnet-1", "npm-run-dev"]);
  });

  it("docs/configuration.md documents every variable lib/env.ts reads", () => {
    const env = read("lib/env.ts");
    const names = new Set(
      [...env.matchAll(/^\s+([A-Z][A-Z0-9_]+):/gm), ...env.matchAll(/process\.env\.([A-Z][A-Z0-9_]+)/g)].map(
        (m) => m[1],
      ),
    );
    expect(names.size).toBeGreaterThan(20);
    const documented = new Set([...read("docs/configuration.md").matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]));
    expect([...names].filter((name) => !documented.has(name))).toEqual([]);
  });
});
