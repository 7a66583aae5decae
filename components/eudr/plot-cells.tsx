// A plot's first cells in a table row, alike in the plots list and a batch's plots: its reference
// (linking to its page), its producer and its place.
import Link from "next/link";

import { cellClass } from "@/components/ui/table";

type Plot = { id: number; reference: string; producer_name: string; country: string; region: string | null };

export function PlotCells({ plot }: { plot: Plot }) {
  return (
    <>
      <td className={`${cellClass} font-mono`}>
        <Link href={`/eudr/${plot.id}`} className="underline">
          {plot.reference}
        </Link>
      </td>
      <td className={cellClass}>{plot.producer_name}</td>
      <td className={cellClass}>
        {plot.country}
        {plot.region ? ` · ${plot.region}` : ""}
      </td>
    </>
  );
}
