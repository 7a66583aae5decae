// Chainlink checks of this batch: each one's stage as it moves (sent, answered, fulfilled, applied,
// or failed), the answer decoded, and its transactions. Live through the batch stream.
import { TxLink } from "@/components/events/tx-link";
import { Badge, type Tone } from "@/components/ui/badge";
import { formatWhen } from "@/components/verification/display";
import type { CheckJson } from "@/lib/chainlink/list";
import { Empty, headRowStyle, Section, tableStyle } from "./section";

const stageTone: Record<CheckJson["stage"], Tone> = { sent: "amber", answered: "blue", fulfilled: "green", applied: "green", failed: "red" };
const checkName: Record<CheckJson["check"], string> = { verify_batch: "Verification", quality_check: "Quality", expiry_check: "Expiry" };

function Answer({ c }: { c: CheckJson }) {
  if (c.passed === null) return <span className="text-stone-500">{c.stage === "failed" ? "No answer." : "Waiting for the DON."}</span>;
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={c.passed ? "green" : "red"}>{c.passed ? "passed" : "did not pass"}</Badge>
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

export function ChainlinkSection({ checks, explorerUrl, action }: { checks: CheckJson[]; explorerUrl: string | null; action?: React.ReactNode }) {
  return (
    <Section id="chainlink" title="Chainlink checks">
      <div className="flex flex-col gap-4">
        {checks.length === 0 ? (
          <Empty>No Chainlink check has been asked for this batch.</Empty>
        ) : (
          <div className="overflow-x-auto">
            <table className={tableStyle}>
              <thead>
                <tr className={headRowStyle}>
                  <th className="py-2 pr-4">Asked</th>
                  <th className="py-2 pr-4">Check</th>
                  <th className="py-2 pr-4">Stage</th>
                  <th className="py-2 pr-4">Answer</th>
                  <th className="py-2 pr-4">Transactions</th>
                </tr>
              </thead>
              <tbody>
                {checks.map((c) => (
                  <tr key={c.chainlink_request_id} data-testid="chainlink-check" data-stage={c.stage} className="border-t border-stone-200 align-top dark:border-stone-800">
                    <td className="py-1.5 pr-4">
                      <div>{formatWhen(c.created_at)}</div>
                      {c.requester && <div className="font-mono text-xs text-stone-500">{c.requester}</div>}
                    </td>
                    <td className="py-1.5 pr-4">{checkName[c.check]}</td>
                    <td className="py-1.5 pr-4">
                      <Badge tone={stageTone[c.stage]}>{c.stage}</Badge>
                      {c.error && <div className="mt-1 max-w-xs break-words text-xs text-red-700 dark:text-red-300">{c.error}</div>}
                    </td>
                    <td className="py-1.5 pr-4">
                      <Answer c={c} />
                    </td>
                    <td className="py-1.5 pr-4 text-xs">
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
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {action}
      </div>
    </Section>
  );
}
