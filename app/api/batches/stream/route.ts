// GET /api/batches/stream — Server-Sent Events: a `change` message whenever batches change
import { handle } from "@/lib/api/handler";
import { sseResponse } from "@/lib/realtime/sse";

export const dynamic = "force-dynamic";

export const GET = handle("GET /api/batches/stream", async ({ request }) =>
  sseResponse(request, { tables: ["batches"], read: async (cursor) => ({ messages: cursor === "0" ? [] : [{ event: "change", data: {} }], cursor: "1" }) }, "0"),
);
