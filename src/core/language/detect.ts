import { CYRILLIC_FUNCTION_WORDS, LATIN_FUNCTION_WORDS } from './function-words';

/**
 * The language of a text, told from the text itself: first its script (Cyrillic, Greek, Han,
 * kana, Hangul, Arabic…), then, inside the Latin and Cyrillic scripts, the share of its words
 * that are each language's function words. The page's `lang` attribute and Content-Language
 * are hints only: they decide when the text is too short to tell.
 */

/** A detected language (BCP 47 primary subtag, "und" when undetermined) and how it was decided. */
export interface LanguageGuess {
  language: string;
  /** "text" when the text decided, "hint" when the page's declared language did, "none" otherwise. */
  source: 'text' | 'hint' | 'none';
  /** Share of the words in the winning language's list (Latin/Cyrillic), or of letters in the script. */
  confidence: number;
}

const SAMPLE_CHARS = 3000;
/** Fewer words than this and the text cannot decide on its own. */
const MIN_WORDS = 12;
/** The winner's share of function words must be at least this, and this much ahead of the runner-up. */
const MIN_SHARE = 0.12;
const MARGIN = 1.15;

function wordSets(lists: Readonly<Record<string, string>>): Array<[string, Set<string>]> {
  return Object.entries(lists).map(([language, words]) => [language, new Set(words.split(' '))]);
}
const LATIN = wordSets(LATIN_FUNCTION_WORDS);
const CYRILLIC = wordSets(CYRILLIC_FUNCTION_WORDS);

type Script = 'latin' | 'cyrillic' | 'greek' | 'arabic' | 'hebrew' | 'han' | 'kana' | 'hangul' | 'devanagari' | 'thai' | 'other';

function scriptOf(code: number): Script | null {
  if (code < 0x41) return null;
  if (code <= 0x24f) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code >= 0xc0 ? 'latin' : null;
  if (code >= 0x370 && code <= 0x3ff) return 'greek';
  if (code >= 0x400 && code <= 0x52f) return 'cyrillic';
  if (code >= 0x590 && code <= 0x5ff) return 'hebrew';
  if (code >= 0x600 && code <= 0x6ff) return 'arabic';
  if (code >= 0x900 && code <= 0x97f) return 'devanagari';
  if (code >= 0xe00 && code <= 0xe7f) return 'thai';
  if (code >= 0x1e00 && code <= 0x1eff) return 'latin';
  if (code >= 0x3040 && code <= 0x30ff) return 'kana';
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) return 'han';
  if (code >= 0xac00 && code <= 0xd7af) return 'hangul';
  return /\p{L}/u.test(String.fromCharCode(code)) ? 'other' : null;
}

const SCRIPT_LANGUAGE: Partial<Record<Script, string>> = { greek: 'el', hebrew: 'he', arabic: 'ar', devanagari: 'hi', thai: 'th', hangul: 'ko' };

/** The primary subtag of a declared language ("en-US" → "en"), or null when there is none. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  // Content-Language may list several ("en, fr"): the first one counts.
  const first = (tag ?? '').split(',')[0]?.trim() ?? '';
  if (!/^[a-z]{2,3}(?:[-_][a-z0-9]{1,8})*$/i.test(first)) return null;
  return first.split(/[-_]/)[0]?.toLowerCase() ?? null;
}

/** Detects the language of `text`; `hint` is the page's declared language, used only when the text cannot decide. */
export function detectLanguage(text: string, hint?: string | null): LanguageGuess {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const declared = primaryLanguage(hint);
  const fallback: LanguageGuess = declared ? { language: declared, source: 'hint', confidence: 0 } : { language: 'und', source: 'none', confidence: 0 };
  const scripts = new Map<Script, number>();
  let letters = 0;
  for (let i = 0; i < sample.length; i++) {
    const script = scriptOf(sample.charCodeAt(i));
    if (!script) continue;
    letters++;
    scripts.set(script, (scripts.get(script) ?? 0) + 1);
  }
  if (letters === 0) return fallback;
  const ranked = [...scripts.entries()].sort((a, b) => b[1] - a[1]);
  const [script, count] = ranked[0] as [Script, number];
  const share = count / letters;
  // Japanese mixes kana with Han; Chinese has no kana.
  const kana = scripts.get('kana') ?? 0;
  const han = scripts.get('han') ?? 0;
  if ((script === 'han' || script === 'kana') && (kana + han) / letters > 0.5) {
    if (letters < MIN_WORDS * 2) return fallback;
    return { language: kana / (kana + han) > 0.1 ? 'ja' : 'zh', source: 'text', confidence: (kana + han) / letters };
  }
  const byScript = SCRIPT_LANGUAGE[script];
  if (byScript) return letters < MIN_WORDS * 3 ? fallback : { language: byScript === 'ar' && /[پچژگ]/.test(sample) ? 'fa' : byScript, source: 'text', confidence: share };
  if (script === 'latin') return byFunctionWords(sample, LATIN, fallback);
  if (script === 'cyrillic') return byFunctionWords(sample, CYRILLIC, fallback);
  return fallback;
}

function byFunctionWords(sample: string, lists: Array<[string, Set<string>]>, fallback: LanguageGuess): LanguageGuess {
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < MIN_WORDS) return fallback;
  // Count each word once, then sum each language's few dozen function words.
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  const scores = lists.map(([language, set]) => {
    let hits = 0;
    for (const word of set) hits += counts.get(word) ?? 0;
    return { language, share: hits / words.length };
  }).sort((a, b) => b.share - a.share);
  const best = scores[0];
  const second = scores[1];
  // Long enough yet no known language's function words: a language without a list here.
  if (!best || best.share < MIN_SHARE) return fallback.source === 'hint' ? fallback : { language: 'und', source: 'text', confidence: best?.share ?? 0 };
  // Close languages (Danish and Norwegian) may tie: the declared language breaks it when it is one of them.
  if (second && best.share < second.share * MARGIN && fallback.source === 'hint' && (fallback.language === second.language || fallback.language === best.language)) {
    return { language: fallback.language, source: 'hint', confidence: best.share };
  }
  return { language: best.language, source: 'text', confidence: best.share };
}
