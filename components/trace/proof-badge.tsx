// A step's proof, as the server checked it against the chain.
import { Badge } from "@/components/ui/badge";
import type { Verdict } from "@/lib/provenance/verify";

export function ProofBadge({ verdict }: { verdict: Verdict }) {
  const tone = verdict.status === "verified" ? "green" : verdict.status === "not_anchored" ? "amber" : "red";
  const label = verdict.status === "verified" ? `✓ ${verdict.message.replace(/\.$/, "")}` : verdict.status === "not_anchored" ? "Not anchored on chain yet" : `✗ ${verdict.message}`;
  return (
    <span data-testid="proof-badge" data-status={verdict.status} title={verdict.message}>
      <Badge tone={tone}>{label}</Badge>
    </span>
  );
}
