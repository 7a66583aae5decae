// The permission rules, both as the route handlers read them today (lib/auth/permissions.ts) and as
// the endpoint declarations give them (lib/endpoints), against the hand-written expectation the e2e
// matrix checks the live server with (e2e/permission-expectations.ts): a rule widened or narrowed
// in any of them, or a route in one and not another, fails here before any server starts.
import { describe, expect, it } from "vitest";
import { permissions, type Rule } from "@/lib/auth/permissions";
import { routeRules } from "@/lib/endpoints/permissions";
import { expected, kinds, type Kind } from "@/e2e/permission-expectations";

/** What the table lets this kind of caller do, read straight from its row. */
function tableAllows(rule: Rule, kind: Kind): boolean {
  if (rule.isPublic) return true;
  if (rule.chainlink) return kind === "chainlink signature";
  if (kind === "cron secret") return !!rule.cron;
  const roles = rule.roles as readonly string[];
  if (kind.endsWith(" API key")) return !!rule.apiKeys && roles.includes(kind.replace(" API key", ""));
  // A producer's member is a viewer that reaches only the rows marked for members.
  if (kind === "producer organisation member") return !!rule.members && roles.includes("viewer");
  return roles.includes(kind);
}

const tables: [string, Record<string, Rule>][] = [
  ["lib/auth/permissions.ts", Object.fromEntries(Object.entries(permissions).filter(([k]) => !k.startsWith("ACTION ")))],
  ["the endpoint declarations (lib/endpoints)", routeRules],
];

describe.each(tables)("%s and the hand-written expectation", (_, table) => {
  it("name the same routes", () => {
    expect(Object.keys(expected).sort()).toEqual(Object.keys(table).sort());
  });

  it("agree for every route and every kind of caller", () => {
    const says = (key: string, kind: Kind) => (expected[key]?.includes(kind) ? "allows" : "refuses");
    const disagreements = Object.entries(table).flatMap(([key, rule]) =>
      kinds.filter((kind) => tableAllows(rule, kind) !== expected[key]?.includes(kind)).map((kind) => `${key} as ${kind}: the table ${tableAllows(rule, kind) ? "allows" : "refuses"}, the expectation ${says(key, kind)}`),
    );
    expect(disagreements).toEqual([]);
  });
});
