// "GET /api/returns/[return_id]/photos/[photo_id]" — a return's photo, served as its checked type
import { getDb } from "@/lib/db/server";
import { handle } from "@/lib/endpoints/handle";
import { returns } from "@/lib/endpoints/returns";
import { getReturnPhoto } from "@/lib/returns/returns";
import { fileResponse } from "@/lib/storage/response";

export const dynamic = "force-dynamic";

export const GET = handle(returns.returnPhoto, async ({ params, scope }) =>
  fileResponse(await getReturnPhoto(getDb(), scope, params.return_id, params.photo_id)),
);
