// "GET /api/due-diligence/statements" — statements in scope; "POST /api/due-diligence/statements" — generate one
import { actorOf } from "@/lib/audit/actor";
import { getDb } from "@/lib/db/server";
import { dueDiligence } from "@/lib/endpoints/due-diligence";
import { handle, reply } from "@/lib/endpoints/handle";
import { statementJson } from "@/lib/eudr/json";
import * as statements from "@/lib/eudr/statements";

export const dynamic = "force-dynamic";

export const GET = handle(dueDiligence.listStatements, async ({ query, scope }) =>
  reply({
    data: (await statements.listStatements(getDb(), scope, { batchId: query.batch_id, orderId: query.order_id })).map(
      statementJson,
    ),
  }),
);

export const POST = handle(dueDiligence.createStatement, async ({ body, caller, scope }) => {
  const db = getDb();
  const userId = caller.kind === "user" ? caller.user.id : null;
  const id = await statements.generateStatement(db, body, actorOf(caller), userId);
  return reply(statementJson(await statements.getStatement(db, scope, id)), 201);
});
