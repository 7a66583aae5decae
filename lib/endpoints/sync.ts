// Reconciliation with the chain: full runs (queued for the worker), one batch now, and the history.
import { z } from "zod";

import { cron, everyoneAndKeys, operatorsAndKeys } from "@/lib/auth/permissions";

import { endpoints } from "./define";
import { listOf, ZSyncJson, ZSyncRun } from "./shapes";

const ZStarted = z.object({ sync: ZSyncJson, is_new: z.boolean() });

export const sync = endpoints({
  startSync: {
    route: "POST /api/sync",
    rule: operatorsAndKeys,
    summary:
      "Start a full reconciliation of every batch with the chain: 202 with the queued run (the worker runs it), or 200 with the run already queued or running.",
    response: ZStarted,
    statuses: [200, 202],
  },

  listSyncs: {
    route: "GET /api/sync",
    rule: everyoneAndKeys,
    summary:
      "The latest reconciliation runs, newest first: trigger, status, blocks read at, counts checked / updated / imported / flagged / failed, duration.",
    response: listOf(ZSyncJson),
  },

  getSync: {
    route: "GET /api/sync/[sync_id]",
    rule: everyoneAndKeys,
    summary:
      "One run with every difference it found (field, off chain, on chain) and what it did: updated, imported, flagged or failed.",
    response: ZSyncRun,
  },

  syncBatch: {
    route: "POST /api/batches/[batch_id]/sync",
    rule: operatorsAndKeys,
    summary:
      "Reconcile one batch with the chain now, whatever its backoff; answers the run with its differences. A draft has its mint transaction followed.",
    response: ZSyncRun,
  },

  cronSync: {
    route: "GET /api/cron/sync",
    rule: cron,
    tag: "System",
    summary: "Enqueue a full reconciliation for the worker, for serverless deployments (CRON_SECRET bearer).",
    response: ZStarted,
  },
});
