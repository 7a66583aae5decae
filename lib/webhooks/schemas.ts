// What admins send about webhook endpoints and deliveries. Client-safe.
import { z } from "zod";

import { cursor, pageLimit, text } from "@/lib/api/zod";
import { deliveryStatuses, webhookEventTypes } from "@/lib/db/enums";

/** The event types an endpoint may ask for (a test event goes to whoever asks for one). */
export const subscribableTypes = webhookEventTypes.filter((t) => t !== "webhook.test");

const ZUrl = text().trim().min(8, "must be at least 8 characters").max(2000, "must be at most 2000 characters");
const ZDescription = text().trim().max(200, "must be at most 200 characters");
const ZEventTypes = z
  .array(z.enum(subscribableTypes))
  .min(1, "choose at least one event type")
  .max(40)
  .transform((types) => [...new Set(types)]);

export const ZNewEndpoint = z.strictObject({
  url: ZUrl,
  description: ZDescription.default(""),
  event_types: ZEventTypes,
});
export type NewEndpoint = z.output<typeof ZNewEndpoint>;

export const ZEndpointChange = z
  .strictObject({
    url: ZUrl.optional(),
    description: ZDescription.optional(),
    event_types: ZEventTypes.optional(),
    status: z.enum(["active", "paused"]).optional(),
  })
  .refine((c) => Object.keys(c).length > 0, "change at least one of url, description, event_types, status");
export type EndpointChange = z.output<typeof ZEndpointChange>;

export const ZDeliveryQuery = z.strictObject({
  status: z.enum(deliveryStatuses).optional(),
  cursor: cursor(),
  limit: pageLimit(100, 25),
});
export type DeliveryQuery = z.input<typeof ZDeliveryQuery>;

export const ZSettingsChange = z.strictObject({ webhooks_allow_private: z.boolean() });

/** `{}`: an action that takes nothing. */
export const ZNothing = z.strictObject({});
