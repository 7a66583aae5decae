// Each detector with its rule and threshold and how its last run went, for the API and the panel.
import type { Db } from "@/lib/db";
import { detectorStates } from "@/lib/db/schema";

import { detectors } from "./detectors";

export async function listDetectorStates(db: Db) {
  const states = new Map((await db.select().from(detectorStates)).map((s) => [s.detector, s]));
  return detectors.map((d) => {
    const s = states.get(d.name);
    return {
      name: d.name,
      alert: d.alert,
      rule: d.rule,
      threshold: d.threshold,
      recommends: d.recommends ?? null,
      last_run_at: s?.lastRunAt.toISOString() ?? null,
      findings: s?.findings ?? null,
      evidence: (s?.evidence ?? []) as Record<string, unknown>[],
      error: s?.error ?? null,
    };
  });
}
export type DetectorStateJson = Awaited<ReturnType<typeof listDetectorStates>>[number];
