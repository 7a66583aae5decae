import { z } from "zod";

import { cursor, list, pageLimit } from "@/lib/api/zod";

/** Where an activity comes from; the order breaks ties between activities of the same instant. */
export const activityKinds = ["audit", "event", "alert", "verification", "sync"] as const;
export type ActivityKind = (typeof activityKinds)[number];

export const ZRecentActivityQuery = z.strictObject({
  kind: list(activityKinds).optional(),
  limit: pageLimit(100, 20),
  cursor: cursor(),
});

export type RecentActivityQuery = z.infer<typeof ZRecentActivityQuery>;
