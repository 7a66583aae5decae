// GET /api/verification-requests — the verification queue, with filters, newest first
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { verification } from "@/lib/endpoints/verification";
import { listRequests } from "@/lib/verification/requests";

export const dynamic = "force-dynamic";

export const GET = handle(verification.listRequests, async ({ query, scope }) =>
  reply(await listRequests(getDb(), query, scope)),
);
