// Recommends what to do with returned green coffee (issue 19): the feasible disposition that
// recovers the most, with every option's value, the factors behind it and a confidence. A person
// accepts or overrides it. Pure and exact: grams and cents as bigint, no database.
import { ApiError } from "@/lib/api/errors";

import { getConfidence, getFactors } from "./factors";
import { formatCents } from "./money";
import { getLabel, getOptions, type Priced } from "./options";
import { RETURN_RULES_VERSION, returnRules, ZRecommendInput, type ParsedInput, type Recommendation } from "./rules";

export {
  RETURN_RULES_VERSION,
  returnRules,
  ZRecommendInput,
  type Disposition,
  type Factor,
  type Option,
  type Recommendation,
  type RecommendInput,
  type ReturnReason,
} from "./rules";

/** The feasible option recovering the most; on a tie, the one first in the dispositions order. */
function choose(options: Priced[]): Priced {
  return options.filter((o) => o.feasible).reduce((best, o) => (o.cents > best.cents ? o : best));
}

function getSummary(input: ParsedInput, options: Priced[], chosen: Priced): string {
  const label = getLabel(chosen.option, input);
  const value = formatCents(chosen.cents);
  if (input.inspection.contaminated)
    return `${label}: the coffee is contaminated, so food safety rules out every other option (disposal costs ${formatCents(-chosen.cents)}).`;
  const feasible = options.filter((o) => o.feasible);
  if (feasible.length === 1) return `${label} is the only feasible option, recovering ${value}.`;
  const runnerUp = feasible.filter((o) => o !== chosen).reduce((best, o) => (o.cents > best.cents ? o : best));
  const next = `${getLabel(runnerUp.option, input).toLowerCase()}, ${formatCents(runnerUp.cents)}`;
  const after =
    runnerUp.cents === chosen.cents
      ? `tied with ${next}, and comes first in the dispositions order`
      : `next best: ${next}`;
  return `${label} recovers ${value}, the most of the ${feasible.length} feasible options (${after}).`;
}

export function recommendDisposition(raw: unknown): Recommendation {
  const parsed = ZRecommendInput.safeParse(raw);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    const message = details.map((d) => `${d.path || "input"}: ${d.message}`).join("; ");
    throw new ApiError("validation_error", `Cannot recommend a disposition: ${message}.`, details);
  }
  const input = parsed.data;
  const options = getOptions(input);
  const chosen = choose(options);
  const factors = getFactors(input, options, chosen);
  return {
    option: chosen.option,
    confidence: input.inspection.contaminated ? returnRules.confidence.contaminated : getConfidence(factors, chosen),
    summary: getSummary(input, options, chosen),
    options: options.map(({ option, feasible, cents, sentence }) => ({
      option,
      feasible,
      recovery_value: formatCents(cents),
      sentence,
    })),
    factors,
    rules_version: RETURN_RULES_VERSION,
  };
}
