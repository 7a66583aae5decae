"use client";

// The inventory's rows: sortable headings, status badges, each row's actions, and a selection the
// bulk actions work on. At 1280 px it fits without scrolling: status and actions come first, and
// process, warehouse, on hand, price, grade and token show from 1536 px (they are on the batch's page).
import Link from "next/link";

import { Badge, ValueBadge } from "@/components/ui/badge";
import { SelectAllCell, SelectCell, useSelection } from "@/components/ui/selection";
import { headCellClass, Table, TableHead } from "@/components/ui/table";
import type { BatchJson } from "@/lib/batches/serialize";
import { formatDecimal, humanize } from "@/lib/format";

import { BulkActions } from "./bulk-actions";
import { Available, Quantity } from "./quantity";
import { RowActions, type RowPermissions } from "./row-actions";
import { SortLink } from "./sort-link";

const cell = "px-2 py-2 text-sm whitespace-nowrap";
const wide = "hidden 2xl:table-cell";

type Props = {
  batches: BatchJson[];
  total?: number;
  openAlerts: Record<number, number>;
  // plots
  /** The page's batches that are EUDR-ready; the others carry a "not EUDR-ready" badge. */
  eudrReady: number[];
  values: Record<string, string>;
  can: RowPermissions;
};

export function BatchTable({ batches, total, openAlerts, eudrReady, values, can }: Props) {
  const selection = useSelection(batches.map((b) => ({ id: b.id, code: b.batch_code })));
  const sort = (column: string, label: string, options: { align?: "right"; className?: string } = {}) => (
    <SortLink column={column} label={label} values={values} {...options} />
  );

  return (
    <div className="flex flex-col gap-3">
      <BulkActions
        selected={selection.selected}
        isWholePage={selection.isAllSelected}
        pageSize={batches.length}
        total={total}
        can={can}
      />
      <Table className="divide-y divide-stone-200 dark:divide-stone-800">
        <TableHead isSticky>
          <SelectAllCell selection={selection} count={batches.length} />
          {sort("batch_code", "Batch")}
          {sort("status", "Status")}
          {sort("verification_status", "Verification")}
          {sort("sync_status", "Sync")}
          {sort("origin_country", "Origin")}
          {sort("process", "Process", { className: wide })}
          {sort("warehouse", "Warehouse", { className: wide })}
          {sort("quantity_kg", "Quantity (kg)", { align: "right" })}
          <th scope="col" className={`${headCellClass} text-right ${wide}`}>
            On hand (kg)
          </th>
          <th scope="col" className={`${headCellClass} text-right`} title="On hand, less what orders have reserved">
            Available (kg)
          </th>
          {sort("price_per_kg", "Price / kg (USD)", { align: "right", className: wide })}
          {sort("expiry_date", "Expiry")}
          {sort("quality_grade", "Grade", { className: wide })}
          {sort("risk_score", "Risk")}
          {sort("token_id", "Token", { align: "right", className: wide })}
          <th scope="col" className={`${headCellClass} text-right`}>
            Actions
          </th>
        </TableHead>
        <tbody className="divide-y divide-stone-100 dark:divide-stone-800">
          {batches.map((b) => (
            <tr
              key={b.id}
              data-token-id={b.token_id}
              data-quantity-kg={b.quantity_kg}
              data-available-kg={b.available_kg ?? undefined}
              data-reserved-kg={b.reserved_kg ?? undefined}
              data-batch-id={b.id}
              data-batch-code={b.batch_code}
            >
              <SelectCell selection={selection} row={{ id: b.id, code: b.batch_code }} />
              <td className={`${cell} font-mono font-medium`}>
                <Link href={`/batches/${b.id}`} className="hover:underline">
                  {b.batch_code}
                </Link>
                {openAlerts[b.id] ? (
                  <span className="block">
                    <ValueBadge value="alert">
                      {openAlerts[b.id]} open alert{openAlerts[b.id] > 1 ? "s" : ""}
                    </ValueBadge>
                  </span>
                ) : null}
                {/* plots */}
                {!eudrReady.includes(b.id) && (
                  <span className="block" data-testid="not-eudr-ready">
                    <Badge tone="amber">Not EUDR-ready</Badge>
                  </span>
                )}
              </td>
              <td className={cell} data-column="status">
                <ValueBadge value={b.status} />
              </td>
              <td className={cell} data-column="verification_status">
                <ValueBadge value={b.verification_status} />
              </td>
              <td className={cell} data-column="sync_status">
                <ValueBadge value={b.sync_status} />
              </td>
              <td className="px-2 py-2 text-sm" data-column="origin_country">
                {b.origin_country}
                <span className="text-stone-500">{b.region ? ` · ${b.region}` : ""}</span>
                <span className="block text-xs text-stone-500">{b.cooperative ?? b.farm ?? ""}</span>
              </td>
              <td className={`${cell} ${wide}`} data-column="process">
                {b.process ? humanize(b.process) : "—"}
              </td>
              <td className={`${cell} ${wide}`} data-column="warehouse">
                {b.warehouse ?? "—"}
              </td>
              <td className={`${cell} text-right tabular-nums`} data-column="quantity_kg">
                <Quantity kg={b.quantity_kg} status={b.status} />
              </td>
              <td className={`${cell} ${wide} text-right tabular-nums`} data-column="on_hand_kg">
                {formatDecimal(b.on_hand_kg, 3)}
              </td>
              <td className={`${cell} text-right tabular-nums`} data-column="available_kg">
                <Available batch={b} />
              </td>
              <td className={`${cell} ${wide} text-right tabular-nums`}>{formatDecimal(b.price_per_kg, 2)}</td>
              <td className={`${cell} tabular-nums`} data-column="expiry_date">
                {b.expiry_date}
              </td>
              <td className={`${cell} ${wide}`} data-column="quality_grade">
                {b.quality_grade ? humanize(b.quality_grade) : "—"}
              </td>
              <td className={cell} data-column="risk_level">
                {b.risk_level ? (
                  <ValueBadge value={b.risk_level}>{`${humanize(b.risk_level)} · ${b.risk_score}`}</ValueBadge>
                ) : (
                  "—"
                )}
              </td>
              <td className={`${cell} ${wide} text-right font-mono text-stone-500`}>
                {b.token_id ? `#${b.token_id}` : "—"}
              </td>
              <td className="px-2 py-2 text-right text-sm" data-column="actions">
                <RowActions
                  batchId={b.id}
                  code={b.batch_code}
                  isMinted={b.token_id !== null}
                  openAlerts={openAlerts[b.id] ?? 0}
                  can={can}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
