// POST /api/admin/invitations — invite someone by email with a role (the link is mailed, valid 72 h)
import { actorOf } from "@/lib/audit/actor";
import { getAppUrl } from "@/lib/auth/app-url";
import { inviteUser } from "@/lib/auth/invitations";
import { getDb } from "@/lib/db/server";
import { admin } from "@/lib/endpoints/admin";
import { handle, reply } from "@/lib/endpoints/handle";
import { getMailer } from "@/lib/mail/server";

export const POST = handle(admin.invite, async ({ body, caller }) => {
  const invitedBy = caller.kind === "user" ? caller.user.id : null;
  const invitation = await inviteUser(getDb(), getMailer(), {
    ...body,
    invitedBy,
    actor: actorOf(caller),
    appUrl: await getAppUrl(),
  });
  return reply(invitation, 201);
});
