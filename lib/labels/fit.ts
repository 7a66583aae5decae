// Fitting a label's text to its width: shrink to fit, then wrap at spaces (or hyphens), never cut.

/** Lines of `text` at the largest size from `max` down to `min` that fits `width` in `maxLines`. */
export function fitText(
  text: string,
  width: number,
  measure: (text: string, size: number) => number,
  { max, min, maxLines }: { max: number; min: number; maxLines: number },
): { size: number; lines: string[] } {
  for (let size = max; size >= min; size -= 0.5) {
    const lines = wrap(text, width, (t) => measure(t, size));
    if (lines.length <= maxLines && lines.every((l) => measure(l, size) <= width)) return { size, lines };
  }
  // Nothing fits in maxLines: the smallest size, on as many lines as it takes; still whole.
  return { size: min, lines: wrap(text, width, (t) => measure(t, min)) };
}

/** Greedy wrapping at spaces, then at hyphens (kept at the end of the line), for words too wide. */
function wrap(text: string, width: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(" ").flatMap((w) => (measure(w) > width ? w.split(/(?<=-)/) : [w]))) {
    const joiner = current === "" || current.endsWith("-") ? "" : " ";
    const candidate = `${current}${joiner}${word}`;
    if (current !== "" && measure(candidate) > width) {
      lines.push(current);
      current = word;
    } else current = candidate;
  }
  if (current) lines.push(current);
  return lines;
}
