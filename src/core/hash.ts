/** FNV-1a (32 bit) of a string, as an unsigned number. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A short, stable, non-cryptographic hash (FNV-1a, 32 bit) of a string, in base 36. */
export function shortHash(text: string): string {
  return fnv1a(text).toString(36);
}
