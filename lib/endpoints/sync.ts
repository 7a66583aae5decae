// Reconciliation with the chain: full runs (queued for the worker), one batch now, and the history.
import { z } from "zod";

import { cron, everyoneAndKeys, operatorsAndKeys } from "@/lib/auth/permissions";

import { endpoint } from "./define";
import { listOf, ZSyncJson, ZSyncRun } from "./shapes";

const ZStarted = z.object({ sync: ZSyncJson, is_new: z.boolean() });

export const startSync = endpoint({
  route: "POST /api/sync",
  rule: operatorsAndKeys,
  summary:
    "Start a full reconciliation of every batch with the chain: 202 with the queued run (the worker runs it), or 200 with the run already queued or running.",
  response: ZStarted,
  statuses: [200, 202],
});

export const listSyncs = endpoint({
  route: "GET /api/sync",
  rule: everyoneAndKeys,
  summary:
    "The latest reconciliation runs, newest first: trigger, status, blocks read at, counts checked / updated / imported / flagged / failed, duration.",
  response: listOf(ZSyncJson),
});

export const getSync = endpoint({
  route: "GET /api/sync/[sync_id]",
  rule: everyoneAndKeys,
  summary:
    "One run with every difference it found (field, off chain, on chain) and what it did: updated, imported, flagged or failed.",
  response: ZSyncRun,
});

export const syncBatch = endpoint({
  route: "POST /api/batches/[batch_id]/sync",
  rule: operatorsAndKeys,
  summary:
    "Reconcile one batch with the chain now, whatever its backoff; answers the run with its differences. A draft has its mint transaction followed.",
  response: ZSyncRun,
});

export const cronSync = endpoint({
  route: "GET /api/cron/sync",
  rule: cron,
  tag: "System",
  summary: "Enqueue a full reconciliation for the worker, for serverless deployments (CRON_SECRET bearer).",
  response: ZStarted,
});
