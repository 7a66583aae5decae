// How often each kind of recommendation is taken up: accepted over decided (accepted + dismissed).
import { sql } from "drizzle-orm";

import type { Db } from "@/lib/db";
import { recommendationKinds } from "@/lib/db/enums";

export type KindStats = {
  kind: (typeof recommendationKinds)[number];
  proposed: number;
  accepted: number;
  dismissed: number;
  open: number;
  obsolete: number;
  /** accepted / (accepted + dismissed), 3 decimals; null before any decision. */
  acceptance_rate: number | null;
};

export async function recommendationStats(db: Db): Promise<KindStats[]> {
  const { rows } = await db.execute<{ kind: string; status: string; n: string }>(
    sql`select kind, status, count(*)::text as n from recommendations group by kind, status`,
  );
  return recommendationKinds.map((kind) => {
    const n = (status: string) => Number(rows.find((r) => r.kind === kind && r.status === status)?.n ?? 0);
    const [accepted, dismissed, open, obsolete] = [n("accepted"), n("dismissed"), n("open"), n("obsolete")];
    const decided = accepted + dismissed;
    return {
      kind,
      proposed: accepted + dismissed + open + obsolete,
      accepted,
      dismissed,
      open,
      obsolete,
      acceptance_rate: decided ? Math.round((accepted / decided) * 1000) / 1000 : null,
    };
  });
}
