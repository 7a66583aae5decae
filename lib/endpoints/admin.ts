// Administration: users, API keys, organisations, invitations and lockouts (admins only).
import { z } from "zod";

import { ZInvitation } from "@/lib/auth/account-schemas";
import { adminsOnly } from "@/lib/auth/permissions";
import { ZNewApiKey, ZUserChange } from "@/lib/auth/schemas";
import { roles } from "@/lib/db/enums";
import { ZApproval, ZNewOrganisation } from "@/lib/organisations/schemas";

import { endpoints } from "./define";
import { listOf, numberOrNull, textOrNull } from "./shapes";

const keyRole = z.enum(["operator", "verifier", "viewer"]);

export const admin = endpoints({
  listUsers: {
    route: "GET /api/admin/users",
    rule: adminsOnly,
    summary: "Users with their roles and linked wallets.",
    response: listOf(
      z.object({
        id: z.number(),
        email: textOrNull,
        name: textOrNull,
        role: z.enum(roles),
        is_active: z.boolean(),
        is_pending: z.boolean(),
        organisation_id: numberOrNull,
        has_totp: z.boolean(),
        wallets: z.array(z.string()),
        is_locked_out: z.boolean(),
      }),
    ),
  },

  changeUser: {
    route: "PATCH /api/admin/users/[user_id]",
    rule: adminsOnly,
    summary:
      "Change a user's role, active flag or organisation (its wallets move with it; a producer's or buyer's member is a viewer, else 422), or link a wallet. Audited.",
    body: ZUserChange,
    response: z.object({ id: z.number() }),
  },

  listApiKeys: {
    route: "GET /api/admin/api-keys",
    rule: adminsOnly,
    summary: "API keys (never the keys themselves).",
    response: listOf(
      z.object({
        id: z.number(),
        name: z.string(),
        prefix: z.string(),
        role: keyRole,
        createdBy: numberOrNull,
        createdAt: z.string(),
        lastUsedAt: textOrNull,
        revokedAt: textOrNull,
      }),
    ),
  },

  createApiKey: {
    route: "POST /api/admin/api-keys",
    rule: adminsOnly,
    summary: "Create an API key; the key is in this response only.",
    body: ZNewApiKey,
    response: z.object({ id: z.number(), name: z.string(), role: keyRole, prefix: z.string(), key: z.string() }),
    statuses: [201],
  },

  revokeApiKey: {
    route: "DELETE /api/admin/api-keys/[key_id]",
    rule: adminsOnly,
    summary: "Revoke an API key.",
    response: z.object({ id: z.number(), revoked: z.literal(true) }),
  },

  listOrganisations: {
    route: "GET /api/admin/organisations",
    rule: adminsOnly,
    summary:
      "Organisations (the operating company, cooperatives, exporters, importers, roasters) with their wallets and member counts.",
    response: listOf(
      z.object({
        id: z.number(),
        name: z.string(),
        kind: z.string(),
        wallets: z.array(z.string()),
        members: z.number(),
      }),
    ),
  },

  createOrganisation: {
    route: "POST /api/admin/organisations",
    rule: adminsOnly,
    summary: "Create a producer or buyer organisation (201); 409 when the name is taken. Audited.",
    body: ZNewOrganisation,
    response: z.object({ id: z.number(), name: z.string(), kind: z.string() }),
    statuses: [201],
  },

  approveUser: {
    route: "POST /api/admin/users/[user_id]/approve",
    rule: adminsOnly,
    summary:
      "Let a pending wallet in: into an organisation with a role (a producer's or buyer's member is a viewer; its wallets join the organisation), or onto an existing user (`link_to_user_id`; the pending user goes). 409 when the user is not pending or a wallet belongs to another organisation. Audited.",
    body: ZApproval,
    response: z.object({
      id: z.number(),
      wallets: z.array(z.string()),
      organisation_id: z.number().optional(),
      role: z.enum(roles).optional(),
    }),
  },

  invite: {
    route: "POST /api/admin/invitations",
    rule: adminsOnly,
    summary:
      "Invite someone by email as operator, verifier or viewer (201): a single-use link valid 72 hours is mailed to them. 409 when the email already has an account; 422 for a role an invitation cannot grant (admin). Audited.",
    body: ZInvitation,
    response: z.object({ email: z.string(), role: z.enum(roles) }),
    statuses: [201],
  },

  liftLockout: {
    route: "DELETE /api/admin/users/[user_id]/lockout",
    rule: adminsOnly,
    summary: "Lift a sign-in lockout: the user's failed attempts from every client are forgotten. Audited.",
    response: z.object({ id: z.number(), lifted: z.number() }),
  },
});
