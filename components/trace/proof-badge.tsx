// A step's proof, as the server checked it against the chain.
import { ValueBadge } from "@/components/ui/badge";
import type { Verdict } from "@/lib/provenance/verify";

export function ProofBadge({ verdict }: { verdict: Verdict }) {
  const label = {
    verified: `✓ ${verdict.message.replace(/\.$/, "")}`,
    not_anchored: "Not anchored on chain yet",
    unreachable: "Proof not checked: the chain could not be read",
    mismatch: `✗ ${verdict.message}`,
  };
  return (
    <span data-testid="proof-badge" data-status={verdict.status} title={verdict.message}>
      <ValueBadge value={verdict.status}>{label[verdict.status]}</ValueBadge>
    </span>
  );
}
