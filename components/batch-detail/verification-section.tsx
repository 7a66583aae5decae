// Verification: where the batch stands off and on chain, its requests, and the actions the role allows.
import { ValueBadge } from "@/components/ui/badge";
import { Card, Empty } from "@/components/ui/card";
import type { RequestJson } from "@/lib/verification/requests";

import { ActionButton } from "./action-button";
import { RequestHistory } from "./request-history";
import { RunVerification } from "./run-verification";

type Props = {
  batchId: number;
  verificationStatus: string;
  isMinted: boolean;
  isVerifiedOnchain: boolean | null;
  requests: RequestJson[];
  canRequest: boolean;
  canVerify: boolean;
  /** The wallet part, when the batch is verified off chain only and the viewer may act on it. */
  onchainAction?: React.ReactNode;
};

export function VerificationSection({
  batchId,
  verificationStatus,
  isMinted,
  isVerifiedOnchain,
  requests,
  canRequest,
  canVerify,
  onchainAction,
}: Props) {
  const hasPending = requests.some((r) => r.status === "pending");
  return (
    <Card
      id="verification"
      title="Verification"
      actions={
        isMinted &&
        canRequest &&
        !hasPending && (
          <ActionButton
            label="Request verification"
            pendingLabel="Requesting…"
            doneMessage="Verification requested: a count is waiting for a verifier."
            action="request-verification"
            batchId={batchId}
          />
        )
      }
    >
      <div className="flex flex-col gap-4">
        <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="verification-status">
          Off chain: <ValueBadge value={verificationStatus} />
          <span className="text-stone-500">·</span>
          On chain:{" "}
          {isVerifiedOnchain === null ? (
            <span className="text-stone-500">unknown</span>
          ) : (
            <ValueBadge value={isVerifiedOnchain ? "verified" : "unverified"} />
          )}
          {hasPending && <span className="text-stone-500">· a count is waiting for a verifier</span>}
        </p>
        {!isMinted ? (
          <Empty>Only a minted batch can be verified.</Empty>
        ) : requests.length === 0 ? (
          <Empty>No verification has been requested yet.</Empty>
        ) : (
          <RequestHistory requests={requests} />
        )}
        {isMinted && canVerify && <RunVerification batchId={batchId} />}
        {onchainAction}
      </div>
    </Card>
  );
}
