// POST /api/admin/users/{user_id}/approve — let a pending wallet in: into an organisation with a role, or onto an existing user
import { actorOf } from "@/lib/audit/actor";
import { getDb } from "@/lib/db/server";
import { admin } from "@/lib/endpoints/admin";
import { handle, reply } from "@/lib/endpoints/handle";
import { approvePending } from "@/lib/organisations/organisations";

export const dynamic = "force-dynamic";

export const POST = handle(admin.approveUser, async ({ params: { user_id }, body, caller }) =>
  reply(await approvePending(getDb(), user_id, body, actorOf(caller))),
);
