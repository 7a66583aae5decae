// POST /api/batches/{batch_id}/request-verification — ask for a count (201), or get the one waiting (200)
import { getDb } from "@/lib/db/server";
import { handle, reply } from "@/lib/endpoints/handle";
import { verification } from "@/lib/endpoints/verification";
import { requestVerification } from "@/lib/verification/requests";

export const dynamic = "force-dynamic";

// No body is a request without notes; a body that is not JSON is refused, not read as none.
export const POST = handle(
  verification.requestVerification,
  async ({ params: { batch_id }, body: { notes }, caller }) => {
    const result = await requestVerification(getDb(), batch_id, notes, caller);
    return reply(result.request, result.isNew ? 201 : 200);
  },
);
