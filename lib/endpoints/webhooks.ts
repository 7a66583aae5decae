// Outbound webhooks (admins only): endpoints with their event types and signing secrets, the
// delivery log with each attempt, redelivery, test events, and the admin settings that govern them.
import { z } from "zod";

import { ZNoQuery } from "@/lib/api/params";
import { adminsOnly } from "@/lib/auth/permissions";
import { deliveryStatuses, endpointStatuses, webhookEventTypes } from "@/lib/db/enums";
import { ZDeliveryQuery, ZEndpointChange, ZNewEndpoint, ZNothing, ZSettingsChange } from "@/lib/webhooks/schemas";

import { endpoints } from "./define";
import { listOf, numberOrNull, pageOf, textOrNull } from "./shapes";

const time = z.string();
const maybeTime = textOrNull;

const ZEndpointJson = z.object({
  id: z.number(),
  url: z.string(),
  description: z.string(),
  event_types: z.array(z.enum(webhookEventTypes)),
  status: z.enum(endpointStatuses),
  failure_streak: z.number(),
  disabled_reason: textOrNull,
  disabled_at: maybeTime,
  previous_secret_expires_at: maybeTime,
  created_at: time,
  updated_at: time,
});

const ZDeliveryJson = z.object({
  id: z.number(),
  endpoint_id: z.number(),
  event_id: z.number(),
  message_id: z.string(),
  event_type: z.enum(webhookEventTypes),
  status: z.enum(deliveryStatuses),
  attempts: z.number(),
  last_status_code: numberOrNull,
  last_latency_ms: numberOrNull,
  last_error: textOrNull,
  next_attempt_at: maybeTime,
  first_attempt_at: maybeTime,
  delivered_at: maybeTime,
  created_at: time,
});

const ZSettings = z.object({ webhooks_allow_private: z.boolean() });

export const webhooks = endpoints({
  listWebhookEndpoints: {
    route: "GET /api/admin/webhooks",
    rule: adminsOnly,
    summary: "Webhook endpoints with their event types, status and failure streak (never their secrets).",
    query: ZNoQuery,
    response: listOf(ZEndpointJson),
  },

  createWebhookEndpoint: {
    route: "POST /api/admin/webhooks",
    rule: adminsOnly,
    summary:
      "Register an endpoint for the event types given (201); its signing secret is in this response only. A private or loopback address is refused (422) unless the webhooks_allow_private setting is on. Audited.",
    body: ZNewEndpoint,
    response: ZEndpointJson.extend({ secret: z.string().describe("whsec_…, shown once") }),
    statuses: [201],
  },

  changeWebhookEndpoint: {
    route: "PATCH /api/admin/webhooks/[endpoint_id]",
    rule: adminsOnly,
    summary:
      "Change an endpoint's URL, description or event types, or pause or resume it; setting a disabled endpoint active enables it again, resets its failure count and clears its alert. Audited.",
    body: ZEndpointChange,
    response: ZEndpointJson,
  },

  rotateWebhookSecret: {
    route: "POST /api/admin/webhooks/[endpoint_id]/rotate-secret",
    rule: adminsOnly,
    summary:
      "A new signing secret (in this response only); the previous one keeps signing beside it for 24 hours. Audited.",
    body: ZNothing,
    response: z.object({ secret: z.string(), previous_valid_until: time }),
  },

  sendWebhookTest: {
    route: "POST /api/admin/webhooks/[endpoint_id]/test",
    rule: adminsOnly,
    summary: "Send a webhook.test event to this endpoint now (202); 409 unless it is active.",
    body: ZNothing,
    response: z.object({ delivery_id: z.number(), message_id: z.string() }),
    statuses: [202],
  },

  listWebhookDeliveries: {
    route: "GET /api/admin/webhooks/[endpoint_id]/deliveries",
    rule: adminsOnly,
    summary: "An endpoint's deliveries, newest first, with their status, attempts, last answer and latency.",
    query: ZDeliveryQuery,
    response: pageOf(ZDeliveryJson),
  },

  getWebhookDelivery: {
    route: "GET /api/admin/webhook-deliveries/[delivery_id]",
    rule: adminsOnly,
    summary: "One delivery with every attempt: the request's headers and body, the answer's status, body and latency.",
    query: ZNoQuery,
    response: ZDeliveryJson.extend({
      attempts: z.array(
        z.object({
          attempt: z.number(),
          sent_at: time,
          request_headers: z.record(z.string(), z.string()),
          request_body: z.string(),
          status_code: numberOrNull,
          response_body: textOrNull,
          latency_ms: z.number(),
          error: textOrNull,
        }),
      ),
    }),
  },

  redeliverWebhook: {
    route: "POST /api/admin/webhook-deliveries/[delivery_id]/redeliver",
    rule: adminsOnly,
    summary:
      "Send a finished delivery again, with the same webhook-id and a fresh 24 hours of tries (202); 409 while it is pending or its endpoint is not active. Audited.",
    body: ZNothing,
    response: z.object({ id: z.number(), status: z.literal("pending") }),
    statuses: [202],
  },

  getAdminSettings: {
    route: "GET /api/admin/settings",
    rule: adminsOnly,
    summary: "The admin settings: webhooks_allow_private (private and loopback webhook addresses allowed).",
    query: ZNoQuery,
    response: ZSettings,
  },

  changeAdminSettings: {
    route: "PATCH /api/admin/settings",
    rule: adminsOnly,
    summary: "Change the admin settings. Audited.",
    body: ZSettingsChange,
    response: ZSettings,
  },
});
