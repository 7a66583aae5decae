// Every text an endpoint takes, in its route, query or body, is text Postgres can keep: a NUL or a
// lone surrogate is refused with a 422 by the schema, never left to fail in the database as a 500.
// The schemas are walked, not listed, so a new endpoint's plain z.string() fails here.
import { describe, expect, it } from "vitest";
import type { ZodType } from "zod";

import { declarations } from "@/lib/endpoints/registry";

type Def = {
  type: string;
  shape?: Record<string, ZodType>;
  innerType?: ZodType;
  element?: ZodType;
  keyType?: ZodType;
  valueType?: ZodType;
  options?: ZodType[];
  items?: ZodType[];
  in?: ZodType;
  left?: ZodType;
  right?: ZodType;
};
const defOf = (schema: ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const wrappers = ["optional", "nullable", "default", "prefault", "catch", "readonly", "nonoptional"];

/** Whether the schema takes a string as its input (perhaps among other things). */
function takesText(schema: ZodType): boolean {
  const def = defOf(schema);
  if (def.type === "string" || def.type === "template_literal") return true;
  if (wrappers.includes(def.type)) return takesText(def.innerType!);
  if (def.type === "pipe") return takesText(def.in!);
  if (def.type === "union") return def.options!.some(takesText);
  return false;
}

/** The schemas, at every depth, that take a string: each with where it sits. */
function textFields(schema: ZodType, at: string): [string, ZodType][] {
  if (takesText(schema)) return [[at, schema]];
  const def = defOf(schema);
  const inner = (s: ZodType | undefined, where = at) => (s ? textFields(s, where) : []);
  switch (def.type) {
    case "object":
      return Object.entries(def.shape!).flatMap(([key, s]) => textFields(s, `${at}.${key}`));
    case "array":
      return inner(def.element, `${at}[]`);
    case "record":
      return [...inner(def.keyType, `${at}{key}`), ...inner(def.valueType, `${at}{}`)];
    case "tuple":
      return def.items!.flatMap((s, i) => textFields(s, `${at}[${i}]`));
    case "union":
      return def.options!.flatMap((s) => textFields(s, at));
    case "intersection":
      return [...inner(def.left), ...inner(def.right)];
    case "pipe":
      return inner(def.in);
    default:
      return wrappers.includes(def.type) ? inner(def.innerType) : [];
  }
}

// Strings of the shapes the API takes; a field is checked with those it accepts.
const samples = ["Huila lot", "abcdefgh12345678", "https://example.com/hook", "12.5", "2026-01-01", "a@example.com"];
const spoiled = (s: string) => [`${s.slice(0, 3)}\u0000${s.slice(3)}`, `${s.slice(0, 3)}\uD800${s.slice(3)}`];

const fields = declarations.flatMap((d) =>
  (["params", "query", "body"] as const).flatMap((part) => {
    const schema = d[part];
    return schema ? textFields(schema, `${d.key} ${part}`) : [];
  }),
);

describe("text an endpoint takes", () => {
  it("is found in the declarations (the walk reaches the fields)", () => {
    expect(fields.length).toBeGreaterThan(50);
    expect(fields.map(([at]) => at)).toContain("PATCH /api/admin/webhooks/[endpoint_id] body.description");
  });

  it.each(fields)("%s refuses a NUL and a lone surrogate", (_at, schema) => {
    const accepted = samples.filter((s) => schema.safeParse(s).success);
    for (const sample of accepted) for (const bad of spoiled(sample)) expect(schema.safeParse(bad).success).toBe(false);
  });
});
