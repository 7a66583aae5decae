// How verification records read on screen: timestamps and transaction hashes.
import type { Fact } from "@/components/ui/facts";

/** "2026-11-23 18:04:05 UTC": the same on server and browser, so nothing shifts on hydration. */
export const formatWhen = (iso: string | null) => (iso ? `${iso.slice(0, 19).replace("T", " ")} UTC` : "—");

export const shortHash = (hash: string) => `${hash.slice(0, 10)}…${hash.slice(-6)}`;

/** The dates something moved as facts: those it reached, in the order given. */
export const dateFacts = (dates: readonly (readonly [label: string, at: string | null])[]): Fact[] =>
  dates.flatMap(([label, at]) => (at ? [[label, formatWhen(at)] as Fact] : []));
