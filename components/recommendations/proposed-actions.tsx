// "Proposed actions": the monitoring agent's open recommendations, each with its factors, confidence
// and expected effect, Accept and Dismiss for those the user may decide, and the acceptance rate per
// kind. Staff only: recommendations speak of every organisation's batches.
import Link from "next/link";

import { Card, Empty } from "@/components/ui/card";
import { cellClass, rowClass, Table, TableHead } from "@/components/ui/table";
import { scopeOfUser } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/users";
import { getDb } from "@/lib/db/server";
import { humanize } from "@/lib/format";
import { decidedBy } from "@/lib/recommendations/decide";
import { listRecommendations } from "@/lib/recommendations/list";
import { recommendationStats } from "@/lib/recommendations/stats";

import { DecideRecommendation } from "./decide-recommendation";

const percent = (x: number | null) => (x === null ? "—" : `${Math.round(x * 100)}%`);

type Props = { user: Pick<SessionUser, "role" | "isPending" | "organisationId" | "organisationKind"> };

export async function ProposedActions({ user }: Props) {
  // Staff see every organisation's batches; members and pending wallets see no proposals.
  if (scopeOfUser(user).kind !== "all") return null;
  const db = getDb();
  const [open, stats] = await Promise.all([
    listRecommendations(db, { status: "open", limit: 20 }),
    recommendationStats(db),
  ]);
  return (
    <section aria-labelledby="proposed-actions" className="flex flex-col gap-4" data-testid="proposed-actions">
      <h2 id="proposed-actions" className="text-lg font-semibold">
        Proposed actions
      </h2>
      {open.data.length === 0 ? (
        <Card>
          <Empty>No proposed actions: the monitoring agent has nothing to suggest.</Empty>
        </Card>
      ) : (
        open.data.map((r) => (
          <Card
            key={r.id}
            id={`recommendation-${r.id}`}
            title={r.title}
            data-kind={r.kind}
            actions={decidedBy[r.kind].includes(user.role) && <DecideRecommendation id={r.id} title={r.title} />}
          >
            <p className="text-sm">
              <span className="font-semibold" data-testid="confidence">
                {percent(r.confidence)} confident.
              </span>{" "}
              {r.expected_effect}
              {r.batch_id !== null && (
                <>
                  {" "}
                  <Link href={`/batches/${r.batch_id}`} className="underline">
                    Open the batch
                  </Link>
                  .
                </>
              )}
            </p>
            <Table isFramed={false} label={`Factors of ${r.title}`}>
              <TableHead columns={["Factor", "Value", "Why it counts"]} />
              <tbody>
                {r.factors.map((f) => (
                  <tr key={f.name} className={rowClass}>
                    <td className={cellClass}>{f.name}</td>
                    <td className={`${cellClass} font-mono text-xs`}>{f.value}</td>
                    <td className={`${cellClass} text-xs`}>{f.note}</td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </Card>
        ))
      )}
      <Card title="Acceptance rate per kind">
        <Table isFramed={false} label="Acceptance rate per kind" testId="acceptance-rates">
          <TableHead columns={["Kind", "Proposed", "Accepted", "Dismissed", "Open", "Acceptance"]} />
          <tbody>
            {stats.map((s) => (
              <tr key={s.kind} className={rowClass} data-kind={s.kind}>
                <td className={cellClass}>{humanize(s.kind)}</td>
                <td className={cellClass}>{s.proposed}</td>
                <td className={cellClass}>{s.accepted}</td>
                <td className={cellClass}>{s.dismissed}</td>
                <td className={cellClass}>{s.open}</td>
                <td className={cellClass}>{percent(s.acceptance_rate)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </section>
  );
}
