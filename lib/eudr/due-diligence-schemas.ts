// The due diligence inputs, checked with zod: a producer's declaration, a deforestation layer, a
// statement to generate, and the eudr_submission setting. Client-safe: the forms use them too.
import { z } from "zod";

import { calendarDate, isWellFormed, text } from "@/lib/api/zod";
import { landUses, statementActivities } from "@/lib/db/enums";

const lon = z.number().min(-180).max(180);
const lat = z.number().min(-90).max(90);
const ring = z
  .array(z.tuple([lon, lat]))
  .min(4, "a ring needs four or more positions")
  .refine((r) => r[0][0] === r.at(-1)![0] && r[0][1] === r.at(-1)![1], "a ring must end where it starts");
const ZPolygon = z.object({ type: z.literal("Polygon"), coordinates: z.array(ring).min(1) });
const ZMultiPolygon = z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(z.array(ring).min(1)).min(1) });

export const ZDeforestationLayer = z.strictObject({
  name: text().trim().min(1).max(200),
  geojson: z.object({
    type: z.literal("FeatureCollection"),
    features: z
      .array(z.object({ type: z.literal("Feature"), geometry: z.union([ZPolygon, ZMultiPolygon]) }))
      .min(1, "the layer has no deforested areas")
      .max(5000, "at most 5000 areas in one layer"),
  }),
});
export type NewDeforestationLayer = z.infer<typeof ZDeforestationLayer>;

export const ZDeclaration = z.strictObject({
  land_use: z.enum(landUses),
  is_deforestation_free: z.boolean(),
  declared_on: calendarDate(),
  declarant: text().trim().min(1).max(200),
  note: text().trim().max(1000).optional(),
});
export type NewDeclaration = z.infer<typeof ZDeclaration>;

/** A statement for one batch or one order (a shipment). */
export const ZNewStatement = z
  .strictObject({
    batch_id: z.number().int().positive().optional(),
    order_id: z.number().int().positive().optional(),
    activity: z.enum(statementActivities).default("import"),
  })
  .refine((s) => (s.batch_id === undefined) !== (s.order_id === undefined), "give batch_id or order_id, not both");
export type NewStatement = z.infer<typeof ZNewStatement>;

const ZCountry = z.union([z.literal(""), z.string().regex(/^[A-Z]{2}$/, "an ISO 3166-1 alpha-2 code")]);
export const ZSubmissionSetting = z.strictObject({
  endpoint_url: z.union([
    z.literal(""),
    z.url({ protocol: /^https?$/ }).refine(isWellFormed, "must be well-formed text"),
  ]),
  // The web service user and client id TRACES gives (e.g. eudr-test for its acceptance environment).
  username: text().trim().max(200).default(""),
  api_key: text().max(500),
  web_service_client_id: text().trim().max(100).default(""),
  operator_eori: z.union([
    z.literal(""),
    z.string().regex(/^[A-Z]{2}[A-Z0-9]{1,15}$/, "an EORI number, e.g. NL123456789"),
  ]),
  operator_address: text().max(300),
  operator_country: ZCountry,
});
