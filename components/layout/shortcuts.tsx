"use client";

// Keyboard shortcuts on every console page: / searches, j and k walk the rows of the page's table,
// o or Enter opens the row, x selects it, and a row's own actions answer to the key their button
// names in `aria-keyshortcuts`. ? lists them. Typing in a field never triggers one.
import { useState } from "react";
import { useHotkeys } from "react-hotkeys-hook";

import { Dialog } from "@/components/ui/dialog";

export const shortcuts = [
  { keys: "/", does: "Search this list" },
  { keys: "j / k", does: "Next / previous row" },
  { keys: "o or Enter", does: "Open the row" },
  { keys: "x", does: "Select the row" },
  { keys: "c / s / a", does: "The row's Request count / Sync / Alerts" },
  { keys: "?", does: "Show these shortcuts" },
];

const rowsOf = () => Array.from(document.querySelectorAll<HTMLTableRowElement>("main table tbody tr"));

/** The row holding the focus, if the focus is in the page's table. */
const currentRow = () => {
  const row = document.activeElement?.closest("main table tbody tr");
  return row instanceof HTMLTableRowElement ? row : null;
};

function walk(step: 1 | -1) {
  const rows = rowsOf();
  if (rows.length === 0) return;
  const at = rows.indexOf(currentRow() as HTMLTableRowElement);
  const next = rows[at === -1 ? (step === 1 ? 0 : rows.length - 1) : Math.min(rows.length - 1, Math.max(0, at + step))];
  next.tabIndex = -1;
  next.focus();
  next.scrollIntoView({ block: "nearest" });
}

/** Clicks the first element in the focused row that matches. */
const clickInRow = (selector: string) => currentRow()?.querySelector<HTMLElement>(selector)?.click();

export function Shortcuts() {
  const [isHelpOpen, setHelpOpen] = useState(false);
  const options = { useKey: true, preventDefault: true } as const;
  useHotkeys(
    "/",
    () => document.querySelector<HTMLInputElement>("main input[type=search], main input[name=q]")?.focus(),
    options,
  );
  useHotkeys("j", () => walk(1), options);
  useHotkeys("k", () => walk(-1), options);
  useHotkeys("o", () => clickInRow("a[href]"), options);
  // Enter opens only from the row itself: on a link or button inside it, Enter does what it always does.
  useHotkeys("enter", () => clickInRow("a[href]"), {
    ignoreEventWhen: () => !(document.activeElement instanceof HTMLTableRowElement),
  });
  useHotkeys("x", () => clickInRow("input[type=checkbox]"), options);
  useHotkeys(["c", "s", "a"], (event) => clickInRow(`[aria-keyshortcuts="${event.key}"]:not([disabled])`), options);
  useHotkeys("?", () => setHelpOpen(true), options);
  return (
    <Dialog open={isHelpOpen} onOpenChange={setHelpOpen} title="Keyboard shortcuts">
      <table className="text-sm">
        <tbody>
          {shortcuts.map((s) => (
            <tr key={s.keys}>
              <th scope="row" className="py-1 pr-4 text-left font-mono font-normal">
                {s.keys}
              </th>
              <td className="py-1">{s.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
