// GET /api/audit/{record_id}/proof — an audit record, its Merkle path, the root and the anchoring transaction
import { NextResponse } from "next/server";
import { handle } from "@/lib/api/handler";
import { idParams } from "@/lib/api/params";
import { getDb } from "@/lib/db/server";
import { getProof } from "@/lib/provenance/proof";
import { getAnchorTarget } from "@/lib/provenance/server";

export const dynamic = "force-dynamic";

export const GET = handle<{ record_id: string }>("GET /api/audit/[record_id]/proof", async ({ params, scope }) => {
  const { record_id } = idParams("record_id").parse(params);
  return NextResponse.json(await getProof(getDb(), getAnchorTarget(), record_id, undefined, scope));
});
