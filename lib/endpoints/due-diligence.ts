// due diligence (issue 21): a batch's risk assessment with its factors and evidence; producers'
// declarations and legality documents per plot; deforestation layers; due diligence statements,
// generated per batch or order, downloaded, and filed with the EU information system.
import { z } from "zod";

import { ZNoQuery } from "@/lib/api/params";
import {
  adminsOnly,
  everyoneAndKeys,
  operatorsAndKeys,
  operatorsOnly,
  readers,
  signedIn,
} from "@/lib/auth/permissions";
import { eudrRiskLevels, landUses, statementActivities, statementStatuses } from "@/lib/db/enums";
import { ZDeclaration, ZDeforestationLayer, ZNewStatement, ZSubmissionSetting } from "@/lib/eudr/due-diligence-schemas";

import { endpoints, storedFile } from "./define";
import { listOf, numberOrNull, textOrNull } from "./shapes";

const ZFactor = z.object({ name: z.string(), passed: z.boolean(), value: z.string(), sentence: z.string() });
const ZRiskJson = z.object({
  level: z.enum(eudrRiskLevels),
  factors: z.array(ZFactor),
  reasons: z.array(z.string()),
});

const ZStatementJson = z.object({
  id: z.number(),
  batch_id: numberOrNull,
  order_id: numberOrNull,
  batch_code: textOrNull,
  activity: z.enum(statementActivities),
  status: z.enum(statementStatuses),
  risk_level: z.enum(eudrRiskLevels),
  reference_number: textOrNull,
  verification_number: textOrNull,
  filed_at: textOrNull,
  created_at: z.string(),
});

const ZEvidencePlot = z.object({
  id: z.number(),
  reference: z.string(),
  producer_name: z.string(),
  country: z.string(),
  benchmark: z.string(),
  geometry_type: z.enum(["Point", "Polygon"]),
  area_ha: z.string(),
  problems: z.array(z.string()),
  overlap_ha: z.string(),
  declaration: z
    .object({
      land_use: z.enum(landUses),
      is_deforestation_free: z.boolean(),
      declared_on: z.string(),
      declarant: z.string(),
    })
    .nullable(),
  documents: z.array(z.object({ id: z.number(), filename: z.string(), size_bytes: z.number() })),
});

const ZSettingJson = ZSubmissionSetting.omit({ api_key: true }).extend({ has_api_key: z.boolean() });

export const dueDiligence = endpoints({
  batchDueDiligence: {
    route: "GET /api/batches/[batch_id]/due-diligence",
    rule: readers,
    summary:
      "The batch's EUDR risk assessment (negligible or not, each factor with its value) and the evidence per plot: country benchmark, declaration, legality documents, overlap with deforestation layers; and the statements covering it.",
    query: ZNoQuery,
    response: z.object({ risk: ZRiskJson, plots: z.array(ZEvidencePlot), statements: z.array(ZStatementJson) }),
  },

  addPlotDeclaration: {
    route: "POST /api/due-diligence/plots/[plot_id]/declarations",
    rule: operatorsAndKeys,
    summary:
      "Record the producer's declaration for a plot: land use since 2020-12-31, deforestation-free or not, when and by whom. The newest declaration counts; earlier ones stay. Audited.",
    body: ZDeclaration,
    response: z.object({ id: z.number() }),
    statuses: [201],
  },

  addPlotDocuments: {
    route: "POST /api/due-diligence/plots/[plot_id]/documents",
    rule: operatorsOnly,
    summary:
      "Upload legality documents for a plot (multipart, up to 5 `certificates`: PDF, JPEG, PNG or WebP; each checked by its content). Audited.",
    // Nothing but the files: the JSON field is empty.
    body: z.strictObject({}),
    bodyFormat: "multipart",
    form: { field: "document", files: ["certificates"] },
    response: z.object({ ids: z.array(z.number()) }),
    statuses: [201],
  },

  plotDocument: {
    route: "GET /api/due-diligence/plots/[plot_id]/documents/[document_id]",
    rule: signedIn,
    summary: "A plot's legality document, served as its checked type (signed-in users who may see the plot).",
    query: ZNoQuery,
    response: storedFile("The document as uploaded."),
  },

  listDeforestationLayers: {
    route: "GET /api/due-diligence/layers",
    rule: everyoneAndKeys,
    summary: "The deforestation layers uploaded, newest first, with how many plots overlap each.",
    query: ZNoQuery,
    response: listOf(
      z.object({
        id: z.number(),
        name: z.string(),
        feature_count: z.number(),
        plots_overlapping: z.number(),
        created_at: z.string(),
      }),
    ),
  },

  uploadDeforestationLayer: {
    route: "POST /api/due-diligence/layers",
    rule: operatorsAndKeys,
    summary:
      "Upload a deforestation layer: a GeoJSON FeatureCollection of the polygons deforested after 2020-12-31. Every plot's overlap (ha) with it is computed and stored. Audited.",
    body: ZDeforestationLayer,
    response: z.object({ id: z.number() }),
    statuses: [201],
  },

  listStatements: {
    route: "GET /api/due-diligence/statements",
    rule: readers,
    summary:
      "Due diligence statements in the caller's scope, newest first: a member sees those covering its organisation's batches or for its orders.",
    query: z.strictObject({
      batch_id: z.coerce.number().int().positive().optional(),
      order_id: z.coerce.number().int().positive().optional(),
    }),
    response: listOf(ZStatementJson),
  },

  createStatement: {
    route: "POST /api/due-diligence/statements",
    rule: operatorsAndKeys,
    summary:
      "Generate a due diligence statement for a batch (`batch_id`) or an order's batches (`order_id`) in the EU information system's format, with the risk conclusion and the earlier filed statements for the same batches as associated statements. Audited.",
    body: ZNewStatement,
    response: ZStatementJson,
    statuses: [201],
  },

  downloadStatement: {
    route: "GET /api/due-diligence/statements/[statement_id]",
    rule: readers,
    summary:
      "The statement as a JSON file in the EU information system's format (docs/due-diligence.md maps its fields).",
    query: ZNoQuery,
    response: { contentType: "application/json", description: "The statement, as an attachment." },
  },

  submitStatement: {
    route: "POST /api/due-diligence/statements/[statement_id]/submit",
    rule: operatorsOnly,
    summary:
      "File the statement with the EU information system (the endpoint in the eudr_submission setting) and record its reference and verification numbers. 422 with the system's reason when it refuses, when the risk is not negligible or when no endpoint is set; 409 when already filed.",
    response: ZStatementJson,
  },

  getSubmissionSetting: {
    route: "GET /api/due-diligence/settings",
    rule: adminsOnly,
    summary:
      "The eudr_submission setting: the EU information system's services, web service user and client id, and the operator's identity (the authentication key is never shown).",
    query: ZNoQuery,
    response: ZSettingJson,
  },

  changeSubmissionSetting: {
    route: "PUT /api/due-diligence/settings",
    rule: adminsOnly,
    summary:
      "Set the eudr_submission setting: endpoint_url (the EU system's services base URL, …/tracesnt/ws; empty: none), username, api_key (the authentication key; empty keeps the current one), web_service_client_id, operator_eori, operator_address, operator_country. Audited.",
    body: ZSubmissionSetting,
    response: ZSettingJson,
  },
});
