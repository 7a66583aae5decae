// A standing condition the reader must know before acting (wrong network, no role, a source down): shown in place, not toasted.
import { toneStyles, type Tone } from "./tones";

type Props = { tone?: Tone; children: React.ReactNode; className?: string };

export function Notice({ tone = "red", children, className = "" }: Props) {
  return (
    <p role="alert" className={`text-sm ${toneStyles[tone].text} ${className}`}>
      {children}
    </p>
  );
}
