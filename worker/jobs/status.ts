// The dashboard's component states, recorded every 15 s so each one's `since` is right within 15 s
// even while no dashboard is open (lib/system/states.ts).
import { getSystemStatus } from "@/lib/system/status";

import { timer } from "../job";

export const status = timer({
  name: "status",
  summary: "records the system components' states for the dashboard",
  everyMs: 15_000,
  async handle(deps) {
    await getSystemStatus(deps.status);
  },
});
