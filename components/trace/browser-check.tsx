"use client";

// Checks the proofs again in the browser, against the chain directly: the page's verdicts need not be
// trusted. viem loads only when asked, so the page itself stays small. `positions` fetches full
// proofs (with the record, for signed-in users); `proofs` are public ones that start from the hash.
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { call } from "@/lib/endpoints/client";
import type { Proof, Verdict } from "@/lib/provenance/verify";

type Props = { rpcUrl: string; proofs?: Proof[]; positions?: number[] };

export function BrowserCheck({ rpcUrl, proofs, positions }: Props) {
  const [results, setResults] = useState<{ position: number; verdict: Verdict }[] | null>(null);
  const [isChecking, setIsChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function check() {
    setIsChecking(true);
    setError(null);
    try {
      const [{ createPublicClient, http }, { verifyProof }] = await Promise.all([
        import("viem"),
        import("@/lib/provenance/verify"),
      ]);
      const client = createPublicClient({ transport: http(rpcUrl) });
      const list =
        proofs ??
        (await Promise.all(
          (positions ?? []).map((p) => call("GET /api/audit/[record_id]/proof", { params: { record_id: p } })),
        ));
      setResults(
        await Promise.all(list.map(async (p) => ({ position: p.position, verdict: await verifyProof(p, client) }))),
      );
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setIsChecking(false);
    }
  }

  return (
    <div className="text-sm">
      <Button isPending={isChecking} onClick={check}>
        {isChecking ? "Checking…" : "Check the proofs in this browser"}
      </Button>
      <div aria-live="polite" className="mt-2">
        {error && <Notice>Could not check: {error}</Notice>}
        {results && (
          <ul data-testid="browser-check" className="space-y-1">
            {results.map((r) => (
              <li key={r.position} data-status={r.verdict.status}>
                Record {r.position}: {r.verdict.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
