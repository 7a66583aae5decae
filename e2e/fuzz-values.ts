// fast-check arbitraries for the fuzz (e2e/fuzz.spec.ts), derived from a route's own zod schemas
// as its OpenAPI document gives them (z.toJSONSchema), then mutated: keys dropped, values of the
// wrong type, valid-shaped values at their edges, unknown keys, bodies that are not JSON.
import fc from "fast-check";

export type JsonSchema = {
  type?: string;
  enum?: unknown[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
};

// Any code point, and often the ones that break things (NUL, a lone surrogate, quotes, LIKE
// wildcards, backslashes, a right-to-left mark): printable ASCII alone once hid a 500 on NUL.
const nasty = fc.constantFrom(
  "\u0000",
  "\uD800",
  "'",
  '"',
  "%",
  "_",
  "\\",
  "é",
  "😀",
  "\u202E",
  "1",
  "a",
  " ",
  ",",
  "-",
  ".",
);
const anyText = (max = 20) =>
  fc.oneof(fc.string({ unit: "binary", maxLength: max }), fc.string({ unit: nasty, maxLength: max }));

/** Numbers at their edges: zero, negative, huge, past 2^53, many decimals, not finite (as JSON can carry them: not at all, or as text). */
export const edgeNumbers = [
  0,
  -0,
  -1,
  1,
  -0.01,
  0.001,
  1.005,
  99.999,
  100.01,
  1000,
  1e6,
  2 ** 31,
  2 ** 53,
  2 ** 53 + 2,
  1e21,
  1e308,
  -1e308,
  5e-324,
  123.456789012345,
];
/** Texts at their edges: empty, blank, unicode, control characters, long, numbers as text with many decimals or an exponent. */
export const edgeTexts = [
  "",
  " ",
  "\u0000",
  "\uD800",
  "😀",
  "é".repeat(3),
  "\u202Eabc",
  "a".repeat(2001),
  "9".repeat(80),
  "0",
  "-1",
  "1.123456789",
  "1e3",
  "NaN",
  "Infinity",
  "0x10",
  " 1",
  "1 ",
  "1,5",
  "null",
  "true",
  "[]",
  "{}",
  "%",
  "_",
  "'; drop table batches; --",
];
const edge = fc.oneof(
  fc.constantFrom(...edgeNumbers),
  fc.constantFrom(...edgeTexts),
  fc.constantFrom(null, true, false, [], {}, [1], { a: 1 }),
);

/** A value the schema accepts (near enough: the server decides), or close to it. */
export function valid(schema: JsonSchema): fc.Arbitrary<unknown> {
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map(valid));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  switch (schema.type) {
    case "string":
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 30, 30) });
    case "integer": {
      const min = schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : (schema.minimum ?? -1000);
      return fc.integer({ min: Math.max(min, -(2 ** 31)), max: Math.min(schema.maximum ?? 2 ** 31, 2 ** 31) });
    }
    case "number": {
      const [min, max] = [schema.minimum ?? -1e6, schema.maximum ?? 1e6];
      // Mostly two decimals as people write them, sometimes any double in range.
      return fc.oneof(
        {
          arbitrary: fc.integer({ min: Math.ceil(min * 100), max: Math.floor(max * 100) }).map((n) => n / 100),
          weight: 4,
        },
        { arbitrary: fc.double({ min, max, noNaN: true }), weight: 1 },
      );
    }
    case "boolean":
      return fc.boolean();
    case "object":
      return validObject(schema);
    default:
      return fc.jsonValue();
  }
}

function validObject(schema: JsonSchema): fc.Arbitrary<Record<string, unknown>> {
  const properties = schema.properties ?? {};
  const shape = Object.fromEntries(Object.entries(properties).map(([k, s]) => [k, valid(s)]));
  return fc.record(shape, { requiredKeys: schema.required ?? [] }) as fc.Arbitrary<Record<string, unknown>>;
}

/** The object schemas a body may take (one, or each branch of an anyOf of objects). */
const objectBranches = (schema: JsonSchema): JsonSchema[] =>
  schema.anyOf ? schema.anyOf.filter((s) => s.type === "object") : schema.type === "object" ? [schema] : [];

type Mutation = (o: Record<string, unknown>, keys: string[]) => fc.Arbitrary<Record<string, unknown>>;

const mutations: Mutation[] = [
  // One field at an edge, the rest valid: the case that reaches the code reading that field.
  (o, keys) => fc.tuple(fc.constantFrom(...keys), edge).map(([k, v]) => ({ ...o, [k]: v })),
  (o, keys) => fc.tuple(fc.constantFrom(...keys), fc.constantFrom(...edgeNumbers)).map(([k, v]) => ({ ...o, [k]: v })),
  // One field of another type, or random text.
  (o, keys) =>
    fc.tuple(fc.constantFrom(...keys), fc.oneof(anyText(), fc.jsonValue())).map(([k, v]) => ({ ...o, [k]: v })),
  // A field left out.
  (o, keys) => fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(o).filter(([key]) => key !== k))),
  // A field no schema names.
  (o) => fc.tuple(anyText(8), edge).map(([k, v]) => ({ ...o, [k || "extra"]: v })),
];

/** A body for `schema` (or any JSON for a route that takes none): valid, mutated, or not an object at all, as JSON text. */
export function bodyFor(schema: JsonSchema | undefined): fc.Arbitrary<string> {
  const notObjects = fc.oneof(
    anyText(60),
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.constantFrom("", "{", "[]", "null", '{"a":', "{}"),
  );
  const branches = schema ? objectBranches(schema) : [];
  if (!branches.length)
    return fc.oneof(
      { arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)), weight: 2 },
      { arbitrary: notObjects, weight: 1 },
    );
  const mutated = fc.oneof(
    ...branches.map((branch) => validObject(branch).chain((o) => mutate(o, Object.keys(branch.properties ?? {})))),
  );
  const wellFormed = fc.oneof(...branches.map(validObject));
  return fc.oneof(
    { arbitrary: mutated.map((o) => JSON.stringify(o)), weight: 6 },
    { arbitrary: wellFormed.map((o) => JSON.stringify(o)), weight: 2 },
    { arbitrary: notObjects, weight: 1 },
  );
}

function mutate(o: Record<string, unknown>, keys: string[]): fc.Arbitrary<Record<string, unknown>> {
  if (!keys.length) return fc.constant(o);
  return fc.oneof(...mutations.map((m) => m(o, keys)));
}

/** A query for these parameters: valid values, edge texts in one, unknown or repeated names. */
export function queryFor(params: Record<string, JsonSchema>): fc.Arbitrary<[string, string][]> {
  const names = Object.keys(params);
  const text = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));
  const validPairs = names.length
    ? fc
        .subarray(names)
        .chain((chosen) => fc.tuple(...chosen.map((n) => valid(params[n]).map((v): [string, string] => [n, text(v)]))))
    : fc.constant([] as [string, string][]);
  const odd = fc.oneof(
    fc.tuple(
      names.length ? fc.constantFrom(...names) : anyText(8),
      fc.oneof(fc.constantFrom(...edgeTexts), fc.constantFrom(...edgeNumbers).map(String), anyText()),
    ),
    fc.tuple(anyText(8), anyText()),
  );
  const mixed = fc.tuple(validPairs, fc.array(odd, { minLength: 1, maxLength: 2 })).map(([a, b]) => [...a, ...b]);
  if (!names.length) return fc.oneof({ arbitrary: validPairs, weight: 1 }, { arbitrary: mixed, weight: 3 });
  // A parameter given twice.
  const repeated = fc
    .tuple(fc.constantFrom(...names), fc.constantFrom(...edgeTexts))
    .chain(([n, t]) => validPairs.map((p): [string, string][] => [...p, [n, t], [n, t]]));
  return fc.oneof(
    { arbitrary: validPairs, weight: 2 },
    { arbitrary: mixed, weight: 5 },
    { arbitrary: repeated, weight: 1 },
  );
}

/** A URL path segment: never a lone surrogate (a URL cannot carry one). */
export const segment = (s: string) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, "\uFFFD"));

/** Ids that are not valid ones: text, zero, negative, decimals, past 2^53. */
export const badId = fc.oneof(
  anyText(12),
  fc.constantFrom("0", "-1", "1.5", "1e3", "01", "9007199254740993", "99999999999999999999", " 1", "0x1"),
);
