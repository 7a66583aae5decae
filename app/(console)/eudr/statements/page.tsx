import type { Metadata } from "next";

import { EudrTabs } from "@/components/eudr/eudr-tabs";
import { LayerUpload } from "@/components/eudr/layer-upload";
import { StatementList } from "@/components/eudr/statement-list";
import { SubmissionSettingForm } from "@/components/eudr/submission-setting-form";
import { Card, Empty } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { cellClass, numeric, numericCellClass, rowClass, Table, TableHead } from "@/components/ui/table";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/server";
import { can } from "@/lib/endpoints/permissions";
import { statementJson } from "@/lib/eudr/json";
import { listLayers } from "@/lib/eudr/layers";
import { listStatements } from "@/lib/eudr/statements";
import { getSetting } from "@/lib/settings/settings";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Due diligence statements" };

export default async function StatementsPage() {
  const user = await requirePageUser("/eudr/statements");
  const db = getDb();
  const canSeeLayers = can(user, "GET /api/due-diligence/layers");
  const isAdmin = can(user, "PUT /api/due-diligence/settings");
  const [statements, layers, setting] = await Promise.all([
    listStatements(db, user.scope, { limit: 200 }),
    canSeeLayers ? listLayers(db) : Promise.resolve([]),
    isAdmin ? getSetting(db, "eudr_submission") : Promise.resolve(null),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Due diligence statements">
        EUDR statements for batches and orders, their filing with the EU information system, and the deforestation
        layers plots are checked against.
      </PageHeader>
      <EudrTabs current="statements" />
      <Card title="Statements">
        <StatementList
          statements={statements.map(statementJson)}
          canSubmit={can(user, "POST /api/due-diligence/statements/[statement_id]/submit")}
        />
      </Card>
      {canSeeLayers && (
        <Card title="Deforestation layers">
          {can(user, "POST /api/due-diligence/layers") && <LayerUpload />}
          {layers.length ? (
            <Table label="Deforestation layers">
              <TableHead columns={["Layer", numeric("Areas"), numeric("Plots overlapping"), "Uploaded"]} />
              <tbody>
                {layers.map((l) => (
                  <tr key={l.id} className={rowClass}>
                    <td className={cellClass}>{l.name}</td>
                    <td className={numericCellClass}>{l.featureCount}</td>
                    <td className={numericCellClass}>{l.plotsOverlapping}</td>
                    <td className={cellClass}>{l.createdAt.toISOString().slice(0, 10)}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          ) : (
            <Empty>No deforestation layer uploaded yet.</Empty>
          )}
        </Card>
      )}
      {setting && (
        <Card title="EU information system">
          <SubmissionSettingForm
            setting={{
              endpoint_url: setting.endpoint_url,
              username: setting.username,
              web_service_client_id: setting.web_service_client_id,
              operator_eori: setting.operator_eori,
              operator_address: setting.operator_address,
              operator_country: setting.operator_country,
              has_api_key: setting.api_key !== "",
            }}
          />
        </Card>
      )}
    </div>
  );
}
