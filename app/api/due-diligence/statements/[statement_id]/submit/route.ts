// "POST /api/due-diligence/statements/[statement_id]/submit" — file the statement with the EU information system
import { actorOf } from "@/lib/audit/actor";
import { getDb } from "@/lib/db/server";
import { dueDiligence } from "@/lib/endpoints/due-diligence";
import { handle, reply } from "@/lib/endpoints/handle";
import { statementJson } from "@/lib/eudr/json";
import { eudrSecretKey } from "@/lib/eudr/server";
import { getStatement } from "@/lib/eudr/statements";
import * as submit from "@/lib/eudr/submit";

export const dynamic = "force-dynamic";

export const POST = handle(dueDiligence.submitStatement, async ({ params, caller, scope }) => {
  const db = getDb();
  await getStatement(db, scope, params.statement_id);
  await submit.submitStatement(db, params.statement_id, actorOf(caller), eudrSecretKey());
  return reply(statementJson(await getStatement(db, scope, params.statement_id)));
});
