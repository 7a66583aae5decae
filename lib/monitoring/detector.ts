// What a detector is: one rule over the system's figures, with its threshold, that finds the causes
// crossing it now. runDetectors (run.ts) raises an alert per finding and clears the ones no longer found.
import type { Address, PublicClient } from "viem";

import type { Db } from "@/lib/db";
import type { alertSeverities, detectorNames, recommendationKinds } from "@/lib/db/enums";
import type { ListenerKey } from "@/lib/events/listener";

export type MonitorContext = {
  db: Db;
  /** The batch token, read at the listener's last block for counts_disagree. */
  chain: { client: PublicClient; chainId: number; address: Address };
  /** A client that gives up quickly (lib/system/checks.ts createStatusClient), for the probes. */
  probe: PublicClient;
  listener: ListenerKey;
  /** Whether the worker anchors the audit log (an anchorer is configured). */
  isAnchoring: boolean;
};

export type DetectorName = (typeof detectorNames)[number];
export type RecommendationKind = (typeof recommendationKinds)[number];
export type Severity = (typeof alertSeverities)[number];
export type Evidence = Record<string, unknown>;

/** One cause over the line: a system alert's source, or a batch (its batch alert's source is "monitor"). */
export type Finding = {
  source: string;
  batchId?: number;
  endpointId?: number;
  severity: Severity;
  message: string;
  /** The figures that crossed the line. */
  evidence: Evidence;
};

/** What a run found, and the figures measured, for the note of an alert it clears. */
export type Detection = { findings: Finding[]; figures: Evidence };

export type Detector = {
  name: DetectorName;
  /** A system alert of type `name`, or a batch alert of type `name` with source "monitor". */
  alert: "system" | "batch";
  rule: string;
  threshold: string;
  /** Whether an open alert of its type is one it raised (so it may clear it); every one when absent. */
  ownsSource?: (source: string) => boolean;
  /** The action proposed with each finding's alert, if any. */
  recommends?: RecommendationKind;
  detect: (ctx: MonitorContext, now: Date) => Promise<Detection>;
};

/** The source of a batch alert the monitor raises. */
export const batchAlertSource = "monitor";
/** The finding's key: its alert's source, or `batch:<id>` for a batch alert. */
export const keyOf = (f: Pick<Finding, "source" | "batchId">) =>
  f.batchId === undefined ? f.source : `batch:${f.batchId}`;

/** Figures as one line: "a=1, b=2". */
export const figuresLine = (figures: Evidence) =>
  Object.entries(figures)
    .filter(([, v]) => v === null || typeof v !== "object")
    .map(([k, v]) => `${k}=${v ?? "none"}`)
    .join(", ") || "nothing over the line";

export const daysBetween = (a: Date, b: Date) => Math.floor((b.getTime() - a.getTime()) / 86_400_000);
