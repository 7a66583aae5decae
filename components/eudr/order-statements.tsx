// The order's due diligence statements (its own and its batches'), with the EU reference and
// verification numbers a buyer needs to name them in its own statement.
import { Card } from "@/components/ui/card";
import type { Scope } from "@/lib/auth/scope";
import type { Db } from "@/lib/db";
import { statementJson } from "@/lib/eudr/json";
import { listStatements } from "@/lib/eudr/statements";

import { GenerateStatement } from "./generate-statement";
import { StatementList } from "./statement-list";

type Props = { db: Db; scope: Scope; orderId: number; canGenerate: boolean; canSubmit: boolean };

export async function OrderStatements({ db, scope, orderId, canGenerate, canSubmit }: Props) {
  const statements = (await listStatements(db, scope, { orderId })).map(statementJson);
  return (
    <Card id="order-due-diligence" title="Due diligence statements">
      {canGenerate && <GenerateStatement subject={{ order_id: orderId }} />}
      <StatementList statements={statements} canSubmit={canSubmit} />
    </Card>
  );
}
