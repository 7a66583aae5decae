"use server";

import { ZAcceptInvitation } from "@/lib/auth/account-schemas";
import { acceptInvitation } from "@/lib/auth/invitations";
import { getDb } from "@/lib/db/server";

import { runPublicAction } from "./safe-action";

/** The invitee sets a name and password from the mailed link; they sign in next. */
export async function acceptInvitationAction(input: unknown) {
  return runPublicAction("ACTION accept-invitation", async () => {
    const user = await acceptInvitation(getDb(), ZAcceptInvitation.parse(input));
    return { email: user.email };
  });
}
