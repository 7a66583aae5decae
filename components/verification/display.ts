// How verification records read on screen: badge tones per status, severity and grade, and timestamps.
import type { Tone } from "@/components/ui/badge";

export const requestTone: Record<string, Tone> = { pending: "amber", approved: "green", rejected: "red" };
export const severityTone: Record<string, Tone> = { low: "gray", medium: "amber", high: "red", critical: "red" };
export const gradeTone: Record<string, Tone> = { specialty: "green", premium: "blue", exchange: "amber", below_standard: "red" };

export const scoreTone = (score: number): Tone => (score >= 75 ? "red" : score >= 50 ? "amber" : "green");

/** "2026-11-23 18:04:05 UTC": the same on server and browser, so nothing shifts on hydration. */
export const formatWhen = (iso: string | null) => (iso ? `${iso.slice(0, 19).replace("T", " ")} UTC` : "—");

export const shortHash = (hash: string) => `${hash.slice(0, 10)}…${hash.slice(-6)}`;
