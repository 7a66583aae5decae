"use client";

// Row selection for any table: a checkbox per row and one in the header for the whole page.
import { useState } from "react";

export type Selectable = { id: number; code: string };

/** Selected rows are kept by id; only rows still on the page count as selected. */
export function useSelection<T extends Selectable>(rows: T[]) {
  const [ids, setIds] = useState<Set<number>>(new Set());
  const selected = rows.filter((r) => ids.has(r.id));
  const isAllSelected = rows.length > 0 && selected.length === rows.length;
  const toggle = (id: number) =>
    setIds((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const toggleAll = () => setIds(isAllSelected ? new Set() : new Set(rows.map((r) => r.id)));
  return { selected, isSelected: (id: number) => ids.has(id), isAllSelected, toggle, toggleAll };
}

type Selection = ReturnType<typeof useSelection>;

export function SelectAllCell({ selection, count }: { selection: Selection; count: number }) {
  return (
    <th scope="col" className="px-2 py-2">
      <input
        type="checkbox"
        aria-label="Select every batch on this page"
        title={`Selects the ${count} batches on this page`}
        checked={selection.isAllSelected}
        onChange={selection.toggleAll}
      />
    </th>
  );
}

export function SelectCell({ selection, row }: { selection: Selection; row: Selectable }) {
  return (
    <td className="px-2 py-2">
      <input
        type="checkbox"
        aria-label={`Select ${row.code}`}
        checked={selection.isSelected(row.id)}
        onChange={() => selection.toggle(row.id)}
      />
    </td>
  );
}
