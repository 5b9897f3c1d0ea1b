// Word lists that decide whether a period ends a sentence. Lookups are case-sensitive on purpose:
// "Rep." (title) must not swallow "a sales rep." at the end of a sentence.

import { isLetter, isUpperChar } from './segment-chars';

/** How a period right after a given word should be treated. */
export type PeriodKind = 'title' | 'numbered' | 'ambiguous' | 'regular';

// Titles and particles that are always followed by more of the same sentence.
const TITLES = new Set([
  'Mr', 'Mrs', 'Ms', 'Messrs', 'Mme', 'Mlle', 'Dr', 'Drs', 'Prof', 'Profs', 'Sen', 'Sens', 'Rep', 'Reps',
  'Gov', 'Govs', 'Gen', 'Lt', 'Col', 'Capt', 'Cmdr', 'Cmdt', 'Adm', 'Maj', 'Brig', 'Sgt', 'Cpl', 'Pvt',
  'Rev', 'Hon', 'Pres', 'Supt', 'Det', 'Insp', 'Atty', 'Amb', 'Gens', 'Fr', 'Mt', 'Ft', 'Msgr',
  'vs', 'v', 'e.g', 'i.e', 'E.g', 'I.e', 'cf', 'Cf', 'viz', 'approx', 'Approx', 'esp', 'incl', 'ca',
]);

// Words that are abbreviations only before a number ("No. 5", "p. 12"); otherwise ordinary words.
const NUMBERED = new Set(['No', 'no', 'Nos', 'nos', 'Nr', 'Fig', 'fig', 'Figs', 'Vol', 'vol', 'Vols', 'p', 'pp', 'Art', 'Ch', 'Sec', 'Para', 'Op', 'Ed', 'ed']);

// Abbreviations that often end a sentence too ("…moved to the U.S. He…", "Apple Inc. The firm…").
const AMBIGUOUS = new Set([
  'U.S', 'U.K', 'U.N', 'E.U', 'U.S.A', 'D.C', 'a.m', 'p.m', 'A.M', 'P.M',
  'Inc', 'Corp', 'Co', 'Cos', 'Ltd', 'Bros', 'Plc', 'Jr', 'Sr', 'Esq', 'Ph.D', 'St', 'Ste', 'Ave', 'Blvd', 'Rd',
  'Sq', 'Hwy', 'Dept', 'Univ', 'Assn', 'Intl', 'Natl', 'etc', 'al',
  'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec',
  'Mon', 'Tue', 'Tues', 'Wed', 'Thu', 'Thur', 'Thurs', 'Fri', 'Sat', 'Sun',
  'Ala', 'Ariz', 'Ark', 'Calif', 'Colo', 'Conn', 'Del', 'Fla', 'Ga', 'Ill', 'Ind', 'Kan', 'Kans', 'Ky', 'La',
  'Md', 'Mass', 'Mich', 'Minn', 'Miss', 'Mo', 'Mont', 'Neb', 'Nev', 'Okla', 'Ore', 'Pa', 'Penn', 'Tenn',
  'Tex', 'Va', 'Vt', 'Wash', 'Wis', 'Wyo',
]);

// Closed-class words that begin sentences but almost never continue a name. After an ambiguous
// abbreviation, a split happens only when the next word is one of these (lower-cased).
const STARTERS = new Set([
  'he', 'she', 'it', 'they', 'we', 'i', 'you', 'the', 'a', 'an', 'this', 'that', 'these', 'those',
  'there', 'here', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'but', 'and', 'or', 'so', 'yet',
  'in', 'on', 'at', 'as', 'if', 'of', 'to', 'by', 'from', 'with', 'without', 'after', 'before', 'since',
  'until', 'when', 'while', 'where', 'although', 'though', 'because', 'unless', 'once', 'however',
  'meanwhile', 'still', 'then', 'now', 'later', 'earlier', 'also', 'instead', 'despite', 'according',
  'under', 'over', 'during', 'among', 'about', 'some', 'many', 'most', 'all', 'both', 'each', 'every',
  'no', 'none', 'several', 'few', 'other', 'another', 'such', 'what', 'who', 'why', 'how', 'which',
  'not', 'even', 'only', 'yes', 'last', 'next', 'today', 'yesterday', 'thus', 'therefore', 'indeed',
  // Auxiliaries open questions ("…in the E.U. Does it apply?") and never continue a name.
  'does', 'do', 'did', 'is', 'are', 'was', 'were', 'can', 'will', 'would', 'should', 'could', 'has', 'have', 'had',
]);


/** Classifies the word (letters, digits and inner dots) that directly precedes a period. */
export function classifyWordBeforePeriod(word: string): PeriodKind {
  if (word === '') return 'regular';
  if (TITLES.has(word)) return 'title';
  if (NUMBERED.has(word)) return 'numbered';
  if (AMBIGUOUS.has(word)) return 'ambiguous';
  if (isDottedAcronym(word)) return 'ambiguous';
  // A lone capital is an initial ("George W. Bush") far more often than a sentence end ("Plan B.").
  if (word.length === 1 && isUpperChar(word)) return 'ambiguous';
  return 'regular';
}

/** True if `word` is a closed-class word that typically opens a new sentence (case-insensitive). */
export function isSentenceStarter(word: string): boolean {
  return STARTERS.has(word.toLowerCase());
}

/** Pieces of a dotted acronym ("F.B.I", "Ph.D", "a.m") are 1-3 letters; "3.6" or "example.com" are not. */
function isDottedAcronym(word: string): boolean {
  let piece = 0;
  let dots = 0;
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (c === 46) {
      if (piece === 0) return false;
      dots++;
      piece = 0;
    } else if (isLetter(c) && piece < 3) {
      piece++;
    } else {
      return false;
    }
  }
  return dots > 0 && piece > 0;
}
