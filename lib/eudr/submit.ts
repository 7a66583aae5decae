// Filing a statement with the EU information system at the endpoint in the eudr_submission setting
// (the SOAP client: lib/eudr/eu-system.ts) and recording the reference and verification numbers it
// answers. A refusal records nothing and says why; the real system cannot be reached from here, so
// tests run a local server speaking the same protocol (test/helpers/eu-dds-server.ts).
import "server-only";

import { and, eq } from "drizzle-orm";

import { ApiError } from "@/lib/api/errors";
import { recordAudit, type Actor } from "@/lib/audit/record";
import { openSecret, type SecretKey } from "@/lib/auth/secret-box";
import type { Db } from "@/lib/db";
import { dueDiligenceStatements } from "@/lib/db/schema";
import { getSetting } from "@/lib/settings/settings";

import { fileStatement } from "./eu-system";
import type { StatementDocument } from "./statement";

/** Files a draft statement with negligible risk; its numbers recorded and audited. */
/** `key` opens the setting's authentication key, kept sealed (lib/auth/secret-box) so neither the table nor the audit log holds it. */
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
  const numbers = await fileStatement(
    {
      url: setting.endpoint_url,
      username: setting.username,
      authenticationKey: setting.api_key ? openSecret(setting.api_key, key) : "",
      webServiceClientId: setting.web_service_client_id,
    },
    row.document as StatementDocument,
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
