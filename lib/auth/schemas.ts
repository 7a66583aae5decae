import { z } from "zod";

import { text } from "@/lib/api/zod";
import { apiKeyRoles, roles } from "@/lib/db/enums";

export const ZUserChange = z
  .strictObject({
    role: z.enum(roles).optional(),
    is_active: z.boolean().optional(),
    link_wallet: z
      .string()
      .regex(/^0x[0-9a-fA-F]{40}$/, "must be a wallet address")
      .optional(),
    organisation_id: z.number().int().positive().optional(),
  })
  .refine(
    (c) => Object.keys(c).length > 0,
    "name at least one change: role, is_active, link_wallet or organisation_id",
  );

export const ZNewApiKey = z.strictObject({
  name: text().trim().min(1).max(80),
  role: z.enum(apiKeyRoles),
});
