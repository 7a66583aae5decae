// What the batch page shows beside the batch: its requests, quality checks, fraud score, alerts,
// audit trail and chain events, read in parallel straight from the library the API uses. lib/pages
// holds what a page gathers from many domains, so it sits above them all and nothing in lib imports it.
import "server-only";

import { listAlerts } from "@/lib/alerts/alerts";
import { auditHistory } from "@/lib/audit/history";
import type { Scope } from "@/lib/auth/scope";
import { listChecks } from "@/lib/chainlink/list";
import type { Db } from "@/lib/db";
import { listEvents } from "@/lib/events/list";
import type { ListenerKey } from "@/lib/events/listener";
import { latestAssessment } from "@/lib/fraud/assess";
import { listQualityChecks } from "@/lib/quality/checks";
import { listTransactions } from "@/lib/transactions/transactions";
import { listRequests } from "@/lib/verification/requests";

/** For a batch already found in `scope`. */
export async function getBatchVerificationData(db: Db, key: ListenerKey, batchId: number, scope: Scope) {
  const [requests, qualityChecks, fraud, alerts, audit, events, checks, sent] = await Promise.all([
    listRequests(db, { batch_id: batchId, limit: 50 }, scope),
    listQualityChecks(db, batchId),
    latestAssessment(db, batchId),
    listAlerts(db, batchId),
    auditHistory(db, batchId),
    listEvents(db, key, { batch_id: batchId, limit: 100 }, scope),
    listChecks(db, batchId),
    listTransactions(db, batchId),
  ]);
  return { requests: requests.data, qualityChecks, fraud, alerts, audit, events: events.data, checks, sent };
}

export type BatchVerificationData = Awaited<ReturnType<typeof getBatchVerificationData>>;
