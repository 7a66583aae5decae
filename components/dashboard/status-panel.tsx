// Each component's state in words and colour (green ok, amber degraded, red down, grey not
// configured), since when, the sentence that explains it and its figures.
import { Facts } from "@/components/ui/facts";
import { toneOf, toneStyles } from "@/components/ui/tones";
import type { ComponentName, SystemStatus } from "@/lib/system/status";

import { duration, utcTime } from "./time";

const words = { ok: "OK", degraded: "Degraded", down: "Down", not_configured: "Not configured" } as const;
const look = (state: keyof typeof words) => {
  const tone = toneStyles[toneOf(state)];
  return { text: words[state], dot: tone.dot, box: tone.box, label: tone.text };
};

/** The figures worth a glance, per component; the API has the rest. */
function facts(name: ComponentName, d: Record<string, unknown>): [string, unknown][] {
  switch (name) {
    case "database":
      return [["Latency", d.latency_ms === null ? null : `${d.latency_ms} ms`]];
    case "rpc":
      return [
        ["Chain id", d.chain_id],
        ["Head block", d.head_block],
        ["Latency", d.latency_ms === null ? null : `${d.latency_ms} ms`],
      ];
    case "listener":
      return [
        ["Last processed", d.last_processed_block],
        ["Lag (blocks)", d.lag_blocks],
        ["Listening", d.listening ? "yes" : "paused"],
      ];
    case "job_queue":
      return [
        ["Queued", d.queued],
        ["Running", d.active],
        ["Failed (1 h)", d.failed_last_hour],
      ];
    case "chainlink_fulfiller":
      return d.configured ? [["Last step", d.last_step_at ? utcTime(String(d.last_step_at)) : null]] : [];
    case "sync": {
      const run = d.last_run as { id: number; status: string } | null;
      return [
        ["Last run", run ? `#${run.id} ${run.status}` : null],
        ["Failing batches", d.batches_in_error],
        ["Out of sync", d.batches_out_of_sync],
      ];
    }
  }
}

export function StatusPanel({ status }: { status: SystemStatus }) {
  const overall = look(status.status);
  return (
    <section aria-label="System status" className="flex flex-col gap-3">
      <div className="flex flex-wrap items-baseline gap-3">
        <h2 className="text-lg font-semibold">System status</h2>
        <span
          className={`inline-flex items-center gap-1.5 text-sm font-medium ${overall.label}`}
          data-testid="overall-status"
          data-state={status.status}
        >
          <span className={`h-2.5 w-2.5 rounded-full ${overall.dot}`} aria-hidden />
          {status.status === "ok"
            ? "All systems working"
            : status.status === "degraded"
              ? "Something needs attention"
              : "Something is down"}
        </span>
        <span className="text-xs text-stone-500">checked {utcTime(status.checked_at)}</span>
      </div>
      <ul className="grid grid-cols-1 gap-3 md:grid-cols-2 xl:grid-cols-3">
        {(Object.entries(status.components) as [ComponentName, SystemStatus["components"][ComponentName]][]).map(
          ([name, c]) => {
            const l = look(c.state);
            return (
              <li
                key={name}
                aria-label={`${c.label}: ${l.text}`}
                data-testid={`status-${name}`}
                data-state={c.state}
                className={`flex flex-col gap-2 rounded-lg border-2 p-3 ${l.box}`}
              >
                <div className="flex items-center justify-between gap-2">
                  <span className="font-medium">{c.label}</span>
                  <span
                    className={`inline-flex items-center gap-1.5 text-sm font-semibold ${l.label}`}
                    data-testid={`state-${name}`}
                  >
                    <span className={`h-2.5 w-2.5 rounded-full ${l.dot}`} aria-hidden />
                    {l.text}
                  </span>
                </div>
                <p className="text-sm text-stone-700 dark:text-stone-300">{c.message}</p>
                <p className="text-xs text-stone-500 dark:text-stone-400" data-testid={`since-${name}`}>
                  {l.text} since {utcTime(c.since)} ({duration(c.since, status.checked_at)})
                </p>
                <Facts
                  facts={facts(name, c.details).map(([label, value]) => [
                    label,
                    value === null || value === undefined ? null : String(value),
                  ])}
                  className="flex flex-wrap gap-x-4 gap-y-1 text-xs"
                  valueClassName="font-mono"
                />
              </li>
            );
          },
        )}
      </ul>
    </section>
  );
}
