// "GET /api/returns/analytics" — return rates, reasons, recovery and decision times in the caller's scope
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { returnAnalytics } from "@/lib/endpoints/returns";
import * as analytics from "@/lib/returns/analytics";

export const dynamic = "force-dynamic";

export const GET = handle(returnAnalytics, async ({ scope }) => reply(await analytics.returnAnalytics(getDb(), scope)));
