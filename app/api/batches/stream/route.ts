// GET /api/batches/stream — Server-Sent Events: a `change` message whenever batches, or what the
// batch pages show about them (requests, alerts, quality checks, fraud scores), change
import { batches } from "@/lib/endpoints/batches";
import { handle } from "@/lib/endpoints/handle";
import { sseResponse } from "@/lib/realtime/sse";

export const dynamic = "force-dynamic";

export const GET = handle(batches.batchStream, async ({ request }) =>
  sseResponse(
    request,
    {
      tables: [
        "batches",
        "verification_requests",
        "batch_alerts",
        "quality_checks",
        "fraud_assessments",
        "chainlink_requests",
        "sync_history",
        "blockchain_transactions",
      ],
      read: async (cursor) => ({ messages: cursor === "0" ? [] : [{ event: "change", data: {} }], cursor: "1" }),
    },
    "0",
  ),
);
