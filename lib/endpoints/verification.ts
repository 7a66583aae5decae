// Verification: counts (requests and their processing), full verifications, quality checks and
// their files, fraud scores, alerts, and the audit history.
import { z } from "zod";

import { readers, signedIn, staffAndKeys, staffOnly, verifiersOnly } from "@/lib/auth/permissions";
import { qualityGrades } from "@/lib/db/enums";
import { ZQualityCheck } from "@/lib/quality/schemas";
import { ZProcessRequest, ZRequestListQuery, ZResolveAlert, ZVerificationRequest } from "@/lib/verification/schemas";

import { endpoints, storedFile } from "./define";
import { listOf, numberOrNull, pageOf, textOrNull, ZAlertJson, ZAuditJson, ZRequestJson } from "./shapes";

const ZFraudAssessment = z.object({
  id: z.number(),
  batch_id: z.number(),
  score: z.number(),
  model_version: z.string(),
  factors: z.array(
    z.object({
      name: z.string(),
      weight: z.number(),
      value: z.union([z.string(), z.number()]).nullable(),
      points: z.number(),
      reason: z.string(),
    }),
  ),
  created_at: z.string(),
  alert_id: numberOrNull,
});

const ZVerification = z.object({
  batch_id: z.number(),
  verification_status: z.string(),
  outcome: z.enum(["passed", "failed", "incomplete"]),
  passed: z.boolean(),
  note: textOrNull,
  checks: z.array(
    z.object({
      name: z.enum(["quantity", "metadata", "dates", "quality", "fraud"]),
      passed: z.boolean(),
      isMissing: z.boolean().optional(),
      detail: z.string(),
    }),
  ),
  fraud_assessment: ZFraudAssessment,
  onchain_verified: z.boolean(),
});

const verifySummary =
  "A full verification: quantity, metadata hash, dates, quality and fraud score. `outcome` is passed, failed or incomplete (a check that could not be made, such as no quality check yet, fails nothing); it sets the verification status unless incomplete or a count is pending (then `note` says why).";

const ZQualityCheckJson = z.object({
  id: z.number(),
  batch_id: z.number(),
  inspected_by: numberOrNull,
  cupping_score: z.number(),
  moisture_pct: z.number(),
  primary_defects: z.number(),
  secondary_defects: z.number(),
  sample_grams: z.number(),
  screen_size: z.number(),
  screen_size_variance_pct: numberOrNull,
  quakers: numberOrNull,
  notes: textOrNull,
  grade: z.enum(qualityGrades),
  full_defects: z.number(),
  reasons: z.array(z.string()),
  rules_version: z.string(),
  created_at: z.string(),
  files: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      filename: z.string(),
      content_type: z.string(),
      size_bytes: z.number(),
      url: z.string(),
    }),
  ),
});

export const verification = endpoints({
  requestVerification: {
    route: "POST /api/batches/[batch_id]/request-verification",
    rule: staffAndKeys,
    summary:
      "Ask for a count of the batch (201); while one waits, the same request again (200). A redeemed or expired batch is refused (422); a verified batch stays verified until the count decides.",
    body: ZVerificationRequest,
    response: ZRequestJson,
    statuses: [200, 201],
  },

  batchRequests: {
    route: "GET /api/batches/[batch_id]/verification-requests",
    rule: readers,
    summary: "The batch's verification requests, newest first.",
    query: ZRequestListQuery,
    response: pageOf(ZRequestJson),
  },

  listRequests: {
    route: "GET /api/verification-requests",
    rule: readers,
    summary: "The verification queue, with filters and cursor paging.",
    query: ZRequestListQuery,
    response: pageOf(ZRequestJson),
  },

  processRequest: {
    route: "POST /api/verification-requests/[request_id]/process",
    rule: verifiersOnly,
    summary:
      "Record the counted quantity (`actual_quantity`: a decimal string, a JSON number, or a query parameter; kg, at most 3 decimals): compared with the chain's quantity read now and the off-chain record, the request is approved or rejected (beyond the tolerance, an alert). 409 when already processed, including by someone else at the same time.",
    body: ZProcessRequest,
    bodyFromQuery: true,
    response: ZRequestJson,
  },

  verify: {
    route: "POST /api/batches/[batch_id]/verify",
    rule: verifiersOnly,
    summary: verifySummary,
    response: ZVerification,
  },

  verifyBatch: {
    route: "POST /api/batches/[batch_id]/verify-batch",
    rule: verifiersOnly,
    summary: "The same full verification as /verify (seed 000 names both).",
    response: ZVerification,
  },

  recordQualityCheck: {
    route: "POST /api/batches/[batch_id]/quality-check",
    rule: verifiersOnly,
    summary:
      "Record a quality check (JSON, or multipart with `check` JSON plus `photos` / `certificates` files); graded by the SCA green-coffee classification.",
    body: ZQualityCheck,
    bodyFormat: "multipart",
    form: { field: "check", files: ["photos", "certificates"] },
    response: ZQualityCheckJson,
    statuses: [201],
  },

  qualityChecks: {
    route: "GET /api/batches/[batch_id]/quality-checks",
    rule: readers,
    summary: "The batch's quality checks with their grades, reasons and files, newest first.",
    response: listOf(ZQualityCheckJson),
  },

  getFile: {
    route: "GET /api/files/[file_id]",
    rule: signedIn,
    summary: "A quality check's photo or certificate (signed-in users only).",
    response: storedFile("The file as uploaded, served as its checked type (JPEG, PNG, WebP or PDF)."),
  },

  detectFraud: {
    route: "POST /api/batches/[batch_id]/detect-fraud",
    rule: staffAndKeys,
    summary:
      "Score the batch's fraud risk 0–100 from named factors (each with weight, value and reason); stored, versioned; 50 or more raises an alert.",
    response: ZFraudAssessment,
    statuses: [201],
  },

  batchAlerts: {
    route: "GET /api/batches/[batch_id]/alerts",
    rule: readers,
    summary: "The batch's alerts, open and resolved, newest first.",
    response: listOf(ZAlertJson),
  },

  resolveAlert: {
    route: "POST /api/batches/[batch_id]/resolve-alert",
    rule: staffOnly,
    summary:
      "Resolve an open alert (`alert_id`) with a note (audited); a resolved alert stays in history. Without `alert_id` (an empty body, as seed 000 sent), every open alert of the batch is resolved, the note defaulting to one that says so; the answer is then `{data: [...]}`.",
    body: ZResolveAlert,
    response: z.union([ZAlertJson, listOf(ZAlertJson)]),
  },

  auditHistory: {
    route: "GET /api/batches/[batch_id]/audit-history",
    rule: readers,
    summary:
      "Every change to the batch, oldest first: by whom, before and after, with the transaction; each record carries the previous one's hash.",
    response: listOf(ZAuditJson),
  },
});
