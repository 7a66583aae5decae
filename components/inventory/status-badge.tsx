import { Badge, type Tone } from "@/components/ui/badge";
import { humanize } from "@/lib/format";

const tone: Record<string, Tone> = {
  active: "blue",
  verified: "green",
  flagged: "red",
  expired: "amber",
  redeemed: "gray",
  draft: "gray",
  pending_mint: "amber",
  unverified: "gray",
  pending: "amber",
  failed: "red",
  synced: "green",
  out_of_sync: "amber",
  error: "red",
  mined: "green",
  reverted: "red",
  replaced: "amber",
  dropped: "red",
};

export function StatusBadge({ value }: { value: string }) {
  return <Badge tone={tone[value] ?? "gray"}>{humanize(value)}</Badge>;
}
