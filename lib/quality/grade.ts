// Grades a green-coffee quality check by the SCA (formerly SCAA) green coffee classification:
// SCAA "Green Coffee Classification" / SCA Arabica Green Coffee Defect Handbook, 350 g sample.
// Pure: every comparison is exact, on integers (scores and percentages in hundredths,
// defects cross-multiplied against the sample weight), so results never depend on float rounding.
import {
  ZQualityCheck,
  type QualityCheck,
  type QualityCheckInput,
  type QualityGrade,
  type QualityResult,
} from "./schemas";

export const QUALITY_RULES_VERSION = "sca-green-v1";

const STANDARD_SAMPLE_GRAMS = 350;

type Facts = {
  primary: number;
  /** Full defects scaled by the sample: defects per 350 g = scaledDefects / sampleGrams, kept exact. */
  scaledDefects: number;
  sampleGrams: number;
  /** Rounded half-up to hundredths, for messages and output only. */
  defectsHundredths: number;
  cupping: number;
  moisture: number;
  variance: number | undefined;
  quakers: number | undefined;
  screen: number;
};

/** A rule returns the sentence saying why the grade fails it, or null when it holds. */
type Rule = (f: Facts, grade: string) => string | null;

const hundredths = (v: number) => Math.round(v * 100);
const show = (h: number) => String(h / 100);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

const noPrimaryDefects: Rule = (f, grade) =>
  f.primary === 0 ? null : `${plural(f.primary, "primary defect")}: ${grade} grade allows none`;

const maxFullDefects =
  (max: number): Rule =>
  (f, grade) =>
    f.scaledDefects <= max * f.sampleGrams
      ? null
      : `${show(f.defectsHundredths)} full defects per 350 g: ${grade} grade allows at most ${max}`;

const minCupping: Rule = (f, grade) =>
  f.cupping >= 8000 ? null : `Cupping score ${show(f.cupping)}: ${grade} grade needs at least 80`;

const moistureInRange: Rule = (f, grade) =>
  f.moisture >= 900 && f.moisture <= 1300 ? null : `Moisture ${show(f.moisture)}%: ${grade} grade needs 9–13%`;

// SCA: no more than 5 % of beans above or below the stated screen size.
const maxScreenVariance: Rule = (f, grade) =>
  f.variance === undefined || f.variance <= 500
    ? null
    : `${show(f.variance)}% of beans off the stated screen: ${grade} grade allows at most 5%`;

const maxQuakers =
  (max: number): Rule =>
  (f, grade) =>
    f.quakers === undefined || f.quakers <= max
      ? null
      : `${plural(f.quakers, "quaker")}: ${grade} grade allows ${max === 0 ? "none" : `at most ${max}`}`;

// SCA exchange grade: no more than 5 % below screen 14; a lot whose main screen is below 14 fails it.
const minScreen14: Rule = (f, grade) =>
  f.screen >= 14 ? null : `Screen size ${f.screen}: ${grade} grade needs screen 14 or larger`;

// Checked best first; a check earns the first grade whose rules all hold.
const ladder: { grade: Exclude<QualityGrade, "below_standard">; rules: Rule[] }[] = [
  {
    grade: "specialty",
    rules: [noPrimaryDefects, maxFullDefects(5), minCupping, moistureInRange, maxScreenVariance, maxQuakers(0)],
  },
  { grade: "premium", rules: [maxFullDefects(8), minCupping, moistureInRange, maxScreenVariance, maxQuakers(3)] },
  // SCA lists exchange as 9–23 full defects; the 9 is where premium ends, so fewer defects never grade lower.
  { grade: "exchange", rules: [maxFullDefects(23), moistureInRange, maxQuakers(5), minScreen14] },
];

function getFacts(check: QualityCheck): Facts {
  const total = check.primary_defects + check.secondary_defects;
  const scaledDefects = total * STANDARD_SAMPLE_GRAMS;
  return {
    primary: check.primary_defects,
    scaledDefects,
    sampleGrams: check.sample_grams,
    defectsHundredths: Math.floor((scaledDefects * 200 + check.sample_grams) / (2 * check.sample_grams)),
    cupping: hundredths(check.cupping_score),
    moisture: hundredths(check.moisture_pct),
    variance: check.screen_size_variance_pct === undefined ? undefined : hundredths(check.screen_size_variance_pct),
    quakers: check.quakers,
    screen: check.screen_size,
  };
}

/** Optional measurements that were not taken do not block a grade, but the reasons say so. */
function getNotes(f: Facts): string[] {
  const notes: string[] = [];
  if (f.sampleGrams !== STANDARD_SAMPLE_GRAMS)
    notes.push(`Defects counted in ${f.sampleGrams} g and scaled to the standard 350 g sample.`);
  if (f.variance === undefined) notes.push("Screen size variance not recorded: not checked.");
  if (f.quakers === undefined) notes.push("Quakers not recorded: not checked.");
  return notes;
}

const label = (grade: string) => grade.charAt(0).toUpperCase() + grade.slice(1);

export function gradeQuality(input: QualityCheckInput): QualityResult {
  const facts = getFacts(ZQualityCheck.parse(input));
  const failures = ladder.map(({ grade, rules }) =>
    rules.map((rule) => rule(facts, grade)).filter((r): r is string => r !== null),
  );
  const index = failures.findIndex((f) => f.length === 0);
  const grade = index === -1 ? "below_standard" : ladder[index].grade;
  const summary =
    index === -1
      ? "Below standard: fails the exchange grade."
      : `${label(grade)} grade: meets every ${grade} requirement.`;
  // What held it back is the grade just above: for below standard that is exchange.
  const heldBack = index === -1 ? failures[failures.length - 1] : index > 0 ? failures[index - 1] : [];
  return {
    grade,
    full_defects: facts.defectsHundredths / 100,
    reasons: [summary, ...heldBack.map((r) => `${r}.`), ...getNotes(facts)],
    rules_version: QUALITY_RULES_VERSION,
  };
}
