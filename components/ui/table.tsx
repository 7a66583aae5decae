// Tables: a bordered, scrolling frame with a sticky header (and on a phone a sticky first column),
// one header-row style, and an empty state.
import Link from "next/link";

import { frameClass } from "./card";

export const headRowClass = "text-left text-xs uppercase tracking-wide text-stone-500";
export const headCellClass = "px-2 py-2 font-semibold";
export const cellClass = "px-2 py-1.5";
export const rowClass = "border-t border-stone-200 dark:border-stone-800";

type TableProps = {
  children: React.ReactNode;
  className?: string;
  isFramed?: boolean;
  label?: string;
  testId?: string;
};

/** A framed table scrolls inside its frame, so its header stays in view over long lists; an unframed one sits in a card. */
export function Table({ children, className = "", isFramed = true, label, testId }: TableProps) {
  const table = (
    <table aria-label={label} data-testid={testId} className={`min-w-full text-left text-sm ${className}`}>
      {children}
    </table>
  );
  // A scrolling frame takes focus, so a keyboard can scroll it too.
  if (!isFramed)
    return (
      <div tabIndex={0} className="sticky-first -mx-2 min-w-0 overflow-x-auto">
        {table}
      </div>
    );
  return (
    <div tabIndex={0} className={`sticky-first max-h-[75vh] overflow-auto ${frameClass}`}>
      {table}
    </div>
  );
}

/** A column heading; a numeric column's heading sits right, over its right-aligned figures. */
export type Column = React.ReactNode | { label: React.ReactNode; isNumeric: true };
const isNumeric = (c: Column): c is { label: React.ReactNode; isNumeric: true } =>
  typeof c === "object" && c !== null && "isNumeric" in c;
/** A numeric column: its heading and its cells right-aligned, figures of equal width. */
export const numeric = (label: React.ReactNode): Column => ({ label, isNumeric: true });
export const numericCellClass = `${cellClass} text-right tabular-nums`;

/** The header row; in a framed table it sticks to the top of the frame. */
export function TableHead({
  columns,
  children,
  isSticky = false,
}: {
  columns?: Column[];
  children?: React.ReactNode;
  isSticky?: boolean;
}) {
  return (
    <thead
      className={
        isSticky
          ? "sticky top-0 z-10 bg-white shadow-[0_1px_0_0] shadow-stone-200 dark:bg-stone-900 dark:shadow-stone-800"
          : undefined
      }
    >
      <tr className={headRowClass}>
        {children}
        {columns?.map((c, i) => (
          <th key={i} scope="col" className={isNumeric(c) ? `${headCellClass} text-right` : headCellClass}>
            {isNumeric(c) ? c.label : c}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** One row across the table saying it has nothing to show. */
export function EmptyRow({ columns, children }: { columns: number; children: React.ReactNode }) {
  return (
    <tr>
      <td colSpan={columns} className="px-2 py-6 text-center text-sm text-stone-500">
        {children}
      </td>
    </tr>
  );
}

/** Several things (a wallet's addresses, an organisation's wallets), one a line. */
export const Lines = ({ lines }: { lines: string[] }) => lines.map((line, i) => <div key={i}>{line}</div>);

/** A body row; its cells sit at its top, so a cell that wraps to several lines leaves the others aligned. */
export function Row({ className = "", ...props }: React.ComponentProps<"tr">) {
  return <tr {...props} className={`${rowClass} align-top ${className}`.trim()} />;
}

/** A cell naming a record by its code (a batch, an order, a return), linking to its page. */
export function LinkCell({ href, label, children }: { href: string; label?: string; children: React.ReactNode }) {
  return (
    <td className={`${cellClass} font-mono`}>
      <Link href={href} className="underline-offset-2 hover:underline" aria-label={label}>
        {children}
      </Link>
    </td>
  );
}

/** A column of a ColumnTable: its heading, how a row's cell reads, and the cell's own classes. */
export type ColumnOf<T> = { label: string; cell: (row: T) => React.ReactNode; className?: string };

/**
 * A table in a card drawn from its columns: one row a record, keyed by its id, which the row also
 * carries as `data-${idName}` for tests and scripts; `empty` is said when there are no rows.
 */
export function ColumnTable<T extends { id: number }>({
  rows,
  columns,
  idName,
  empty,
  label,
}: {
  rows: T[];
  columns: ColumnOf<T>[];
  idName?: string;
  empty?: React.ReactNode;
  label?: string;
}) {
  return (
    <Table isFramed={false} label={label}>
      <TableHead columns={columns.map((c) => c.label)} />
      <tbody>
        {rows.length === 0 && empty && <EmptyRow columns={columns.length}>{empty}</EmptyRow>}
        {rows.map((row) => (
          <Row key={row.id} {...(idName && { [`data-${idName}`]: row.id })}>
            {columns.map((c) => (
              <td key={c.label} className={`px-2 py-1 ${c.className ?? ""}`.trim()}>
                {c.cell(row)}
              </td>
            ))}
          </Row>
        ))}
      </tbody>
    </Table>
  );
}
