// The system's own endpoints: the catch-all 404, health, the OpenAPI document, and the cron routes
// serverless deployments call.
import { z } from "zod";

import { ZNoQuery } from "@/lib/api/params";
import { cron, everyoneAndKeys, open } from "@/lib/auth/permissions";

import { endpoints } from "./define";
import { textOrNull } from "./shapes";

const ZComponent = z.object({
  state: z.enum(["ok", "degraded", "down", "not_configured"]),
  message: z.string(),
  details: z.record(z.string(), z.unknown()),
  label: z.string(),
  since: z.string(),
});

export const system = endpoints({
  notFound: {
    route: "ANY /api/[...path]",
    rule: open,
    summary: "Any path no endpoint serves: 404 in the error shape.",
    response: { contentType: "application/json", description: "Always the 404 error." },
  },

  health: {
    route: "GET /api/health",
    rule: open,
    summary: "Liveness: the app and its database answer; the last indexed block.",
    response: z.object({ status: z.literal("ok"), database: z.literal("up"), indexed_block: textOrNull }),
  },

  openApi: {
    route: "GET /api/openapi.json",
    rule: open,
    summary: "This document.",
    response: z.object({
      openapi: z.string(),
      info: z.object({ title: z.string(), version: z.string() }),
      paths: z.record(z.string(), z.unknown()),
    }),
  },

  cronExpiry: {
    route: "GET /api/cron/expiry",
    rule: cron,
    summary: "Find batches near or past expiry and flag them, for serverless deployments (CRON_SECRET bearer).",
    response: z.object({ checked: z.number(), raised: z.number() }),
  },

  cronListener: {
    route: "GET /api/cron/listener",
    rule: cron,
    summary:
      "One listening round (up to 50 s) for serverless deployments; Vercel Cron sends CRON_SECRET as a bearer token.",
    response: z.object({
      events: z.number(),
      reorgs: z.number(),
      retried: z.number(),
      caughtUp: z.boolean(),
      paused: z.boolean(),
    }),
  },

  systemStatus: {
    route: "GET /api/system/status",
    rule: everyoneAndKeys,
    tag: "Dashboard",
    summary:
      "Each component (database, RPC, event listener, job queue, Chainlink fulfiller, sync service) with its state (ok, degraded, down, not_configured), since when it has held that state, a sentence and its figures (latencies, chain id, head block, listener lag, queue depth); `status` is the worst of them.",
    query: ZNoQuery,
    response: z.object({
      status: z.enum(["ok", "degraded", "down"]),
      checked_at: z.string(),
      components: z.object({
        database: ZComponent,
        rpc: ZComponent,
        listener: ZComponent,
        job_queue: ZComponent,
        chainlink_fulfiller: ZComponent,
        sync: ZComponent,
      }),
    }),
  },
});
