// What the EPCIS exports take in: the bulk export's date range.
import { z } from "zod";

import { calendarDate } from "@/lib/api/zod";

/** Events per bulk document: past it the range must be narrowed. */
export const bulkEventLimit = 5000;

export const ZEpcisRange = z
  .strictObject({ from: calendarDate(), to: calendarDate() })
  .refine((r) => r.from <= r.to, { message: "must be on or after from", path: ["to"] });
export type EpcisRange = z.infer<typeof ZEpcisRange>;
