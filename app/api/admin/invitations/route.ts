// POST /api/admin/invitations — invite someone by email with a role (the link is mailed, valid 72 h)
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/handler";
import { actorOf } from "@/lib/audit/actor";
import { ZInvitation } from "@/lib/auth/account-schemas";
import { getAppUrl } from "@/lib/auth/app-url";
import { inviteUser } from "@/lib/auth/invitations";
import { getDb } from "@/lib/db/server";
import { getMailer } from "@/lib/mail/server";

export const POST = handle("POST /api/admin/invitations", async ({ request, caller }) => {
  const input = ZInvitation.parse(await request.json().catch(() => null));
  const invitedBy = caller.kind === "user" ? caller.user.id : null;
  const invitation = await inviteUser(getDb(), getMailer(), { ...input, invitedBy, actor: actorOf(caller), appUrl: await getAppUrl() });
  return NextResponse.json(invitation, { status: 201 });
});
