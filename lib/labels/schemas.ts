import { z } from "zod";

export const maxLabels = { pdf: 200, png: 40 } as const;

/** `GET /api/labels?ids=1,2,3&format=pdf|png`: batch ids (the database's), each once. */
export const ZLabelQuery = z
  .strictObject({
    ids: z
      .string()
      .max(2_000)
      .transform((s) => s.split(",").map((v) => v.trim()))
      .pipe(
        z
          .array(
            z
              .string()
              .regex(/^[1-9]\d{0,15}$/, "must be positive integer batch ids")
              .transform(Number),
          )
          .min(1, "at least one batch id"),
      )
      .refine((ids) => new Set(ids).size === ids.length, "name each batch once"),
    format: z.enum(["pdf", "png"]).default("pdf"),
  })
  .refine((q) => q.ids.length <= maxLabels[q.format], {
    path: ["ids"],
    message: `at most ${maxLabels.pdf} batches per PDF, ${maxLabels.png} per PNG`,
  });

export type LabelQuery = z.infer<typeof ZLabelQuery>;
