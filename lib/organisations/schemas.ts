import { z } from "zod";

import { text } from "@/lib/api/zod";
import { organisationKinds, roles } from "@/lib/db/enums";

export const ZNewOrganisation = z.strictObject({
  name: text().trim().min(1).max(120),
  kind: z.enum(organisationKinds),
});

/** Approve a pending wallet: into an organisation with a role, or onto a user who already exists. */
export const ZApproval = z.union(
  [
    z.strictObject({ organisation_id: z.number().int().positive(), role: z.enum(roles) }),
    z.strictObject({ link_to_user_id: z.number().int().positive() }),
  ],
  { error: "give organisation_id and role, or link_to_user_id" },
);

export type Approval = z.infer<typeof ZApproval>;
