// Chainlink checks of this batch: each one's stage as it moves (sent, answered, fulfilled, applied,
// or failed), the answer decoded, and its transactions. Live through the batch stream.
import { TxLink } from "@/components/events/tx-link";
import { Badge, ValueBadge } from "@/components/ui/badge";
import { Card, Empty } from "@/components/ui/card";
import { Row, Table, TableHead } from "@/components/ui/table";
import { toneOf, toneStyles } from "@/components/ui/tones";
import { formatWhen } from "@/components/verification/display";
import type { CheckJson } from "@/lib/chainlink/list";

const checkName: Record<CheckJson["check"], string> = {
  verify_batch: "Verification",
  quality_check: "Quality",
  expiry_check: "Expiry",
};

function Answer({ c }: { c: CheckJson }) {
  if (c.passed === null)
    return <span className="text-stone-500">{c.stage === "failed" ? "No answer." : "Waiting for the DON."}</span>;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={toneOf(c.passed ? "passed" : "failed")}>{c.passed ? "passed" : "did not pass"}</Badge>
        <span className="font-mono text-xs" title={c.code_meaning}>
          code {c.code}
        </span>
      </div>
      {c.reasons?.map((r) => (
        <div key={r} className="text-xs text-stone-500">
          {r}
        </div>
      ))}
    </div>
  );
}

export function ChainlinkSection({
  checks,
  explorerUrl,
  action,
}: {
  checks: CheckJson[];
  explorerUrl: string | null;
  action?: React.ReactNode;
}) {
  return (
    <Card id="chainlink" title="Chainlink checks">
      <div className="flex flex-col gap-4">
        {checks.length === 0 ? (
          <Empty>No Chainlink check has been asked for this batch.</Empty>
        ) : (
          <Table isFramed={false}>
            <TableHead columns={["Asked", "Check", "Stage", "Answer", "Transactions"]} />
            <tbody>
              {checks.map((c) => (
                <Row key={c.chainlink_request_id} data-testid="chainlink-check" data-stage={c.stage}>
                  <td className="px-2 py-1.5">
                    <div>{formatWhen(c.created_at)}</div>
                    {c.requester && <div className="font-mono text-xs text-stone-500">{c.requester}</div>}
                  </td>
                  <td className="px-2 py-1.5">{checkName[c.check]}</td>
                  <td className="px-2 py-1.5">
                    <ValueBadge value={c.stage}>{c.stage}</ValueBadge>
                    {c.error && (
                      <div className={`mt-1 max-w-xs break-words text-xs ${toneStyles.red.text}`}>{c.error}</div>
                    )}
                  </td>
                  <td className="px-2 py-1.5">
                    <Answer c={c} />
                  </td>
                  <td className="px-2 py-1.5 text-xs">
                    {c.request_tx && (
                      <div>
                        asked <TxLink hash={c.request_tx} explorerUrl={explorerUrl} />
                      </div>
                    )}
                    {c.settle_tx && (
                      <div>
                        answered <TxLink hash={c.settle_tx} explorerUrl={explorerUrl} />
                      </div>
                    )}
                  </td>
                </Row>
              ))}
            </tbody>
          </Table>
        )}
        {action}
      </div>
    </Card>
  );
}
