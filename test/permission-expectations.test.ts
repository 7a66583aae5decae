// The permission table (lib/auth/permissions.ts) against the hand-written expectation the e2e matrix
// checks the live server with (e2e/permission-expectations.ts): a row widened or narrowed in either
// place, or a route in one and not the other, fails here before any server starts.
import { describe, expect, it } from "vitest";
import { permissions, type Permission, type Rule } from "@/lib/auth/permissions";
import { expected, kinds, type Kind } from "@/e2e/permission-expectations";

type RouteKey = Exclude<Permission, `ACTION ${string}`>;

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

const routeKeys = (Object.keys(permissions) as Permission[]).filter((k): k is RouteKey => !k.startsWith("ACTION "));

describe("the permission table and the hand-written expectation", () => {
  it("name the same routes", () => {
    expect(Object.keys(expected).sort()).toEqual([...routeKeys].sort());
  });

  it("agree for every route and every kind of caller", () => {
    const disagreements = routeKeys.flatMap((key) =>
      kinds.filter((kind) => tableAllows(permissions[key], kind) !== expected[key].includes(kind)).map((kind) => `${key} as ${kind}: the table ${tableAllows(permissions[key], kind) ? "allows" : "refuses"}, the expectation ${expected[key].includes(kind) ? "allows" : "refuses"}`),
    );
    expect(disagreements).toEqual([]);
  });
});
