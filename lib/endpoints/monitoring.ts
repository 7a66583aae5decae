// The monitoring agent's proposed actions (recommendations) and its detectors. Staff and keys read
// them (they speak of every organisation's batches, so members do not); a person decides one, and
// each kind names who may (lib/recommendations/decide.ts).
import { z } from "zod";

import { everyoneAndKeys, staffOnly } from "@/lib/auth/permissions";
import { detectorNames, recommendationKinds, recommendationStatuses } from "@/lib/db/enums";
import { ZAccept, ZDismiss, ZRecommendationQuery } from "@/lib/recommendations/schemas";

import { endpoints } from "./define";
import { listOf, numberOrNull, pageOf, textOrNull } from "./shapes";

const when = textOrNull;

const ZRecommendationJson = z.object({
  id: z.number(),
  kind: z.enum(recommendationKinds),
  status: z.enum(recommendationStatuses),
  source: z.string(),
  title: z.string(),
  factors: z.array(z.object({ name: z.string(), value: z.string(), note: z.string() })),
  confidence: z.number(),
  expected_effect: z.string(),
  evidence: z.record(z.string(), z.unknown()),
  batch_id: numberOrNull,
  endpoint_id: numberOrNull,
  alert_id: numberOrNull,
  system_alert_id: numberOrNull,
  decided_by: numberOrNull,
  decided_at: when,
  decision_note: textOrNull,
  result: z.record(z.string(), z.unknown()).nullable(),
  created_at: z.string(),
});

export const monitoring = endpoints({
  listRecommendations: {
    route: "GET /api/recommendations",
    rule: everyoneAndKeys,
    summary:
      "Actions the monitoring agent proposes with its alerts (re-verify a batch, sell before expiry, pause a failing webhook, run a sync), newest first, each with its factors, confidence and expected effect; `status` and `kind` filter.",
    query: ZRecommendationQuery,
    response: pageOf(ZRecommendationJson),
  },

  acceptRecommendation: {
    route: "POST /api/recommendations/[recommendation_id]/accept",
    rule: staffOnly,
    summary:
      "Accept an open recommendation: its action runs (a verification request, a sync, a paused webhook) or its page is named (`{open: url}`); audited. 409 unless open; 403 naming who may decide its kind (re-verify: staff; sell and sync: operators; pause: admins).",
    body: ZAccept,
    response: z.object({ recommendation: ZRecommendationJson, result: z.record(z.string(), z.unknown()) }),
  },

  dismissRecommendation: {
    route: "POST /api/recommendations/[recommendation_id]/dismiss",
    rule: staffOnly,
    summary:
      "Dismiss an open recommendation with a reason (3–500 characters; audited). 409 unless open; 403 naming who may decide its kind.",
    body: ZDismiss,
    response: ZRecommendationJson,
  },

  recommendationStats: {
    route: "GET /api/recommendations/stats",
    rule: everyoneAndKeys,
    summary:
      "Per kind: proposed, accepted, dismissed, open and obsolete, and the acceptance rate (accepted over decided).",
    response: listOf(
      z.object({
        kind: z.enum(recommendationKinds),
        proposed: z.number(),
        accepted: z.number(),
        dismissed: z.number(),
        open: z.number(),
        obsolete: z.number(),
        acceptance_rate: numberOrNull,
      }),
    ),
  },

  listDetectors: {
    route: "GET /api/monitoring/detectors",
    rule: everyoneAndKeys,
    summary:
      "The monitoring agent's detectors: each one's rule and threshold, and its last run (findings with their evidence, or the error it stopped on).",
    response: listOf(
      z.object({
        name: z.enum(detectorNames),
        alert: z.enum(["system", "batch"]),
        rule: z.string(),
        threshold: z.string(),
        recommends: z.enum(recommendationKinds).nullable(),
        last_run_at: when,
        findings: numberOrNull,
        evidence: z.array(z.record(z.string(), z.unknown())),
        error: textOrNull,
      }),
    ),
  },
});
