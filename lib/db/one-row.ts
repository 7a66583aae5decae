// The one row a read must find, locked for the transaction when asked; none is answered as missing.
import { ApiError } from "@/lib/api/errors";

type Lockable<R> = PromiseLike<R[]> & { for(strength: "update"): PromiseLike<R[]> };

/** The first row `query` reads, `for update` when `lock`; no row is a 404 whose message is `missing`. */
export async function oneRow<R>(query: Lockable<R>, lock: boolean, missing: string): Promise<R> {
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw new ApiError("not_found", missing);
  return row;
}
