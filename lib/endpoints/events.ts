// The chain's events as stored, the listener's status, and retrying or pausing it.
import { z } from "zod";

import { everyoneAndKeys, operatorsAndKeys, readers, signedIn } from "@/lib/auth/permissions";
import { ZEventListQuery, ZToggleListening } from "@/lib/events/schemas";

import { endpoints, serverSentEvents } from "./define";
import { numberOrNull, pageOf, textOrNull, ZListenerStatus } from "./shapes";

const ZEventJson = z.object({
  id: z.number(),
  seq: z.number(),
  chain_id: z.number(),
  contract_address: z.string(),
  block_number: z.string(),
  block_hash: z.string(),
  tx_hash: z.string(),
  log_index: z.number(),
  name: z.string(),
  token_id: textOrNull,
  batch_id: numberOrNull,
  batch_code: textOrNull,
  args: z.unknown(),
  status: z.enum(["pending", "processed", "failed", "reorged"]),
  attempts: z.number(),
  error: textOrNull,
  next_attempt_at: textOrNull,
  created_at: z.string(),
  processed_at: textOrNull,
});

const ZProcessing = z.object({
  event_id: numberOrNull,
  events: z.number(),
  processed: z.number(),
  failed: z.number(),
});

export const events = endpoints({
  listEvents: {
    route: "GET /api/blockchain-events",
    rule: readers,
    summary: "Stored chain events, newest first, with filters and cursor paging.",
    query: ZEventListQuery,
    response: pageOf(ZEventJson),
  },

  eventStream: {
    route: "GET /api/blockchain-events/stream",
    rule: signedIn,
    summary:
      "Server-Sent Events: each new or changed event after `after` (or Last-Event-ID), id = its change number; `status` every 3 s.",
    query: z.strictObject({
      after: z
        .string()
        .regex(/^\d{1,18}$/, "must be a change number")
        .optional(),
    }),
    response: serverSentEvents(
      "`event` messages (an event, as in the list) and `status` messages (the listener's status).",
    ),
  },

  listenerStatus: {
    route: "GET /api/blockchain-events/status",
    rule: everyoneAndKeys,
    summary: "The listener: listening, head and last processed block, lag, events per minute, errors.",
    response: ZListenerStatus,
  },

  processEvent: {
    route: "POST /api/blockchain-events/[event_id]/process",
    rule: operatorsAndKeys,
    summary:
      "Apply a failed or pending event again now; its batch is replayed from its events. 409 for a reorged event.",
    response: ZProcessing,
  },

  processAllEvents: {
    route: "POST /api/blockchain-events/process-all",
    rule: operatorsAndKeys,
    summary: "Apply every failed or pending event again now, whatever its backoff.",
    response: ZProcessing,
  },

  toggleListening: {
    route: "POST /api/blockchain-events/toggle-listening",
    rule: operatorsAndKeys,
    summary: "Pause (`active: false`) or resume the listener; answers its status.",
    body: ZToggleListening,
    response: ZListenerStatus,
  },
});
