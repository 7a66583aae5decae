// What the system alert endpoints and page take in: the list's filters and the resolution note.
import { z } from "zod";

import { cursor, pageLimit, text } from "@/lib/api/zod";
import { alertStatuses } from "@/lib/db/enums";

export const ZSystemAlertQuery = z.strictObject({
  status: z.enum(alertStatuses, { error: "must be open or resolved" }).optional(),
  cursor: cursor(),
  limit: pageLimit(),
});
export type SystemAlertQuery = z.input<typeof ZSystemAlertQuery>;

export const ZResolutionNote = text()
  .trim()
  .min(3, "must be at least 3 characters: say how the alert was resolved")
  .max(500, "must be at most 500 characters");

export const ZResolveSystemAlert = z.strictObject({ note: ZResolutionNote });
