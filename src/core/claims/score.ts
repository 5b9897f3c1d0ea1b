import { isBoilerplate } from './boilerplate';
import { visitFeatures, type FeatureVisitor } from './features';
import { decodeModel, type ClaimModelFile, type OperatingPoint } from './model';
import modelFile from './model.json';
import { NO_REASON, REASON_IDS, type ReasonId } from './reasons';

export type { ReasonId } from './reasons';

/** A sentence's check-worthiness in [0, 1] and the reasons behind it. */
export interface ClaimScore {
  score: number;
  reasons: ReasonId[];
}

const file: ClaimModelFile = modelFile;
// The weights are decoded on the first score, not when the script loads: the content script
// starts on every page (a task the page waits for), and many pages are never scored.
let weights: Int16Array = new Int16Array(0);
let scale = 0;
let bias = 0;
let decoded = false;

function decodeOnce(): void {
  if (decoded) return;
  const model = decodeModel(file);
  weights = model.weights;
  scale = model.scale;
  bias = model.bias;
  decoded = true;
}

/**
 * The reader's sensitivity setting and the score threshold each one applies: operating points
 * measured on out-of-fold scores by 5-fold cross-validation (scripts/train-claims.mjs). `fewer`
 * keeps precision at or above 0.85, `balanced` maximises F1, `more` keeps recall at or above 0.90.
 */
export const SENSITIVITY_THRESHOLDS = {
  fewer: file.thresholds.fewer,
  balanced: file.thresholds.balanced,
  more: file.thresholds.more,
} as const;

/** A sensitivity setting name. */
export type Sensitivity = keyof typeof SENSITIVITY_THRESHOLDS;

/** Each setting's cross-validated precision and recall, for the settings' hints. */
export const OPERATING_POINTS: Readonly<Record<Sensitivity, OperatingPoint>> = file.operatingPoints;

/** How many labelled sentences the operating points were measured on. */
export const CV_SENTENCES: number = file.cvSentences;

/**
 * The score from which a top claim is highlighted strongly: the high-precision (`fewer`)
 * operating point, so a strong highlight means what "Fewer claims" would show.
 */
export const STRONG_FLOOR = file.thresholds.fewer;

/** The threshold used when nothing else is chosen. */
export const DEFAULT_THRESHOLD = SENSITIVITY_THRESHOLDS.balanced;

/** Logit subtracted for page furniture: enough to sink even a number-laden line below `more`. */
const BOILERPLATE_PENALTY = 6;

/**
 * A reason is shown when its positively weighted features add at least this much to the logit.
 * Only positive weights count: a reason names evidence for a claim, even where the same
 * sentence also carries evidence against (e.g. "X said he would ..." is attribution and a
 * prediction).
 */
const REASON_MIN_LOGIT = 0.5;

// Scoring reuses one accumulator and one visitor so a call allocates almost nothing. The logit
// lives in a typed array, not a `let`: a double stored in a closure variable is boxed anew on
// every store (hundreds per sentence), which filled the young generation and pushed survivors
// of the page's scan into the old one.
const contributions = new Float64Array(REASON_IDS.length);
const order = new Uint8Array(REASON_IDS.length);
const sum = new Float64Array(1);
const accumulate: FeatureVisitor = (index, value, reason) => {
  const w = (weights[index] ?? 0) * scale * value;
  sum[0] = (sum[0] as number) + w;
  if (w > 0 && reason !== NO_REASON) contributions[reason] = (contributions[reason] ?? 0) + w;
};

// Sentences without a reason shown share one empty list rather than each keeping its own; frozen,
// so a change to it would throw rather than reach every sentence.
const NO_REASONS = Object.freeze([]) as readonly ReasonId[] as ReasonId[];

/** Scores one sentence for check-worthiness with the trained linear model. */
export function scoreSentence(text: string): ClaimScore {
  decodeOnce();
  sum[0] = bias;
  contributions.fill(0);
  visitFeatures(text, accumulate);
  let logit = sum[0] as number;
  const boilerplate = isBoilerplate(text);
  if (boilerplate) logit -= BOILERPLATE_PENALTY;
  const score = 1 / (1 + Math.exp(-logit));
  if (boilerplate) return { score, reasons: NO_REASONS }; // Nothing in page furniture is worth explaining.
  // The shown reasons, strongest first (ties in reason order): a stable insertion sort into a
  // scratch array, so only the returned list is allocated.
  let shown = 0;
  for (let r = 0; r < contributions.length; r++) {
    const c = contributions[r] ?? 0;
    if (c < REASON_MIN_LOGIT) continue;
    let at = shown++;
    for (; at > 0 && (contributions[order[at - 1] as number] ?? 0) < c; at--) order[at] = order[at - 1] as number;
    order[at] = r;
  }
  if (shown === 0) return { score, reasons: NO_REASONS };
  // Sized up front: a list grown by push keeps room for 17, and claims keep their list.
  const reasons = new Array<ReasonId>(shown);
  for (let i = 0; i < shown; i++) reasons[i] = REASON_IDS[order[i] as number] as ReasonId;
  return { score, reasons };
}
