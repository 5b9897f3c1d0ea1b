/**
 * What the re-ranker needs of every known claim, worked out once when the index is built and kept
 * as flat typed arrays: the claim's term ids in order, its names, figures and
 * word pairs as ids, and its character n-gram hashes with their norm. Ranking a candidate then
 * compares integers instead of analysing the claim's text again, and the arrays can be stored
 * and loaded as they are.
 */
import type { Analysed } from './analyse';
import type { Bm25Index } from './bm25';
import type { GramTable } from './gram-table';

/** Lists of numbers, one per claim: claim i's items are values[offsets[i]] … values[offsets[i + 1] - 1]. */
export interface Ragged<T extends Uint16Array | Int32Array | Uint32Array | Float64Array> {
  offsets: Int32Array;
  values: T;
}

/** The claim table as plain arrays, to store and load. */
export interface ClaimTableData {
  /** Each claim's term ids, in order, repeats kept (16 bits while the vocabulary fits). */
  terms: Ragged<Uint16Array | Int32Array>;
  /** Each claim's distinct names and figures, as ids into `names` and `figures`. */
  nameIds: Ragged<Int32Array>;
  figureIds: Ragged<Int32Array>;
  names: string[];
  figures: string[];
  /** Each claim's distinct word pairs, as first id × vocabulary size + second id (32 bits while that fits). */
  bigrams: Ragged<Uint32Array | Float64Array>;
  /** Each claim's (and headline's) distinct character n-gram hashes, in the order they are read. */
  grams: Ragged<Uint32Array>;
  /** Norm of each claim's gram vector. */
  gramNorms: Float32Array;
}

/** Builds ragged arrays from one list per claim. */
export function ragged<T extends Uint16Array | Int32Array | Uint32Array | Float64Array>(lists: readonly (readonly number[])[], make: (length: number) => T): Ragged<T> {
  const offsets = new Int32Array(lists.length + 1);
  lists.forEach((list, i) => (offsets[i + 1] = (offsets[i] as number) + list.length));
  const values = make(offsets[lists.length] as number);
  lists.forEach((list, i) => values.set(list, offsets[i] as number));
  return { offsets, values };
}

function distinctIds(items: readonly string[], vocabulary: Map<string, number>, list: string[]): number[] {
  const ids: number[] = [];
  for (const item of new Set(items)) {
    let id = vocabulary.get(item);
    if (id === undefined) {
      id = list.length;
      vocabulary.set(item, id);
      list.push(item);
    }
    ids.push(id);
  }
  return ids;
}

/** Works out the table from each claim's analysis and gram list (the BM25 index gives term ids). */
export function buildClaimTable(analysed: readonly Analysed[], gramLists: readonly (readonly number[])[], bm25: Bm25Index, grams: GramTable): ClaimTableData {
  const vocabularySize = bm25.vocabularySize;
  const nameVocabulary = new Map<string, number>();
  const figureVocabulary = new Map<string, number>();
  const names: string[] = [];
  const figures: string[] = [];
  const termLists = analysed.map((claim) => claim.terms.map((term) => bm25.termId(term)));
  const bigramLists = termLists.map((ids) => {
    const keys = new Set<number>();
    for (let i = 0; i + 1 < ids.length; i++) keys.add((ids[i] as number) * vocabularySize + (ids[i + 1] as number));
    return [...keys];
  });
  const gramArrays = ragged(gramLists, (length) => new Uint32Array(length));
  const gramNorms = new Float32Array(analysed.length);
  for (let i = 0; i < analysed.length; i++) gramNorms[i] = grams.normOf(gramArrays.values, gramArrays.offsets[i] as number, gramArrays.offsets[i + 1] as number);
  return {
    terms: ragged(termLists, (length) => (vocabularySize <= 0xffff ? new Uint16Array(length) : new Int32Array(length))),
    nameIds: ragged(analysed.map((claim) => distinctIds(claim.names, nameVocabulary, names)), (length) => new Int32Array(length)),
    figureIds: ragged(analysed.map((claim) => distinctIds(claim.figures, figureVocabulary, figures)), (length) => new Int32Array(length)),
    names,
    figures,
    bigrams: ragged(bigramLists, (length) => (vocabularySize <= 0xffff ? new Uint32Array(length) : new Float64Array(length))),
    grams: gramArrays,
    gramNorms,
  };
}

/** Throws unless the stored table fits `claims` claims and a vocabulary of `vocabularySize` terms. */
export function checkClaimTable(data: ClaimTableData, claims: number, vocabularySize: number): void {
  const fits = (list: Ragged<Uint16Array | Int32Array | Uint32Array | Float64Array>) => list.offsets.length === claims + 1 && list.offsets[0] === 0 && list.offsets[claims] === list.values.length;
  const ok = [data.terms, data.nameIds, data.figureIds, data.bigrams, data.grams].every(fits) && data.gramNorms.length === claims && data.terms.values.every((id) => id >= 0 && id < vocabularySize);
  if (!ok) throw new Error('Claim table: stored table is inconsistent');
}

/** Approximate bytes held by the table's arrays. */
export function claimTableBytes(data: ClaimTableData): number {
  const lists = [data.terms, data.nameIds, data.figureIds, data.bigrams, data.grams];
  return lists.reduce((sum, list) => sum + list.offsets.byteLength + list.values.byteLength, data.gramNorms.byteLength);
}
