// What the notification endpoints and pages take in: the inbox's page, marking read, and the alert subscription.
import { z } from "zod";

import { cursor, pageLimit } from "@/lib/api/zod";
import { alertSeverities } from "@/lib/db/enums";

export const ZNotificationQuery = z.strictObject({
  unread: z.enum(["true", "false"], { error: "must be true or false" }).optional(),
  cursor: cursor(),
  limit: pageLimit(100, 25),
});
export type NotificationQuery = z.input<typeof ZNotificationQuery>;

const ZIds = z.array(z.number().int().positive()).min(1, "at least one id").max(100, "at most 100 ids");

/** `{ids: [...]}` (at most 100) or `{all: true}`. */
export const ZMarkRead = z.union(
  [z.strictObject({ ids: ZIds }), z.strictObject({ all: z.literal(true, { error: "must be true" }) })],
  { error: "give ids (1–100 notification ids) or all: true" },
);
export type MarkRead = z.infer<typeof ZMarkRead>;

export const ZSubscription = z.strictObject({
  min_severity: z.enum(alertSeverities, { error: "must be low, medium, high or critical" }),
  by_email: z.boolean({ error: "must be true or false" }),
  in_inbox: z.boolean({ error: "must be true or false" }),
});
export type Subscription = z.infer<typeof ZSubscription>;

export const ZNotificationJson = z.object({
  id: z.number(),
  severity: z.enum(alertSeverities),
  title: z.string(),
  body: z.string(),
  link: z.string(),
  read_at: z.string().nullable(),
  created_at: z.string(),
});

/** Without a subscription row: alerts of high severity and above in the inbox, no email. */
export const defaultSubscription: Subscription = { min_severity: "high", by_email: false, in_inbox: true };

/** Severities from least to most severe, as a rank (low 1 … critical 4). */
export const severityRank = (s: (typeof alertSeverities)[number]) => alertSeverities.indexOf(s) + 1;
