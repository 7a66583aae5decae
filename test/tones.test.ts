// The one tone registry names every status, severity, grade, risk, stage and verdict the app shows.
import { describe, expect, it } from "vitest";

import { hasTone, scoreTone, toneOf } from "@/components/ui/tones";
import { activityKinds } from "@/lib/activities/schemas";
import type { CheckStage } from "@/lib/chainlink/list";
import {
  batchStatuses,
  deliveryStatuses,
  dispositions,
  endpointStatuses,
  eventStatuses,
  orderStatuses,
  qualityGrades,
  reservationStatuses,
  returnStatuses,
  riskLevels,
  shipmentStatuses,
  syncStatuses,
  verificationRequestStatuses,
  verificationStatuses,
} from "@/lib/db/enums";
import type { Verdict } from "@/lib/provenance/verify";
import type { SyncJson } from "@/lib/sync/start";
import type { State } from "@/lib/system/checks";
import type { Outcome } from "@/lib/verification/verify";

// `satisfies Record<…>` makes tsc fail when one of these types gains a value the list lacks.
const keys = <T extends string>(record: Record<T, true>) => Object.keys(record) as T[];
const stages = keys({ sent: true, answered: true, fulfilled: true, applied: true, failed: true } satisfies Record<
  CheckStage,
  true
>);
const verdicts = keys({ verified: true, not_anchored: true, mismatch: true, unreachable: true } satisfies Record<
  Verdict["status"],
  true
>);
const syncRuns = keys({ queued: true, running: true, paused: true, succeeded: true, failed: true } satisfies Record<
  SyncJson["status"],
  true
>);
const states = keys({ ok: true, degraded: true, down: true, not_configured: true } satisfies Record<State, true>);
const outcomes = keys({ passed: true, failed: true, incomplete: true } satisfies Record<Outcome, true>);
const alertStatuses = ["open", "resolved"];
const transactionStatuses = ["pending", "mined", "reverted", "replaced", "dropped"];

describe("tone registry", () => {
  const shown: [string, readonly string[]][] = [
    ["batch status", batchStatuses],
    ["verification status", verificationStatuses],
    ["sync status", syncStatuses],
    ["quality grade", qualityGrades],
    ["risk level and alert severity", riskLevels],
    ["verification request", verificationRequestStatuses],
    ["chain event", eventStatuses],
    ["activity kind", activityKinds],
    ["Chainlink stage", stages],
    ["proof verdict", verdicts],
    ["sync run", syncRuns],
    ["verification outcome", outcomes],
    ["alert status", alertStatuses],
    ["transaction", transactionStatuses],
    ["order status", orderStatuses],
    ["reservation status", reservationStatuses],
    ["shipment status", shipmentStatuses],
    ["return status", returnStatuses],
    ["disposition", dispositions],
    ["webhook endpoint", endpointStatuses],
    ["webhook delivery", deliveryStatuses],
  ];

  it.each(shown)("names every %s value", (_, values) => {
    expect(values.filter((v) => !hasTone(v))).toEqual([]);
  });

  it("names every dependency state but not configured, which shows gray", () => {
    expect(states.filter((s) => !hasTone(s))).toEqual(["not_configured"]);
    expect(toneOf("not_configured")).toBe("gray");
  });

  it("gives one value one tone wherever it appears: high is orange as a risk and as a severity", () => {
    expect([toneOf("low"), toneOf("medium"), toneOf("high"), toneOf("critical")]).toEqual([
      "green",
      "amber",
      "orange",
      "red",
    ]);
    expect([toneOf("pending"), toneOf("failed"), toneOf("verified")]).toEqual(["amber", "red", "green"]);
  });

  it("shows an unknown or missing value gray, and a fraud score by its bands", () => {
    expect([toneOf("no_such_status"), toneOf(null), toneOf(undefined), toneOf("constructor")]).toEqual([
      "gray",
      "gray",
      "gray",
      "gray",
    ]);
    expect([scoreTone(0), scoreTone(49), scoreTone(50), scoreTone(74), scoreTone(75), scoreTone(100)]).toEqual([
      "green",
      "green",
      "amber",
      "amber",
      "red",
      "red",
    ]);
  });
});
