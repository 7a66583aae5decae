// Since when each component has held its state: every check records what it saw, and `since`
// moves only when the state changes. When the database itself cannot be written, this process
// remembers instead.
import { sql } from "drizzle-orm";

import type { Db } from "@/lib/db";

import type { State } from "./checks";

const remembered = ((
  globalThis as unknown as { batchtrailStates?: Map<string, { state: State; since: Date }> }
).batchtrailStates ??= new Map());

function rememberHere(states: Record<string, State>, now: Date): Record<string, Date> {
  const out: Record<string, Date> = {};
  for (const [component, state] of Object.entries(states)) {
    const known = remembered.get(component);
    if (!known || known.state !== state) remembered.set(component, { state, since: now });
    out[component] = remembered.get(component)!.since;
  }
  return out;
}

/** Records the states seen now; returns since when each has held. */
export async function recordStates(
  db: Db,
  states: Record<string, State>,
  now = new Date(),
): Promise<Record<string, Date>> {
  try {
    const { rows } = await db.execute<{ component: string; since: string }>(sql`
      insert into component_states (component, state, since, checked_at)
      select key, value, now(), now() from jsonb_each_text(${JSON.stringify(states)}::jsonb)
      on conflict (component) do update
        set since = case when component_states.state = excluded.state then component_states.since else excluded.since end,
            state = excluded.state, checked_at = excluded.checked_at
      returning component, since`);
    const since = Object.fromEntries(rows.map((r) => [r.component, new Date(r.since)]));
    for (const [component, state] of Object.entries(states))
      remembered.set(component, { state, since: since[component] });
    return since;
  } catch {
    return rememberHere(states, now);
  }
}
