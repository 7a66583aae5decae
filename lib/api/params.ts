import { z } from "zod";

/** A numeric id as a route or query parameter carries it: a string of digits, parsed to a number. */
export const ZId = z
  .string()
  .regex(/^[1-9]\d{0,15}$/, "must be a positive integer id")
  .transform(Number);

/** A numeric id as a JSON body carries it: a positive integer. */
export const ZBodyId = z
  .number({ error: "must be a positive integer id" })
  .int("must be a positive integer id")
  .positive("must be a positive integer id")
  .max(Number.MAX_SAFE_INTEGER, "must be a positive integer id");

/** Route params with one numeric id, e.g. `idParams("batch_id").parse(params).batch_id`. */
export function idParams<K extends string>(name: K) {
  return z.object({ [name]: ZId } as { [P in K]: typeof ZId });
}

/** For endpoints that take no parameters: any given is refused, rather than a typo ignored. */
export const ZNoQuery = z.strictObject({});
