// GET /api/audit/{record_id}/proof — an audit record, its Merkle path, the root and the anchoring transaction
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { provenance } from "@/lib/endpoints/provenance";
import { getProof } from "@/lib/provenance/proof";
import { getAnchorTarget } from "@/lib/provenance/server";

export const dynamic = "force-dynamic";

export const GET = handle(provenance.auditProof, async ({ params: { record_id }, scope }) =>
  reply(await getProof(getDb(), getAnchorTarget(), record_id, scope)),
);
