// An unknown or mistyped batch code on the public trace page: say so plainly, and how to find the right one.
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Batch not found" };

export default function TraceNotFound() {
  return (
    <main className="mx-auto max-w-2xl space-y-4 px-4 py-16">
      <p className="text-xs uppercase tracking-widest text-stone-500">Batchtrail · provenance</p>
      <h1 className="text-2xl font-semibold">No batch with this code</h1>
      <p className="text-stone-600 dark:text-stone-400">
        We could not find a coffee batch with the code in this address. Check the code printed on the bag&apos;s label
        (for example <span className="font-mono">KEN-NYE-2025-0003</span>), or scan its QR code again: it opens the
        right page.
      </p>
      <p className="text-sm text-stone-500">
        If the code on the label does not work, the seller can tell you more about the batch.
      </p>
    </main>
  );
}
