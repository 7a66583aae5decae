// A person's own notifications: the inbox, marking read, and which alerts reach them (the
// subscription). Every signed-in person may call these, organisation members too, each for their
// own rows only; not API keys, since a key is no person with an inbox.
import { z } from "zod";

import { everyone } from "@/lib/auth/permissions";
import { ZMarkRead, ZNotificationJson, ZNotificationQuery, ZSubscription } from "@/lib/notifications/schemas";

import { endpoint } from "./define";

const tag = "Notifications";
const rule = { roles: everyone, members: true };

export const listNotifications = endpoint({
  method: "GET",
  path: "/api/notifications",
  rule,
  tag,
  summary:
    "Your notifications, newest first, one page at a time (`unread=true`: only unread), with your unread count. Each links to its batch or system alert.",
  query: ZNotificationQuery,
  response: z.object({ data: z.array(ZNotificationJson), next_cursor: z.string().nullable(), unread: z.number() }),
});

export const markNotificationsRead = endpoint({
  method: "POST",
  path: "/api/notifications/read",
  rule,
  tag,
  summary:
    "Mark your notifications read: `{ids: [...]}` (1–100; ids that are not yours are passed over) or `{all: true}`. Answers how many changed and how many are still unread.",
  body: ZMarkRead,
  response: z.object({ updated: z.number(), unread: z.number() }),
});

export const getNotificationSubscription = endpoint({
  method: "GET",
  path: "/api/notifications/subscription",
  rule,
  tag,
  summary:
    "Which alerts reach you: the minimum severity, by email, in the inbox. Until you save one: high and up, inbox only.",
  response: ZSubscription,
});

export const putNotificationSubscription = endpoint({
  method: "PUT",
  path: "/api/notifications/subscription",
  rule,
  tag,
  summary:
    "Save which alerts reach you. Alerts reach staff (batch alerts) and admins (system alerts too); organisation members receive none.",
  body: ZSubscription,
  response: ZSubscription,
});
