import { humanize } from "@/lib/format";

import { toneOf, toneStyles, type Tone } from "./tones";

export type { Tone };

export function Badge({ tone, children }: { tone: Tone; children: React.ReactNode }) {
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${toneStyles[tone].badge}`}>
      {children}
    </span>
  );
}

/** A status, severity, grade or risk value in its registry tone; the label defaults to the value in words. */
export function ValueBadge({ value, children }: { value: string; children?: React.ReactNode }) {
  return <Badge tone={toneOf(value)}>{children ?? humanize(value)}</Badge>;
}
