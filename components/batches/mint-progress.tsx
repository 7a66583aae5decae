export type Step = "idle" | "saving" | "signing" | "submitted" | "mined" | "indexed";

const steps: { step: Step; label: string }[] = [
  { step: "saving", label: "Draft saved" },
  { step: "signing", label: "Signed in your wallet" },
  { step: "submitted", label: "Transaction submitted" },
  { step: "mined", label: "Mined" },
  { step: "indexed", label: "Indexed" },
];

export function MintProgress({ step, txHash }: { step: Step; txHash: string | null }) {
  const current = steps.findIndex((s) => s.step === step);
  return (
    <ol aria-label="Mint progress" className="flex flex-col gap-1 text-sm">
      {steps.map((s, i) => (
        <li key={s.step} className={i <= current ? "text-stone-900 dark:text-stone-100" : "text-stone-400"}>
          {i < current ? "✓" : i === current ? "…" : "○"} {s.label}
          {s.step === "submitted" && txHash && <span className="ml-2 font-mono text-xs">{txHash}</span>}
        </li>
      ))}
    </ol>
  );
}
