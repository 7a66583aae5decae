// A person's own notifications: the inbox, marking read, and which alerts reach them (the
// subscription). Every signed-in person may call these, organisation members too, each for their
// own rows only; not API keys, since a key is no person with an inbox.
import { z } from "zod";

import { signedIn } from "@/lib/auth/permissions";
import { ZMarkRead, ZNotificationJson, ZNotificationQuery, ZSubscription } from "@/lib/notifications/schemas";

import { endpoints } from "./define";
import { pageOf } from "./shapes";

export const notifications = endpoints({
  listNotifications: {
    route: "GET /api/notifications",
    rule: signedIn,
    summary:
      "Your notifications, newest first, one page at a time (`unread=true`: only unread), with your unread count. Each links to its batch or system alert.",
    query: ZNotificationQuery,
    response: pageOf(ZNotificationJson).extend({ unread: z.number() }),
  },

  markNotificationsRead: {
    route: "POST /api/notifications/read",
    rule: signedIn,
    summary:
      "Mark your notifications read: `{ids: [...]}` (1–100; ids that are not yours are passed over) or `{all: true}`. Answers how many changed and how many are still unread.",
    body: ZMarkRead,
    response: z.object({ updated: z.number(), unread: z.number() }),
  },

  getNotificationSubscription: {
    route: "GET /api/notifications/subscription",
    rule: signedIn,
    summary:
      "Which alerts reach you: the minimum severity, by email, in the inbox. Until you save one: high and up, inbox only.",
    response: ZSubscription,
  },

  putNotificationSubscription: {
    route: "PUT /api/notifications/subscription",
    rule: signedIn,
    summary:
      "Save which alerts reach you. Alerts reach staff (batch alerts) and admins (system alerts too); organisation members receive none.",
    body: ZSubscription,
    response: ZSubscription,
  },
});
