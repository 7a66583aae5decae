"use client";

// The listener at a glance: listening or paused, head and processed block, lag, throughput, errors.
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cardClass } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { useOutcomeToast } from "@/components/ui/toast";
import { toneOf } from "@/components/ui/tones";
import { useApiCall } from "@/components/use-api-call";
import type { ListenerStatus } from "@/lib/events/status";
import type { StreamState } from "@/lib/realtime/use-stream";

function Fact({ label, value, testId }: { label: string; value: React.ReactNode; testId: string }) {
  return (
    <div className="flex flex-col">
      <dt className="text-xs text-stone-500">{label}</dt>
      <dd className="font-mono text-sm" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

export function ListenerPanel({
  status,
  stream,
  canOperate,
  onStatus,
}: {
  status: ListenerStatus;
  stream: StreamState;
  canOperate: boolean;
  onStatus: (s: ListenerStatus) => void;
}) {
  const { call, error, pending } = useApiCall();
  const toggle = async () => {
    const next = await call("POST /api/blockchain-events/toggle-listening", { body: { active: !status.listening } });
    if (next) onStatus(next);
  };
  useOutcomeToast({ pending, error, success: "Done: the listener status below is current." });
  return (
    <section aria-label="Listener status" className={`flex flex-col gap-3 ${cardClass}`}>
      <div className="flex flex-wrap items-center gap-3">
        <Badge tone={toneOf(status.listening ? "running" : "paused")}>
          {status.listening ? "Listening" : "Paused"}
        </Badge>
        <span className="text-xs text-stone-500" data-testid="stream-state">
          {stream === "live"
            ? "Live feed connected"
            : stream === "connecting"
              ? "Connecting to the live feed…"
              : "Live feed reconnecting…"}
        </span>
        {canOperate && (
          <div className="ml-auto flex gap-2">
            <Button isPending={pending} onClick={toggle}>
              {status.listening ? "Pause listening" : "Resume listening"}
            </Button>
            <Button
              disabled={pending || status.events.failed + status.events.pending === 0}
              onClick={() => call("POST /api/blockchain-events/process-all")}
            >
              Retry all failed
            </Button>
          </div>
        )}
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7">
        <Fact label="Chain head" value={status.head_block ?? "—"} testId="head-block" />
        <Fact label="Last processed" value={status.last_processed_block ?? "—"} testId="last-processed" />
        <Fact label="Lag (blocks)" value={status.lag_blocks ?? "—"} testId="lag" />
        <Fact label="Events / min (5 min)" value={status.events_per_minute} testId="throughput" />
        <Fact label="Processed" value={status.events.processed} testId="count-processed" />
        <Fact label="Failed" value={status.events.failed} testId="count-failed" />
        <Fact label="Reorged" value={status.events.reorged} testId="count-reorged" />
      </dl>
      {(status.chain_error || status.last_error) && (
        <Notice>
          {status.chain_error
            ? `The chain does not answer: ${status.chain_error}`
            : `Last error (${status.last_error_at}): ${status.last_error}`}
        </Notice>
      )}
    </section>
  );
}
