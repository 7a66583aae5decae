// Who may call what: every route × method has a row here, and a test fails for any route without one.
import type { roles } from "@/lib/db/schema";

export type Role = (typeof roles)[number];

/**
 * `roles`: signed-in users with these roles. `apiKeys`: API keys whose role is in `roles`.
 * `chainlink`: no session or key; the route checks the DON's signature itself (lib/chainlink).
 * `members`: members of a producer or buyer organisation with one of `roles` may call it too, and
 * see only their organisation's batches (lib/auth/scope.ts); without it only the operating company's staff.
 */
export type Rule = { roles: readonly Role[]; apiKeys?: boolean; chainlink?: boolean; cron?: boolean; isPublic?: boolean; members?: boolean };

export const everyone: Role[] = ["admin", "operator", "verifier", "viewer"];
export const operators: Role[] = ["admin", "operator"];
export const admins: Role[] = ["admin"];
export const verifiers: Role[] = ["admin", "verifier"];
export const staff: Role[] = ["admin", "operator", "verifier"];

/** Server actions (lib/actions): who may run each; runAction checks its row. */
export const actions = {
  "ACTION save-draft": { roles: operators },
  "ACTION record-mint-transaction": { roles: operators },
  "ACTION record-transaction": { roles: verifiers },
  "ACTION change-password": { roles: everyone },
  "ACTION start-totp": { roles: everyone },
  "ACTION enable-totp": { roles: everyone },
  "ACTION disable-totp": { roles: everyone },
  // Links from mails and the first-run page: the token they carry is the permission.
  "ACTION accept-invitation": { roles: [], isPublic: true },
  "ACTION request-password-reset": { roles: [], isPublic: true },
  "ACTION reset-password": { roles: [], isPublic: true },
  "ACTION set-up-first-admin": { roles: [], isPublic: true },
} as const satisfies Record<string, Rule>;

export const permissions = {
  ...actions,
  "ANY /api/[...path]": { roles: [], isPublic: true },
  "GET /api/health": { roles: [], isPublic: true },
  "GET /api/openapi.json": { roles: [], isPublic: true },
  "GET /api/auth/[...nextauth]": { roles: [], isPublic: true },
  "POST /api/auth/[...nextauth]": { roles: [], isPublic: true },
  "POST /api/auth/siwe/nonce": { roles: [], isPublic: true },
  "GET /api/batches": { roles: everyone, members: true, apiKeys: true },
  "GET /api/batches/export": { roles: everyone, members: true, apiKeys: true },
  "GET /api/batches/[batch_id]": { roles: everyone, members: true, apiKeys: true },
  "POST /api/batches/import-from-blockchain": { roles: operators, apiKeys: true },
  "GET /api/batches/stream": { roles: everyone, members: true },
  "POST /api/batches/[batch_id]/request-verification": { roles: staff, apiKeys: true },
  "GET /api/batches/[batch_id]/verification-requests": { roles: everyone, members: true, apiKeys: true },
  "GET /api/verification-requests": { roles: everyone, members: true, apiKeys: true },
  "POST /api/verification-requests/[request_id]/process": { roles: verifiers },
  "POST /api/batches/[batch_id]/verify": { roles: verifiers },
  "POST /api/batches/[batch_id]/verify-batch": { roles: verifiers },
  "POST /api/batches/[batch_id]/quality-check": { roles: verifiers },
  "GET /api/batches/[batch_id]/quality-checks": { roles: everyone, members: true, apiKeys: true },
  "GET /api/files/[file_id]": { roles: everyone, members: true },
  "POST /api/batches/[batch_id]/detect-fraud": { roles: staff, apiKeys: true },
  "GET /api/batches/[batch_id]/alerts": { roles: everyone, members: true, apiKeys: true },
  "POST /api/batches/[batch_id]/resolve-alert": { roles: staff },
  "GET /api/batches/[batch_id]/audit-history": { roles: everyone, members: true, apiKeys: true },
  "GET /api/batches/[batch_id]/chainlink-requests": { roles: everyone, members: true, apiKeys: true },
  "GET /api/audit/[record_id]/proof": { roles: everyone, members: true, apiKeys: true },
  "GET /api/labels": { roles: everyone, members: true, apiKeys: true },
  "GET /api/cron/expiry": { roles: [], cron: true },
  "GET /api/blockchain-events": { roles: everyone, members: true, apiKeys: true },
  "GET /api/blockchain-events/stream": { roles: everyone, members: true },
  "GET /api/blockchain-events/status": { roles: everyone, apiKeys: true },
  "POST /api/blockchain-events/[event_id]/process": { roles: operators, apiKeys: true },
  "POST /api/blockchain-events/process-all": { roles: operators, apiKeys: true },
  "POST /api/blockchain-events/toggle-listening": { roles: operators, apiKeys: true },
  "GET /api/cron/listener": { roles: [], cron: true },
  "POST /api/sync": { roles: operators, apiKeys: true },
  "GET /api/sync": { roles: everyone, apiKeys: true },
  "GET /api/sync/[sync_id]": { roles: everyone, apiKeys: true },
  "POST /api/batches/[batch_id]/sync": { roles: operators, apiKeys: true },
  "GET /api/cron/sync": { roles: [], cron: true },
  "POST /api/chainlink/verify-batch/[batch_id]": { roles: [], chainlink: true },
  "POST /api/chainlink/quality-check/[batch_id]": { roles: [], chainlink: true },
  "POST /api/chainlink/expiry-check/[batch_id]": { roles: [], chainlink: true },
  "GET /api/dashboard/metrics": { roles: everyone, members: true, apiKeys: true },
  "GET /api/system/status": { roles: everyone, apiKeys: true },
  "GET /api/activities/recent": { roles: everyone, members: true, apiKeys: true },
  "GET /api/analytics": { roles: everyone, members: true, apiKeys: true },
  "GET /api/admin/users": { roles: admins },
  "PATCH /api/admin/users/[user_id]": { roles: admins },
  "GET /api/admin/api-keys": { roles: admins },
  "POST /api/admin/api-keys": { roles: admins },
  "DELETE /api/admin/api-keys/[key_id]": { roles: admins },
  "GET /api/admin/organisations": { roles: admins },
  "POST /api/admin/organisations": { roles: admins },
  "POST /api/admin/users/[user_id]/approve": { roles: admins },
  "POST /api/admin/invitations": { roles: admins },
  "DELETE /api/admin/users/[user_id]/lockout": { roles: admins },
} as const satisfies Record<string, Rule>;

export type Permission = keyof typeof permissions;



/** Pages, by path prefix; the console nav shows only what the role may open. `members`: as for routes. */
export const pages = [
  { href: "/dashboard", label: "Dashboard", roles: everyone, members: true },
  { href: "/inventory", label: "Inventory", roles: everyone, members: true },
  { href: "/batches/new", label: "Add batch", roles: operators, members: false },
  { href: "/verification", label: "Verification", roles: everyone, members: true },
  { href: "/events", label: "Event listener", roles: everyone, members: true },
  { href: "/analytics", label: "Analytics", roles: everyone, members: true },
  { href: "/admin", label: "Admin", roles: admins, members: false },
  { href: "/api-docs", label: "API", roles: everyone, members: true },
] as const;

/** `isMember`: the user belongs to a producer or buyer organisation, not the operating company. */
export type Who = { role: Role; isMember?: boolean };

/** Whether a signed-in user with this role (and membership) passes the rule. */
export function allows({ role, isMember }: Who, rule: Rule): boolean {
  return (rule.roles as readonly Role[]).includes(role) && (!isMember || !!rule.members);
}

export function canOpen({ role, isMember }: Who, path: string): boolean {
  const page = pages.find((p) => path === p.href || path.startsWith(`${p.href}/`));
  return page ? (page.roles as readonly Role[]).includes(role) && (!isMember || page.members) : true;
}

/** Whether a signed-in user may make this call; pages use it to show only buttons that work. */
export function can({ role, isMember }: Who, permission: Permission): boolean {
  const rule: Rule = permissions[permission];
  return (rule.roles as readonly Role[]).includes(role) && (!isMember || !!rule.members);
}
