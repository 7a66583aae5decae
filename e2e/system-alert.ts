// Stages a system alert in the e2e stack's database, as the anchoring job raises one when the audit chain breaks.
import { query } from "./db";

/** An open audit_chain_broken alert from a source of its own (`e2e:<name>-<random>`); its id. */
export async function stageSystemAlert(name: string): Promise<{ id: number; source: string }> {
  const source = `e2e:${name}-${Math.floor(Math.random() * 1e9)}`;
  const [row] = await query<{ id: string }>(
    `insert into system_alerts (type, severity, source, message, details)
     values ('audit_chain_broken', 'critical', $1, 'The audit chain breaks at position 42: its hash does not match.',
             '{"position": 42, "expected": "0xab12", "found": "0xcd34"}')
     returning id`,
    [source],
  );
  return { id: Number(row.id), source };
}
