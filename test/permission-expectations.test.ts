// The permission rules as the endpoint declarations give them (lib/endpoints), against the hand-written
// expectation the e2e matrix checks the live server with (e2e/permission-expectations.ts): a rule
// widened or narrowed, or a route in one and not the other, fails here before any server starts.
import { describe, expect, it } from "vitest";

import { expected, kinds, type Kind } from "@/e2e/permission-expectations";
import type { Rule } from "@/lib/auth/permissions";
import { routeRules } from "@/lib/endpoints/permissions";

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

const table: Record<string, Rule> = routeRules;

describe("the endpoint declarations and the hand-written expectation", () => {
  it("name the same routes", () => {
    expect(Object.keys(expected).sort()).toEqual(Object.keys(table).sort());
  });

  it("agree for every route and every kind of caller", () => {
    const says = (key: string, kind: Kind) => (expected[key]?.includes(kind) ? "allows" : "refuses");
    const disagreements = Object.entries(table).flatMap(([key, rule]) =>
      kinds
        .filter((kind) => tableAllows(rule, kind) !== expected[key]?.includes(kind))
        .map(
          (kind) =>
            `${key} as ${kind}: the table ${tableAllows(rule, kind) ? "allows" : "refuses"}, the expectation ${says(key, kind)}`,
        ),
    );
    expect(disagreements).toEqual([]);
  });
});
