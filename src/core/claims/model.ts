/** The shipped model file: a sparse, quantised linear model over hashed features. */
export interface ClaimModelFile {
  format: string;
  dimBits: number;
  bias: number;
  /** Multiplier turning the stored int16 weights back into logit units. */
  scale: number;
  /** Base64 of the sorted non-zero bucket indices, delta-encoded as LEB128 varints. */
  index: string;
  /** Base64 of the int16 little-endian weights, one per index. */
  weight: string;
  thresholds: { fewer: number; balanced: number; more: number };
  /** Cross-validated precision and recall at each sensitivity's threshold (see scripts/train-claims.mjs). */
  operatingPoints: Record<'fewer' | 'balanced' | 'more', OperatingPoint>;
  /** How many labelled sentences the cross-validation covered. */
  cvSentences: number;
}

/** A threshold with the precision and recall measured at it by cross-validation. */
export interface OperatingPoint {
  threshold: number;
  precision: number;
  recall: number;
}

/**
 * A decoded model ready for scoring: a dense quantised weight per bucket (weight = q * scale)
 * plus the bias. Int16 rather than Float32 halves the table to 512 KB, and scoring is bound by
 * cache misses on its random lookups.
 */
export interface LinearModel {
  weights: Int16Array;
  scale: number;
  bias: number;
}

/** Format tag the decoder understands; training writes the same tag. */
export const MODEL_FORMAT = 'factmark-claims-linear/2';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes standard base64 (no atob: src/core must not depend on browser or Node globals). */
export function decodeBase64(s: string): Uint8Array {
  const lookup = new Int16Array(128).fill(-1);
  for (let i = 0; i < B64.length; i++) lookup[B64.charCodeAt(i)] = i;
  const clean = s.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = lookup[clean.charCodeAt(i)] ?? -1;
    if (v < 0) throw new Error(`model: invalid base64 at ${i}`);
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/** Expands a model file into dense weights; throws if the file is not this format. */
export function decodeModel(file: ClaimModelFile): LinearModel {
  if (file.format !== MODEL_FORMAT) throw new Error(`model: unsupported format ${file.format}`);
  const weights = new Int16Array(1 << file.dimBits);
  const idx = decodeBase64(file.index);
  const w = decodeBase64(file.weight);
  let pos = 0;
  let bucket = 0;
  for (let k = 0; k * 2 + 1 < w.length; k++) {
    let delta = 0;
    let shift = 0;
    for (;;) {
      const b = idx[pos++] ?? 0;
      delta |= (b & 0x7f) << shift;
      shift += 7;
      if (b < 0x80) break;
    }
    bucket += delta;
    weights[bucket] = (w[2 * k] ?? 0) | ((w[2 * k + 1] ?? 0) << 8); // Int16Array wraps to signed
  }
  return { weights, scale: file.scale, bias: file.bias };
}
