"use client";

// Seed 000's page 3: a batch minted elsewhere (or missed while the listener was down) is created, or
// refreshed, from what the chain holds for its token id.
import { useRouter } from "next/navigation";
import { useState } from "react";

import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { Notice } from "@/components/ui/notice";
import { toast } from "@/components/ui/toast";
import { useApiCall } from "@/components/use-api-call";

export function ImportFromChain() {
  const router = useRouter();
  const { call, error, pending } = useApiCall();
  const [tokenId, setTokenId] = useState("");

  async function submit(form: HTMLFormElement) {
    const answer = await call(
      "POST /api/batches/import-from-blockchain",
      { body: { blockchain_batch_id: tokenId.trim() } },
      form,
    );
    if (!answer) return;
    toast.success(`Token #${tokenId.trim()} ${answer.action === "created" ? "imported" : "refreshed"} from the chain.`);
    router.push(`/batches/${answer.batch_id}`);
  }

  return (
    <Card id="import" title="Import from chain">
      <form
        noValidate
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => (e.preventDefault(), void submit(e.currentTarget))}
      >
        <TextField
          id="import-token-id"
          name="blockchain_batch_id"
          label="Token id"
          inputMode="numeric"
          required
          value={tokenId}
          onChange={(e) => setTokenId(e.target.value)}
          aria-describedby={error ? "import-error" : undefined}
          aria-invalid={error ? true : undefined}
        />
        <Button type="submit" isPending={pending} disabled={pending || tokenId.trim() === ""}>
          {pending ? "Importing…" : "Import"}
        </Button>
      </form>
      <p className="mt-2 text-xs text-stone-500">
        Creates the batch from what the chain holds for that token, or refreshes it if it is already here.
      </p>
      {error && (
        <Notice className="mt-2">
          <span id="import-error">{error}</span>
        </Notice>
      )}
    </Card>
  );
}
