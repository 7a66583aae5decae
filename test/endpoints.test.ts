// Every endpoint declared once: each handler a route file exports is built by handle() from the
// declaration of its own method and path, every declaration has its route, the permission table
// and the OpenAPI document (with an answer's schema for every operation) are generated from them.
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

import { actions } from "@/lib/auth/permissions";
import { isDownload, type Endpoint } from "@/lib/endpoints/define";
import { openApiDocument, openApiPath } from "@/lib/endpoints/openapi";
import { permissions } from "@/lib/endpoints/permissions";
import { declarations, tagOf } from "@/lib/endpoints/registry";

const root = path.resolve(import.meta.dirname, "..");
const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const routeFiles = readdirSync(path.join(root, "app/api"), { recursive: true, encoding: "utf8" }).filter(
  (f) => path.basename(f) === "route.ts",
);
const urlOf = (file: string) => `/api/${path.dirname(file)}`.replace(/\/\.$/, "");

/** `METHOD /api/...` → the declaration its handler was built from (null for next-auth's own handlers). */
async function exportedHandlers(): Promise<Map<string, Endpoint | null>> {
  const found = new Map<string, Endpoint | null>();
  for (const file of routeFiles) {
    const mod = (await import(path.join(root, "app/api", file))) as Record<string, unknown>;
    const handlers = methods
      .filter((m) => typeof mod[m] === "function")
      .map((m) => [m, mod[m] as { endpoint?: Endpoint }] as const);
    // One handler exported under every method is one endpoint: `ANY /api/...`.
    const isAny = handlers.length === methods.length && new Set(handlers.map(([, h]) => h)).size === 1;
    for (const [method, handler] of isAny ? [["ANY", handlers[0][1]] as const] : handlers)
      found.set(`${method} ${urlOf(file)}`, handler.endpoint ?? null);
  }
  return found;
}

describe("the endpoint declarations", () => {
  it("declare every handler a route file exports, and every declaration has its route", async () => {
    const handlers = await exportedHandlers();
    expect([...handlers.keys()].sort()).toEqual(declarations.map((d) => d.key).sort());
  }, 120_000);

  it("are what each handler was built from (next-auth's own handlers aside)", async () => {
    for (const [key, endpoint] of await exportedHandlers()) {
      if (key.includes("[...nextauth]")) continue;
      expect(endpoint?.key, key).toBe(key);
    }
  }, 120_000);

  it("are declared once each, with a rule, a tag, a summary and an answer", () => {
    expect(new Set(declarations.map((d) => d.key)).size).toBe(declarations.length);
    for (const d of declarations) {
      expect(Array.isArray(d.rule.roles), d.key).toBe(true);
      expect(
        d.rule.isPublic || d.rule.chainlink || d.rule.cron || d.rule.roles.length > 0,
        `${d.key} lets no one in`,
      ).toBe(true);
      expect(tagOf.get(d.key) && d.summary, d.key).toBeTruthy();
      expect(d.response, d.key).toBeDefined();
      // A route parameter the path names is parsed by the declaration's params schema.
      if (/\[\w+\]/.test(d.path) && !d.path.includes("[..."))
        expect(d.params, `${d.key} names a parameter without a schema`).toBeDefined();
    }
  });

  it("make the permission table: every declaration's rule, and every server action's row", () => {
    const table: Record<string, unknown> = permissions;
    for (const d of declarations) expect(table[d.key], d.key).toBe(d.rule);
    expect(Object.keys(permissions).sort()).toEqual(
      [...declarations.map((d) => d.key), ...Object.keys(actions)].sort(),
    );
  });

  it("make the OpenAPI document, with the answer's schema for every operation", () => {
    const doc = openApiDocument();
    const operations = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.entries(ops).map(([m, op]) => ({ key: `${m.toUpperCase()} ${p}`, op })),
    );
    const expected = declarations.filter((d) => d.method !== "ANY").map((d) => `${d.method} ${openApiPath(d.path)}`);
    expect(operations.map((o) => o.key).sort()).toEqual(expected.sort());
    for (const d of declarations.filter((e) => e.method !== "ANY")) {
      const op = doc.paths[openApiPath(d.path)][d.method.toLowerCase()];
      const success = Object.entries(op.responses).filter(([status]) => status.startsWith("2"));
      expect(
        success.map(([status]) => Number(status)),
        d.key,
      ).toEqual(d.statuses ?? [200]);
      for (const [status, response] of success) {
        const content =
          (response as { content?: Record<string, { schema?: { properties?: object; anyOf?: object } }> }).content ??
          {};
        const [type, media] = Object.entries(content)[0] ?? [];
        expect(media?.schema, `${d.key} ${status} has no schema`).toBeDefined();
        if (isDownload(d.response)) expect(type, d.key).toBe(d.response.contentType);
        // A JSON answer's schema, from the declaration's zod schema, names its fields.
        else expect(media!.schema!.properties ?? media!.schema!.anyOf, `${d.key}: the answer's fields`).toBeDefined();
      }
    }
  });
});
