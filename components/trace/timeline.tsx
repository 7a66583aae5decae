// The batch's journey, oldest first: what happened, when, where, its transaction and its proof.
import { toneStyles } from "@/components/ui/tones";
import type { TraceStep } from "@/lib/provenance/trace";

import { ProofBadge } from "./proof-badge";

const day = (iso: string) =>
  new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const short = (hash: string) => `${hash.slice(0, 10)}…${hash.slice(-6)}`;

export function Timeline({ steps, explorerUrl }: { steps: TraceStep[]; explorerUrl: string | null }) {
  if (!steps.length) return <p className="text-sm text-stone-500">Nothing recorded for this batch yet.</p>;
  return (
    <ol className="relative border-l border-stone-300 pl-6 dark:border-stone-700" aria-label="Journey">
      {steps.map((s) => (
        <li key={s.position} data-testid="trace-step" data-kind={s.kind} className="mb-6 last:mb-0">
          <span className={`absolute -left-1.5 mt-1.5 h-3 w-3 rounded-full ${toneStyles.green.dot}`} aria-hidden />
          <h3 className="font-medium">{s.title}</h3>
          <p className="text-sm text-stone-600 dark:text-stone-400">
            <time dateTime={s.at}>{day(s.at)}</time>
            {s.place && <> · {s.place}</>}
            {s.detail && <> · {s.detail}</>}
            {s.times > 1 && (
              <>
                {" "}
                · {s.times} times, last on <time dateTime={s.lastAt}>{day(s.lastAt)}</time>
              </>
            )}
          </p>
          <div className="mt-1 flex flex-wrap items-center gap-2 text-xs">
            <ProofBadge verdict={s.verdict} />
            {s.txHash &&
              (explorerUrl ? (
                <a
                  href={`${explorerUrl}/tx/${s.txHash}`}
                  target="_blank"
                  rel="noreferrer"
                  className="font-mono underline"
                >
                  tx {short(s.txHash)}
                </a>
              ) : (
                <span className="font-mono text-stone-500" title={s.txHash}>
                  tx {short(s.txHash)}
                </span>
              ))}
            <span className="text-stone-400">audit record {s.position}</span>
          </div>
        </li>
      ))}
    </ol>
  );
}
