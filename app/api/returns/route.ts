// "GET /api/returns" — returns in the caller's scope; "POST /api/returns" — a return requested against a delivered order line
import { actorOf } from "@/lib/audit/actor";
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { returns as endpoints } from "@/lib/endpoints/returns";
import * as returns from "@/lib/returns/returns";
import { ZNewReturn } from "@/lib/returns/schemas";
import { readUploadForm } from "@/lib/storage/form";

export const dynamic = "force-dynamic";

export const GET = handle(endpoints.listReturns, async ({ query, scope }) =>
  reply(await returns.listReturns(getDb(), scope, query)),
);

export const POST = handle(endpoints.createReturn, async ({ request, body, caller, scope }) => {
  // A JSON body is parsed by handle(); a multipart one (photos beside the `return` field) is read here.
  const { input, files } = body
    ? { input: body, files: [] }
    : await readUploadForm(request, endpoints.createReturn.form.field);
  const db = getDb();
  const id = await returns.createReturn(db, scope, ZNewReturn.parse(input), files, {
    actor: actorOf(caller),
    userId: caller.kind === "user" ? caller.user.id : null,
  });
  return reply(await returns.getReturn(db, scope, id), 201);
});
