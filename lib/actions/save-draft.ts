"use server";

import { saveDraft } from "@/lib/batches/drafts";
import { ZNewBatch } from "@/lib/batches/schemas";
import { getDb } from "@/lib/db/server";
import { getEnv } from "@/lib/env";

import { runAction } from "./safe-action";

/** Stores the batch as a draft and returns the createBatch arguments (as strings) for the wallet to sign. */
export async function saveDraftAction(input: unknown) {
  return runAction("ACTION save-draft", async (user) => {
    const draft = await saveDraft(getDb(), getEnv().CHAIN_ID, ZNewBatch.parse(input), {
      kind: "user",
      id: String(user.id),
    });
    return { id: draft.id, args: draft.args.map(String) };
  });
}
