// POST /api/admin/users/{user_id}/approve — let a pending wallet in: into an organisation with a role, or onto an existing user
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/handler";
import { idParams } from "@/lib/api/params";
import { actorOf } from "@/lib/audit/actor";
import { getDb } from "@/lib/db/server";
import { approvePending } from "@/lib/organisations/organisations";
import { ZApproval } from "@/lib/organisations/schemas";

export const dynamic = "force-dynamic";

export const POST = handle<{ user_id: string }>("POST /api/admin/users/[user_id]/approve", async ({ request, params, caller }) => {
  const { user_id } = idParams("user_id").parse(params);
  const approval = ZApproval.parse(await request.json().catch(() => null));
  return NextResponse.json(await approvePending(getDb(), user_id, approval, actorOf(caller)));
});
