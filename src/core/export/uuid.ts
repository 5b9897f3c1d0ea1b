/**
 * Name-based UUIDs (RFC 9562 version 5: SHA-1 of namespace + name) in pure TypeScript.
 * Export ids must be the same on every export and in every browser, synchronously, so neither
 * random UUIDs nor the asynchronous WebCrypto digest will do; SHA-1 is used here only as the
 * RFC's naming function, never for security.
 */

/** The RFC's URL namespace, from which Factmark's own namespace is derived. */
export const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/** UTF-8 bytes of a string; a lone surrogate becomes U+FFFD, as TextEncoder does. */
export function utf8(text: string): Uint8Array {
  // At most 3 bytes per UTF-16 code unit (a surrogate pair is 2 units for 4 bytes).
  const bytes = new Uint8Array(text.length * 3);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) bytes[n++] = cp;
    else if (cp < 0x800) {
      bytes[n++] = 0xc0 | (cp >> 6);
      bytes[n++] = 0x80 | (cp & 63);
    } else if (cp < 0x10000) {
      bytes[n++] = 0xe0 | (cp >> 12);
      bytes[n++] = 0x80 | ((cp >> 6) & 63);
      bytes[n++] = 0x80 | (cp & 63);
    } else {
      bytes[n++] = 0xf0 | (cp >> 18);
      bytes[n++] = 0x80 | ((cp >> 12) & 63);
      bytes[n++] = 0x80 | ((cp >> 6) & 63);
      bytes[n++] = 0x80 | (cp & 63);
    }
  }
  return bytes.subarray(0, n);
}

const rotl = (value: number, bits: number): number => (value << bits) | (value >>> (32 - bits));

/** The message schedule, reused by every digest (the module is single-threaded and sha1 is not re-entrant). */
const W = new Int32Array(80);

/** SHA-1 digest (FIPS 180-4) of some bytes: 20 bytes. */
export function sha1(message: Uint8Array): Uint8Array {
  // Big-endian words of the message, a 1 bit, zeros, and the bit length in the last two words,
  // to a multiple of 16 words (64 bytes).
  const length = message.length;
  const words = new Int32Array((((length + 8) >> 6) + 1) * 16);
  for (let i = 0; i < length; i++) words[i >> 2] = (words[i >> 2] ?? 0) | ((message[i] ?? 0) << (24 - (i & 3) * 8));
  words[length >> 2] = (words[length >> 2] ?? 0) | (0x80 << (24 - (length & 3) * 8));
  words[words.length - 2] = Math.floor(length / 0x20000000);
  words[words.length - 1] = (length * 8) | 0;
  let h0 = 0x67452301;
  let h1 = 0xefcdab89 | 0;
  let h2 = 0x98badcfe | 0;
  let h3 = 0x10325476;
  let h4 = 0xc3d2e1f0 | 0;
  for (let block = 0; block < words.length; block += 16) {
    for (let i = 0; i < 16; i++) W[i] = words[block + i] ?? 0;
    for (let i = 16; i < 80; i++) W[i] = rotl((W[i - 3] ?? 0) ^ (W[i - 8] ?? 0) ^ (W[i - 14] ?? 0) ^ (W[i - 16] ?? 0), 1);
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    for (let i = 0; i < 80; i++) {
      // The four round functions and constants of FIPS 180-4, 20 rounds each.
      const f = i < 20 ? ((b & c) | (~b & d)) + 0x5a827999 : i < 40 ? (b ^ c ^ d) + 0x6ed9eba1 : i < 60 ? ((b & c) | (b & d) | (c & d)) + 0x8f1bbcdc : (b ^ c ^ d) + 0xca62c1d6;
      const next = (rotl(a, 5) + f + e + (W[i] ?? 0)) | 0;
      e = d;
      d = c;
      c = rotl(b, 30);
      b = a;
      a = next;
    }
    h0 = (h0 + a) | 0;
    h1 = (h1 + b) | 0;
    h2 = (h2 + c) | 0;
    h3 = (h3 + d) | 0;
    h4 = (h4 + e) | 0;
  }
  const digest = new Uint8Array(20);
  [h0, h1, h2, h3, h4].forEach((word, i) => {
    for (let j = 0; j < 4; j++) digest[i * 4 + j] = (word >>> (24 - j * 8)) & 0xff;
  });
  return digest;
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));
const hex = (bytes: Uint8Array): string => {
  let out = '';
  for (const b of bytes) out += HEX[b];
  return out;
};

/** Lower-case hex SHA-1 of a string's UTF-8 bytes. */
export function sha1Hex(text: string): string {
  return hex(sha1(utf8(text)));
}

const namespaceBytes = new Map<string, Uint8Array>();

/** The 16 bytes of a UUID string, parsed once per namespace. */
function uuidBytes(uuid: string): Uint8Array {
  let bytes = namespaceBytes.get(uuid);
  if (!bytes) {
    const digits = uuid.replace(/-/g, '');
    if (!/^[0-9a-f]{32}$/i.test(digits)) throw new Error(`Not a UUID: ${uuid}`);
    bytes = Uint8Array.from({ length: 16 }, (_, i) => parseInt(digits.slice(i * 2, i * 2 + 2), 16));
    namespaceBytes.set(uuid, bytes);
  }
  return bytes;
}

/** The version 5 UUID of `name` in `namespace` (a UUID string), in canonical lower-case form. */
export function uuidV5(namespace: string, name: string): string {
  const nameBytes = utf8(name);
  const input = new Uint8Array(16 + nameBytes.length);
  input.set(uuidBytes(namespace));
  input.set(nameBytes, 16);
  const bytes = sha1(input).subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const h = hex(bytes);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Factmark's UUID namespace: the v5 UUID of its vocabulary IRI in the URL namespace. */
export const FACTMARK_NAMESPACE = uuidV5(URL_NAMESPACE, 'https://factmark.dev/ns#');

/**
 * The stable `urn:uuid:` id of one annotation of one page. A page key is a URL, which cannot
 * contain a line feed, so the pair cannot be confused with another pair.
 */
export function annotationUrn(pageKey: string, annotationId: string): string {
  return `urn:uuid:${uuidV5(FACTMARK_NAMESPACE, `${pageKey}\n${annotationId}`)}`;
}
