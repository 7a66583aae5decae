"use client";

// While a return's tokens are on their way (taken back, or sent on after the decision), the page
// says so and is read again every 2 s until the indexer has the transaction.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

const words = { receiving: "Receiving…", deciding: "Carrying out the decision…" } as const;

export function ReturnFollow({ status }: { status: string }) {
  const router = useRouter();
  const isMoving = status === "receiving" || status === "deciding";
  useEffect(() => {
    if (!isMoving) return;
    const timer = setInterval(() => router.refresh(), 2_000);
    return () => clearInterval(timer);
  }, [isMoving, router]);
  if (!isMoving) return null;
  return (
    <p role="status" className="text-sm text-sky-800 dark:text-sky-300" data-testid="return-moving">
      {words[status as keyof typeof words]}
    </p>
  );
}
