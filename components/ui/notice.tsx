// A standing condition the reader must know before acting (wrong network, no role, a source down): shown in place, not toasted.
import { toneStyles, type Tone } from "./tones";

export function Notice({
  tone = "red",
  children,
  className = "",
}: {
  tone?: Tone;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <p role="alert" className={`text-sm ${toneStyles[tone].text} ${className}`}>
      {children}
    </p>
  );
}
