// Filing a statement with the EU information system: the client POSTs the statement (the JSON
// rendering of submitDds, lib/eudr/statement.ts) to the endpoint in the eudr_submission setting and
// records the reference and verification numbers it answers. A refusal records nothing and says
// why; the real system cannot be reached from here, so tests run a local server (test/helpers/eu-dds-server.ts).
import "server-only";

import { and, eq } from "drizzle-orm";
import { z } from "zod";

import { ApiError } from "@/lib/api/errors";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { openSecret, type SecretKey } from "@/lib/auth/secret-box";
import type { Db } from "@/lib/db";
import { dueDiligenceStatements } from "@/lib/db/schema";
import { getSetting } from "@/lib/settings/settings";

const ZAccepted = z.object({
  ddsIdentifier: z.string().optional(),
  referenceNumber: z.string().min(1).max(100),
  verificationNumber: z.string().min(1).max(100),
});

const timeoutMs = 15_000;

async function refusal(response: Response): Promise<string> {
  const text = await response.text().catch(() => "");
  try {
    const body = JSON.parse(text) as { error?: { message?: string }; message?: string };
    return body.error?.message ?? body.message ?? text;
  } catch {
    return text.slice(0, 500) || response.statusText;
  }
}

/** Sends the statement; answers the numbers the system gave, or throws its refusal in words. */
export async function sendStatement(endpoint: { url: string; apiKey: string }, document: unknown) {
  let response: Response;
  try {
    response = await fetch(endpoint.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        accept: "application/json",
        ...(endpoint.apiKey ? { authorization: `Bearer ${endpoint.apiKey}` } : {}),
      },
      body: JSON.stringify(document),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "error",
    });
  } catch (error) {
    throw new ApiError(
      "rule_broken",
      `The EU information system at ${endpoint.url} could not be reached: ${(error as Error).message}`,
    );
  }
  if (!response.ok)
    throw new ApiError(
      "rule_broken",
      `The EU information system refused the statement (HTTP ${response.status}): ${await refusal(response)}`,
    );
  const parsed = ZAccepted.safeParse(await response.json().catch(() => null));
  if (!parsed.success)
    throw new ApiError(
      "rule_broken",
      "The EU information system answered without a reference and verification number.",
    );
  return parsed.data;
}

/** Files a draft statement with negligible risk; its numbers recorded and audited. */
/** `key` opens the setting's API key, kept sealed (lib/auth/secret-box) so neither the table nor the audit log holds it. */
export async function submitStatement(db: Db, id: number, actor: Actor, key: SecretKey) {
  const [row] = await db.select().from(dueDiligenceStatements).where(eq(dueDiligenceStatements.id, id));
  if (!row) throw new ApiError("not_found", `Statement ${id} does not exist.`);
  if (row.status === "filed")
    throw new ApiError("conflict", `Statement ${id} is already filed as ${row.referenceNumber}.`);
  if (row.riskLevel !== "negligible")
    throw new ApiError(
      "rule_broken",
      "The risk is not negligible: coffee may not be placed on the EU market until the reasons are resolved and a new statement is generated.",
    );
  const setting = await getSetting(db, "eudr_submission");
  if (!setting.endpoint_url)
    throw new ApiError(
      "rule_broken",
      "No EU information system endpoint is set: an admin sets it on the statements page.",
    );
  const numbers = await sendStatement(
    { url: setting.endpoint_url, apiKey: setting.api_key ? openSecret(setting.api_key, key) : "" },
    row.document,
  );
  return db.transaction(async (tx) => {
    const [filed] = await tx
      .update(dueDiligenceStatements)
      .set({
        status: "filed",
        referenceNumber: numbers.referenceNumber,
        verificationNumber: numbers.verificationNumber,
        filedAt: new Date(),
      })
      .where(and(eq(dueDiligenceStatements.id, id), eq(dueDiligenceStatements.status, "draft")))
      .returning({ id: dueDiligenceStatements.id });
    if (!filed) throw new ApiError("conflict", `Statement ${id} was filed meanwhile.`);
    await recordAudit(tx, {
      entity: "due_diligence_statement",
      entityId: id,
      batchId: row.batchId,
      action: "due_diligence_statement.filed",
      actor,
      after: { reference_number: numbers.referenceNumber, verification_number: numbers.verificationNumber },
    });
    return numbers;
  });
}
