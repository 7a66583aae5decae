// Who may call what: each endpoint's rule from its declaration, beside the server actions' rows.
import { actions, allows, type Rule, type Who } from "@/lib/auth/permissions";

import { declarations, type EndpointKey } from "./registry";

export const routeRules = Object.fromEntries(declarations.map((d) => [d.key, d.rule])) as Record<EndpointKey, Rule>;

/** Every route × method and every server action, with its rule. */
export const permissions: Record<Permission, Rule> = { ...routeRules, ...actions };

export type Permission = EndpointKey | keyof typeof actions;

/** Whether a signed-in user may make this call; pages use it to show only buttons that work. */
export function can(who: Who, permission: Permission): boolean {
  return allows(who, permissions[permission]);
}
