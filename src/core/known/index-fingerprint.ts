/**
 * A fingerprint of what a known-claim index is built from (the claims and headlines in order,
 * the index format, the model's features and how the analysis reads a probe text), so a stored
 * index is used only for the very claims, and the same code, it was built from.
 */
import { analyse, forEachGram, GramSet } from './analyse';
import { MATCH_MODEL } from './match-scoring';
import { KNOWN_INDEX_FORMAT, type MatchableClaim } from './matcher';

/** A text that exercises the analysis (stems, names, figures, folding, grams): if it analyses differently, the code changed. */
const PROBE = 'Fact-checkers’ “Ten percent” claims: Senator Obama said $1.5 billion in 2019 — Zürich’s single-payer plans';

/** The probe's analysis and gram hashes, so a stored index built by other analysis code is not used. */
function analysisSignature(): string {
  const grams: number[] = [];
  forEachGram(PROBE, new GramSet(), (gram) => grams.push(gram));
  return `${JSON.stringify(analyse(PROBE))} ${grams.join(',')}`;
}

/** Two independent 32-bit FNV-1a hashes and the claim count, as text. */
export function knownIndexFingerprint(claims: readonly MatchableClaim[]): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ claims.length;
  const feed = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      a = Math.imul(a ^ code, 0x01000193);
      b = Math.imul(b ^ code, 0x5bd1e995) ^ (b >>> 15);
    }
    // A separator no text holds, so ("ab", "c") and ("a", "bc") differ.
    a = Math.imul(a ^ 0xffff, 0x01000193);
    b = Math.imul(b ^ 0xffff, 0x5bd1e995) ^ (b >>> 15);
  };
  feed(`format ${KNOWN_INDEX_FORMAT} ${MATCH_MODEL.features.join(',')} ${analysisSignature()}`);
  for (const claim of claims) {
    feed(claim.claim);
    feed(claim.title ?? '\u0000');
  }
  return `${claims.length}-${(a >>> 0).toString(16)}-${(b >>> 0).toString(16)}`;
}
