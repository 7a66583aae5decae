"use client";

// Asks the Chainlink consumer (BatchChecks) to check this batch through the DON, from the verifier's wallet.
import { useState } from "react";

import { field, labelStyle } from "@/components/ui/field";

import { WalletAction, type BatchCall } from "./wallet-action";

const checks = [
  { label: "Verify via Chainlink", name: "Verification (quantity, metadata, dates, quality, fraud)" },
  { label: "Check quality via Chainlink", name: "Quality grade" },
  { label: "Check expiry via Chainlink", name: "Expiry" },
];

export function AskChainlink({ call }: { call: BatchCall }) {
  const [check, setCheck] = useState(0);
  return (
    <WalletAction
      call={call}
      kind="chainlink_check"
      args={[check]}
      intro="The chain checks Batchtrail's record itself: the DON calls Batchtrail's API, and the consumer contract applies the answer (a passed verification marks the batch verified on chain)."
      label={checks[check].label}
      done={(hash) => `Sent to the DON in ${hash}; the answer appears below as it arrives.`}
    >
      <label className="flex flex-col gap-1">
        <span className={labelStyle}>Check</span>
        <select className={field} value={check} onChange={(e) => setCheck(Number(e.target.value))}>
          {checks.map((c, i) => (
            <option key={c.label} value={i}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
    </WalletAction>
  );
}
