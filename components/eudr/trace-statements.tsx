// On the public trace page: the EU due diligence statements filed for the batch, by their reference
// and verification numbers, so a buyer can name them in its own statement.
import { getDb } from "@/lib/db/server";
import { filedForBatch } from "@/lib/eudr/statements";

export async function TraceStatements({ batchId }: { batchId: number }) {
  const filed = await filedForBatch(getDb(), batchId);
  if (!filed.length) return null;
  return (
    <section aria-labelledby="due-diligence" className="space-y-2 text-sm" data-testid="trace-statements">
      <h2 id="due-diligence" className="text-base font-semibold">
        EU due diligence statements
      </h2>
      <p className="text-stone-600 dark:text-stone-400">
        Filed with the EU information system under the Deforestation Regulation (EU) 2023/1115.
      </p>
      <ul className="space-y-1">
        {filed.map((s) => (
          <li key={s.referenceNumber}>
            Reference <span className="font-mono">{s.referenceNumber}</span>, verification{" "}
            <span className="font-mono">{s.verificationNumber}</span>
            {s.filedAt && <span className="text-stone-500"> · filed {s.filedAt.toISOString().slice(0, 10)}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
