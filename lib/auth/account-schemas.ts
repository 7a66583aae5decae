// Inputs of the account flows: invitations, passwords, TOTP, the first admin.
import { z } from "zod";

import { text } from "@/lib/api/zod";
import { roles } from "@/lib/db/enums";

export const ZPassword = z
  .string()
  .min(12, "must be at least 12 characters")
  .max(200, "must be at most 200 characters");
const ZEmail = z
  .email("must be an email address")
  .max(200)
  .transform((e) => e.toLowerCase());
const ZName = text().trim().min(1, "is required").max(80);
const ZToken = z.string().min(20, "is not a valid link").max(200);
export const ZTotpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, "must be the 6 digits your app shows");

/** Admin is given by promoting a signed-in user, never by a link that could be forwarded. */
export const invitableRoles = ["operator", "verifier", "viewer"] as const;

export const ZInvitation = z.strictObject({ email: ZEmail, role: z.enum(roles) });
export const ZAcceptInvitation = z.strictObject({ token: ZToken, name: ZName, password: ZPassword });
export const ZResetRequest = z.strictObject({ email: ZEmail });
export const ZResetPassword = z.strictObject({ token: ZToken, password: ZPassword });
export const ZChangePassword = z.strictObject({
  current_password: z.string().min(1, "is required").max(200),
  new_password: ZPassword,
});
export const ZFirstAdmin = z.strictObject({ token: ZToken, email: ZEmail, name: ZName, password: ZPassword });
export const ZTotpConfirm = z.strictObject({ code: ZTotpCode });
