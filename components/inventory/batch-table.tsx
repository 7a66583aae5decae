import Link from "next/link";
import type { BatchJson } from "@/lib/batches/serialize";
import { formatDecimal, humanize } from "@/lib/format";
import { StatusBadge } from "./status-badge";

const head = "px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-stone-500";
const cell = "px-3 py-2 text-sm whitespace-nowrap";

export function BatchTable({ batches }: { batches: BatchJson[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white dark:border-stone-800 dark:bg-stone-900">
      <table className="min-w-full divide-y divide-stone-200 dark:divide-stone-800">
        <thead>
          <tr>
            <th className={head}>Batch</th>
            <th className={head}>Origin</th>
            <th className={head}>Farm / cooperative</th>
            <th className={head}>Process</th>
            <th className={`${head} text-right`}>Quantity (kg)</th>
            <th className={`${head} text-right`}>Price / kg (USD)</th>
            <th className={head}>Expiry</th>
            <th className={head}>Status</th>
            <th className={head}>Verification</th>
            <th className={`${head} text-right`}>Token</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100 dark:divide-stone-800">
          {batches.map((b) => (
            <tr key={b.id} data-token-id={b.token_id} data-quantity-kg={b.quantity_kg}>
              <td className={`${cell} font-mono font-medium`}>
                <Link href={`/batches/${b.id}`} className="hover:underline">
                  {b.batch_code}
                </Link>
              </td>
              <td className={cell} data-column="origin_country">
                {b.origin_country}
                <span className="text-stone-500">{b.region ? ` · ${b.region}` : ""}</span>
              </td>
              <td className={cell}>{b.cooperative ?? b.farm ?? "—"}</td>
              <td className={cell}>{b.process ? humanize(b.process) : "—"}</td>
              <td className={`${cell} text-right tabular-nums`} data-column="quantity_kg">
                {formatDecimal(b.quantity_kg, 3)}
              </td>
              <td className={`${cell} text-right tabular-nums`}>{formatDecimal(b.price_per_kg, 2)}</td>
              <td className={`${cell} tabular-nums`}>{b.expiry_date}</td>
              <td className={cell} data-column="status">
                <StatusBadge value={b.status} />
              </td>
              <td className={cell}>
                <StatusBadge value={b.verification_status} />
              </td>
              <td className={`${cell} text-right font-mono text-stone-500`}>{b.token_id ? `#${b.token_id}` : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
