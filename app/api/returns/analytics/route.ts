// "GET /api/returns/analytics" — return rates, reasons, recovery and decision times in the caller's scope
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { returns } from "@/lib/endpoints/returns";
import * as analytics from "@/lib/returns/analytics";

export const dynamic = "force-dynamic";

export const GET = handle(returns.returnAnalytics, async ({ scope }) =>
  reply(await analytics.returnAnalytics(getDb(), scope)),
);
