// "GET /api/returns/[return_id]" — a return with its inspection, recommendation, decision and history
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { returns as endpoints } from "@/lib/endpoints/returns";
import * as returns from "@/lib/returns/returns";

export const dynamic = "force-dynamic";

export const GET = handle(endpoints.getReturn, async ({ params, scope }) =>
  reply(await returns.getReturn(getDb(), scope, params.return_id)),
);
