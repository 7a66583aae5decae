// GET /api/verification-requests — the verification queue, with filters, newest first
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { listRequests as endpoint } from "@/lib/endpoints/verification";
import { listRequests } from "@/lib/verification/requests";

export const dynamic = "force-dynamic";

export const GET = handle(endpoint, async ({ query, scope }) => reply(await listRequests(getDb(), query, scope)));
