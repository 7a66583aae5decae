// What the recommendation endpoints and panel take in: the list's filters, an acceptance's optional
// note and a dismissal's reason. Client-safe.
import { z } from "zod";

import { cursor, pageLimit, text } from "@/lib/api/zod";
import { recommendationKinds, recommendationStatuses } from "@/lib/db/enums";

export const ZRecommendationQuery = z.strictObject({
  status: z.enum(recommendationStatuses, { error: "must be open, accepted, dismissed or obsolete" }).optional(),
  kind: z.enum(recommendationKinds, { error: `must be one of ${recommendationKinds.join(", ")}` }).optional(),
  cursor: cursor(),
  limit: pageLimit(),
});
export type RecommendationQuery = z.input<typeof ZRecommendationQuery>;

export const ZAccept = z.strictObject({ note: text().trim().max(500, "must be at most 500 characters").optional() });

export const ZReason = text()
  .trim()
  .min(3, "must be at least 3 characters: say why the action is not wanted")
  .max(500, "must be at most 500 characters");
export const ZDismiss = z.strictObject({ reason: ZReason });
