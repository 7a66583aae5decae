// The batch's audit trail, oldest first: every record with who did it and what changed.
import { BrowserCheck } from "@/components/trace/browser-check";
import { buttonClass } from "@/components/ui/button";
import { Card, Empty } from "@/components/ui/card";
import { Row, Table, TableHead } from "@/components/ui/table";
import { formatWhen, shortHash } from "@/components/verification/display";
import type { AuditJson } from "@/lib/audit/history";
import { fieldWords, valueWords } from "@/lib/audit/words";

const cap = (text: string) => (text.length > 160 ? `${text.slice(0, 160)}…` : text);

/** "verification.passed" and "chain.BatchCreated" as "Verification passed" and "On chain: batch created". */
export const actionWords = (action: string) => {
  const [scope, what] = action.split(".");
  return scope === "chain"
    ? `On chain: ${fieldWords(what).replace(/^\w/, (c) => c.toLowerCase())}`
    : `${fieldWords(scope).replace(/^\w/, (c) => c.toUpperCase())} ${fieldWords(what ?? "")}`.trim();
};

/** One line per field that either side names: "status: open → resolved", in kg, dates and USD. */
function Change({ before, after, isChain }: { before: unknown; after: unknown; isChain: boolean }) {
  const show = (key: string, v: unknown) => cap(valueWords(key, v, isChain));
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  if (keys.length === 0) return <span className="text-stone-400">—</span>;
  return (
    <ul className="text-xs">
      {keys.map((k) => (
        <li key={k} className="break-words">
          {fieldWords(k)}: {k in b && <span className="text-stone-500">{show(k, b[k])} → </span>}
          {k in a ? show(k, a[k]) : <span className="text-stone-400">removed</span>}
        </li>
      ))}
    </ul>
  );
}

export const actorLabel = (actor: AuditJson["actor"]) =>
  actor.kind === "user"
    ? actor.label
    : actor.kind === "api_key"
      ? `API key ${actor.id}`
      : actor.label
        ? `${actor.kind} ${actor.label}`
        : actor.kind;

/** Links to the public trace page and the batch's label; the proofs of its latest records checked in the browser. */
function Provenance({
  batch,
  rpcUrl,
  positions,
}: {
  batch: { id: number; code: string };
  rpcUrl: string | null;
  positions: number[];
}) {
  return (
    <div className="flex flex-wrap items-start gap-2 text-sm">
      <a className={buttonClass()} href={`/trace/${encodeURIComponent(batch.code)}`}>
        Public trace page
      </a>
      <a className={buttonClass()} href={`/api/labels?ids=${batch.id}&format=pdf`}>
        Label (PDF)
      </a>
      <a className={buttonClass()} href={`/api/labels?ids=${batch.id}&format=png`}>
        Label (PNG)
      </a>
      {rpcUrl && positions.length > 0 && <BrowserCheck rpcUrl={rpcUrl} positions={positions} />}
    </div>
  );
}

export function AuditTrail({
  records,
  batch,
  rpcUrl,
}: {
  records: AuditJson[];
  batch: { id: number; code: string };
  rpcUrl: string | null;
}) {
  return (
    <Card id="audit" title="Audit trail">
      <Provenance batch={batch} rpcUrl={rpcUrl} positions={records.slice(-20).map((r) => r.position)} />
      {records.length === 0 ? (
        <Empty>Nothing recorded yet.</Empty>
      ) : (
        <Table isFramed={false}>
          <TableHead columns={["When", "Action", "Actor", "Before → after", "Note", "Transaction"]} />
          <tbody>
            {records.map((r) => (
              <Row key={r.position} data-testid="audit-record" data-action={r.action}>
                <td className="whitespace-nowrap px-2 py-1.5 text-xs">{formatWhen(r.created_at)}</td>
                <td className="px-2 py-1.5 text-xs">{actionWords(r.action)}</td>
                <td className="px-2 py-1.5 text-xs">{actorLabel(r.actor)}</td>
                <td className="max-w-xl px-2 py-1.5">
                  <Change before={r.before} after={r.after} isChain={r.action.startsWith("chain.")} />
                </td>
                <td className="px-2 py-1.5">{r.note ?? ""}</td>
                <td className="px-2 py-1.5 font-mono text-xs">
                  {r.tx_hash ? <span title={r.tx_hash}>{shortHash(r.tx_hash)}</span> : ""}
                </td>
              </Row>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
