// Returns: requested by a buyer's members (or operators) against a delivered order line, received
// by operators, inspected and decided by verifiers, with a recommended disposition; and their
// analytics. A buyer's members read their own returns only.
import { z } from "zod";

import { ZNoQuery } from "@/lib/api/params";
import { operators, operatorsAndKeys, readers, signedIn, verifiers, verifiersOnly } from "@/lib/auth/permissions";
import {
  dispositions,
  qualityGrades,
  returnReasons,
  returnStatuses,
  settlements,
  shipmentPurposes,
} from "@/lib/db/enums";
import {
  returnTables,
  ZDecision,
  ZInspection,
  ZIntake,
  ZNewReturn,
  ZRejection,
  ZReturnQuery,
} from "@/lib/returns/schemas";

import { csvExport, csvFile, endpoints, storedFile } from "./define";
import { pageOf, textOrNull, ZAuditJson, ZTransactionJson } from "./shapes";

const money = z.string().describe("Money, two decimals");

const ZReturnSummary = z.object({
  id: z.number(),
  order_id: z.number(),
  order_line_id: z.number(),
  batch_id: z.number(),
  batch_code: z.string(),
  buyer_id: z.number(),
  buyer: z.string(),
  quantity_kg: z.string(),
  reason: z.enum(returnReasons),
  status: z.enum(returnStatuses),
  disposition: z.enum(dispositions).nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});

const ZRecommendation = z.object({
  option: z.enum(dispositions),
  confidence: z.number(),
  summary: z.string(),
  options: z.array(
    z.object({ option: z.enum(dispositions), feasible: z.boolean(), recovery_value: money, sentence: z.string() }),
  ),
  factors: z.array(
    z.object({
      name: z.string(),
      value: z.string(),
      weight: z.number(),
      sentence: z.string(),
      supports: z.array(z.enum(dispositions)),
    }),
  ),
  rules_version: z.string(),
});

const ZReturnJson = ZReturnSummary.extend({
  note: textOrNull,
  currency: z.string(),
  price_per_kg: money,
  line_quantity_kg: z.string(),
  contract_grade: z.enum(qualityGrades).nullable(),
  warehouse: textOrNull,
  inspection: z.record(z.string(), z.unknown()).nullable(),
  grade: z.enum(qualityGrades).nullable(),
  grade_reasons: z.array(z.string()).nullable(),
  contaminated: z.boolean().nullable(),
  recommendation: ZRecommendation.nullable(),
  overridden: z.boolean().nullable(),
  decision_note: textOrNull,
  recovery_value: money.nullable(),
  settlement: z.enum(settlements).nullable(),
  refund: money.nullable(),
  photos: z.array(
    z.object({
      id: z.number(),
      filename: z.string(),
      content_type: z.string(),
      size_bytes: z.number(),
      url: z.string(),
    }),
  ),
  transactions: z.array(
    z.object({
      id: z.number(),
      purpose: z.enum(shipmentPurposes),
      ...ZTransactionJson.shape,
    }),
  ),
  history: z.array(ZAuditJson),
  received_at: textOrNull,
  inspected_at: textOrNull,
  decided_at: textOrNull,
  closed_at: textOrNull,
});

const ZRate = z.object({
  value: z.string(),
  shipped_kg: z.string(),
  returned_kg: z.string(),
  returns: z.number(),
  rate_pct: textOrNull,
});

const ZReturnAnalytics = z.object({
  by_origin: z.array(ZRate),
  by_process: z.array(ZRate),
  by_warehouse: z.array(ZRate),
  by_reason: z.array(
    z.object({
      value: z.enum(returnReasons),
      returns: z.number(),
      returned_kg: z.string(),
      share_pct: textOrNull,
    }),
  ),
  // Per currency: money is never summed across currencies.
  recovery: z.array(
    z.object({
      currency: z.string(),
      decided: z.number(),
      original_value: money,
      recovery_value: money,
      recovered_pct: textOrNull,
    }),
  ),
  decision_hours: z.object({ decided: z.number(), median: textOrNull, p90: textOrNull, average: textOrNull }),
});

const state = "409 when the return's state does not allow it (the answer names the state and the one it needs).";

const declared = endpoints({
  listReturns: {
    route: "GET /api/returns",
    rule: readers,
    summary:
      "Returns, newest first. Filters: status and reason (comma-separated), buyer_id, order_id, batch_id. A buyer's members see their own returns only.",
    query: ZReturnQuery,
    response: pageOf(ZReturnSummary),
  },

  createReturn: {
    route: "POST /api/returns",
    rule: { roles: operators, members: true, apiKeys: true },
    summary:
      "Request a return of part of a delivered order line (JSON, or multipart with the request as JSON in `return` plus up to 5 `photos`). The sum returned on a line never passes what it shipped: 422 with `returnable_kg`. 409 when the order is not delivered; 422 when the line was delivered by redemption. A buyer's members return their own orders' lines.",
    body: ZNewReturn,
    bodyFormat: "multipart",
    form: { field: "return", files: ["photos"] },
    response: ZReturnJson,
    statuses: [201],
  },

  getReturn: {
    route: "GET /api/returns/[return_id]",
    rule: readers,
    summary:
      "A return with its inspection, recommendation (each option's recovery value, the factors and a confidence), decision, photos, the shipping wallet's transactions for it, and history.",
    query: ZNoQuery,
    response: ZReturnJson,
  },

  returnPhoto: {
    route: "GET /api/returns/[return_id]/photos/[photo_id]",
    rule: signedIn,
    summary: "A return's photo (signed-in users who may read the return).",
    response: storedFile("The photo as uploaded, served as its checked type."),
  },

  receiveReturn: {
    route: "POST /api/returns/[return_id]/receive",
    rule: operatorsAndKeys,
    summary: `Receive a requested return at a warehouse: the shipping wallet takes the tokens back from the buyer's wallet (which must have approved it), and the indexer books them as \`returned\` at that warehouse. 422 when the warehouse has no room or the wallet holds too little. ${state}`,
    body: ZIntake,
    response: ZReturnJson,
  },

  inspectReturn: {
    route: "POST /api/returns/[return_id]/inspect",
    rule: { roles: verifiers, apiKeys: true },
    summary: `Inspect a received return: an SCA quality check (graded as for batches) and whether it is contaminated; answers the recommended disposition. ${state}`,
    body: ZInspection,
    response: ZReturnJson,
  },

  decideReturn: {
    route: "POST /api/returns/[return_id]/decide",
    // A person decides: no API key.
    rule: verifiersOnly,
    summary: `Decide an inspected return's disposition: accept the recommendation, or override it with a note. Resell, downgrade and blend keep the stock where it was received; return to producer sends it to the batch's producer wallet, destroy redeems it, each on chain. Records the buyer's refund (the returned kilograms at the line's price) or replacement on the order. 422 for an option not possible for this coffee. ${state}`,
    body: ZDecision,
    response: ZReturnJson,
  },

  rejectReturn: {
    route: "POST /api/returns/[return_id]/reject",
    rule: operatorsAndKeys,
    summary: `Reject a requested return, saying why. ${state}`,
    body: ZRejection,
    response: ZReturnJson,
  },

  returnAnalytics: {
    route: "GET /api/returns/analytics",
    rule: readers,
    summary:
      "Return rate (kilograms returned against shipped) by origin, process and shipping warehouse; returns by reason; value recovered against the returned coffee's price; hours from request to decision.",
    query: ZNoQuery,
    response: ZReturnAnalytics,
  },

  exportReturnAnalytics: {
    route: "GET /api/returns/analytics/export",
    rule: readers,
    summary: "One table of the returns analytics as CSV: `table` is origin, process, warehouse or reason.",
    query: z.strictObject({ table: z.enum(returnTables) }),
    response: csvFile("The table's rows, with a header row."),
  },
});

export const returns = {
  ...declared,
  exportReturns: csvExport(declared.listReturns, "return"),
};
