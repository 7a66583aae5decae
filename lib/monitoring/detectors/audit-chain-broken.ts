// The audit log's hash chain no longer holds after the last confirmed anchor: a record was edited,
// rewritten or removed behind the log's back. Same source as the anchorer's alert (position:N).
import { sql } from "drizzle-orm";

import { findBreak, linkAt, recordsAfter } from "@/lib/provenance/walk";

import type { Detector } from "../detector";

/** Records walked a run, from the last confirmed anchor on. */
export const maxWalked = 5_000;

export const auditChainBroken: Detector = {
  name: "audit_chain_broken",
  alert: "system",
  rule: `A record after the last confirmed anchor (the next ${maxWalked}) no longer links into the hash chain.`,
  threshold: "any break",
  // The anchorer raises the same alerts; one staged or raised from elsewhere is left to a person.
  ownsSource: (source) => /^position:\d+$/.test(source),
  async detect({ db }) {
    const { rows } = await db.execute<{ last: string }>(
      sql`select coalesce(max(to_position), 0)::text as last from audit_anchors where status = 'confirmed'`,
    );
    const last = Number(rows[0].last);
    const records = await recordsAfter(db, last, maxWalked);
    const broken = records.length ? findBreak(records, await linkAt(db, last)) : null;
    const figures = { anchored_to: last, walked: records.length };
    if (!broken) return { findings: [], figures };
    return {
      figures,
      findings: [
        {
          source: `position:${broken.position}`,
          severity: "critical",
          message: `The audit log's hash chain is broken: ${broken.reason}.`,
          evidence: { position: broken.position, reason: broken.reason },
        },
      ],
    };
  },
};
