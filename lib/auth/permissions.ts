// Who may do what: roles, the rule a route or server action is guarded by, the server actions' rows
// and the pages. Each endpoint's rule is in its declaration (lib/endpoints); lib/endpoints/permissions.ts
// joins the two into one table.
import type { roles } from "@/lib/db/enums";

export type Role = (typeof roles)[number];

/**
 * `roles`: signed-in users with these roles. `apiKeys`: API keys whose role is in `roles`.
 * `chainlink`: no session or key; the route checks the DON's signature itself (lib/chainlink).
 * `members`: members of a producer or buyer organisation with one of `roles` may call it too, and
 * see only their organisation's batches (lib/auth/scope.ts); without it only the operating company's staff.
 */
export type Rule = {
  roles: readonly Role[];
  apiKeys?: boolean;
  chainlink?: boolean;
  cron?: boolean;
  isPublic?: boolean;
  members?: boolean;
};

export const everyone: Role[] = ["admin", "operator", "verifier", "viewer"];
export const operators: Role[] = ["admin", "operator"];
export const admins: Role[] = ["admin"];
export const verifiers: Role[] = ["admin", "verifier"];
export const staff: Role[] = ["admin", "operator", "verifier"];

/** Every role, organisation members and API keys: reading what the caller's organisation may see. */
export const readers = { roles: everyone, members: true, apiKeys: true } satisfies Rule;
/** Every role of the operating company, and API keys: the system's own figures. */
export const everyoneAndKeys = { roles: everyone, apiKeys: true } satisfies Rule;
/** Any signed-in user, members too, but no API key: files, streams and one's own things. */
export const signedIn = { roles: everyone, members: true } satisfies Rule;
/** Operators and operators' API keys: running inventory, orders and sync. */
export const operatorsAndKeys = { roles: operators, apiKeys: true } satisfies Rule;
/** Staff (admins, operators, verifiers) and their API keys. */
export const staffAndKeys = { roles: staff, apiKeys: true } satisfies Rule;
/** Staff in person. */
export const staffOnly = { roles: staff } satisfies Rule;
/** Operators in person. */
export const operatorsOnly = { roles: operators } satisfies Rule;
/** Verifiers in person: a count, a grade or a decision is someone's, never a key's. */
export const verifiersOnly = { roles: verifiers } satisfies Rule;
/** Admins in person. */
export const adminsOnly = { roles: admins } satisfies Rule;
/** Anyone, signed in or not. */
export const open = { roles: [], isPublic: true } satisfies Rule;
/** The scheduler, with the CRON_SECRET bearer. */
export const cron = { roles: [], cron: true } satisfies Rule;

/** Server actions (lib/actions): who may run each; runAction checks its row. */
export const actions = {
  "ACTION save-draft": { roles: operators },
  "ACTION record-mint-transaction": { roles: operators },
  "ACTION record-transaction": { roles: verifiers },
  // A holder's wallet (a member of its organisation) records the stock action it sent, to show it pending.
  "ACTION record-stock-transaction": { roles: everyone, members: true },
  "ACTION change-password": { roles: everyone },
  "ACTION start-totp": { roles: everyone },
  "ACTION enable-totp": { roles: everyone },
  "ACTION disable-totp": { roles: everyone },
  // Links from mails and the first-run page: the token they carry is the permission.
  "ACTION accept-invitation": open,
  "ACTION request-password-reset": open,
  "ACTION reset-password": open,
  "ACTION set-up-first-admin": open,
} as const satisfies Record<string, Rule>;

type Page = { href: string; label: string; rule: Rule };
const page = (href: string, label: string, rule: Rule = signedIn): Page => ({ href, label, rule });

/** Pages, by path prefix, in nav order, with who may open them (signedIn unless said); the nav shows only those. */
export const pages: readonly Page[] = [
  page("/dashboard", "Dashboard"),
  page("/inventory", "Inventory"),
  page("/batches/new", "Add batch", operatorsOnly),
  page("/verification", "Verification"),
  page("/events", "Events"),
  page("/stock", "Stock"),
  page("/movements", "Movements"),
  page("/orders", "Orders"),
  page("/returns", "Returns"),
  page("/analytics", "Analytics"),
  // plots
  page("/eudr", "EUDR"),
  page("/admin", "Admin", adminsOnly),
  page("/api-docs", "API"),
];

/** `isMember`: the user belongs to a producer or buyer organisation, not the operating company. */
export type Who = { role: Role; isMember?: boolean };

/** Whether a signed-in user with this role (and membership) passes the rule. */
export function allows({ role, isMember }: Who, rule: Rule): boolean {
  return (rule.roles as readonly Role[]).includes(role) && (!isMember || !!rule.members);
}

export function canOpen(who: Who, path: string): boolean {
  const page = pages.find((p) => path === p.href || path.startsWith(`${p.href}/`));
  return page ? allows(who, page.rule) : true;
}
