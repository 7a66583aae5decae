// Every detector the monitor runs, in order.
import type { Detector } from "./detector";
import { anchoringOverdue } from "./detectors/anchoring-overdue";
import { auditChainBroken } from "./detectors/audit-chain-broken";
import { countsDisagree } from "./detectors/counts-disagree";
import { expiringUnreserved } from "./detectors/expiring-unreserved";
import { jobQueueBacklog } from "./detectors/job-queue-backlog";
import { listenerLag } from "./detectors/listener-lag";
import { priceOutlier } from "./detectors/price-outlier";
import { rpcErrorRate } from "./detectors/rpc-error-rate";
import { syncDriftGrowing } from "./detectors/sync-drift-growing";
import { warehouseOverCapacity } from "./detectors/warehouse-over-capacity";
import { webhookFailing } from "./detectors/webhook-failing";

export const detectors: Detector[] = [
  listenerLag,
  rpcErrorRate,
  jobQueueBacklog,
  syncDriftGrowing,
  expiringUnreserved,
  priceOutlier,
  warehouseOverCapacity,
  countsDisagree,
  auditChainBroken,
  anchoringOverdue,
  webhookFailing,
];
