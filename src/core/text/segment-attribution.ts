// Recognises quote-attribution fragments ("Arreaza wrote.", "he said.", "she told reporters.") that a
// split after a closing quote can leave behind. They carry no claim of their own, so the segmenter
// glues them back onto the quoted sentence they attribute.

// Verbs that introduce speech. Forms that double as common nouns ("claims", "states", "notes")
// are left out because "Lavrov disparaged the claims." must stay a sentence.
const SPEECH_VERBS = new Set([
  'said', 'says', 'say', 'wrote', 'writes', 'told', 'tells', 'asked', 'asks', 'added', 'explained',
  'noted', 'stated', 'declared', 'insisted', 'replied', 'argued', 'claimed', 'warned', 'tweeted',
  'recalled', 'responded', 'remarked', 'acknowledged', 'admitted', 'countered', 'conceded', 'exclaimed',
  'answered', 'cautioned', 'commented', 'quipped', 'joked', 'emphasized', 'emphasised', 'stressed',
  'testified', 'posted', 'wondered',
]);

// Words that make the part before the verb a clause rather than a speaker ("That's what he said.").
const SUBJECT_BLOCK = new Set([
  'what', 'that', 'this', 'these', 'those', 'which', 'who', 'whom', 'why', 'how', 'when', 'where',
  'there', 'here', 'if', 'whether', 'because', 'not', 'never', 'nobody', 'no', 'nothing', 'and', 'but',
  'or', 'so', 'than', 'as',
]);

// Lower-case words allowed after the verb: where/when/to whom it was said, never a new clause.
// Capitalised words (names, days, outlets) are always allowed.
const TAIL_ALLOW = new Set([
  'in', 'on', 'at', 'during', 'from', 'via', 'after', 'before', 'through', 'with', 'by', 'for', 'to',
  'a', 'an', 'the', 'his', 'her', 'their', 'its', 'last', 'late', 'early', 'earlier', 'later', 'then',
  'also', 'today', 'yesterday', 'tonight', 'recently', 'previously', 'again', 'separately', 'repeatedly',
  'interview', 'statement', 'email', 'emailed', 'phone', 'telephone', 'call', 'conference', 'press',
  'news', 'briefing', 'speech', 'post', 'tweet', 'letter', 'message', 'video', 'reporters', 'journalists',
  'me', 'us', 'him', 'them', 'week', 'weekend', 'month', 'year', 'morning', 'afternoon', 'evening',
  'night', 'spokesman', 'spokeswoman', 'spokesperson', 'official', 'officials', 'minister', 'president',
  'lawmaker', 'senator', 'analyst', 'analysts', 'source', 'sources', 'police', 'aide', 'aides',
]);

// Cheap pre-filter so the many short sentences without a speech verb skip the word analysis.
const MAYBE_TAG = new RegExp(`\\b(?:according|${[...SPEECH_VERBS].join('|')})\\b`, 'i');

const MAX_WORDS = 7;
const MAX_CHARS = 100;
const EDGE_PUNCT = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
const POSSESSIVE = /['’]s$/u;
const NOT_A_TAG = /[?!"“”«»]/; // a question or a quote of its own is not a bare tag
const CLAUSE_END = /[,;:—–]$/;
const SPACES = /\s+/;

/** True if `segment` (already trimmed) is only a speech attribution that should join the previous sentence. */
export function isAttributionFragment(segment: string): boolean {
  if (segment.length === 0 || segment.length > MAX_CHARS) return false;
  if (!MAYBE_TAG.test(segment)) return false;
  if (NOT_A_TAG.test(segment)) return false;
  const raw = segment.split(SPACES);
  if (raw.length > MAX_WORDS) return false;
  // "Prices rose, analysts said." is a sentence with a tag, not a bare tag.
  for (let k = 0; k < raw.length - 1; k++) if (CLAUSE_END.test(raw[k] ?? '')) return false;
  const words = raw.map((w) => w.replace(EDGE_PUNCT, '')).filter((w) => w !== '');
  const lower = words.map((w) => w.toLowerCase());
  if (lower[0] === 'according' && lower[1] === 'to') return words.length >= 3;
  const verb = lower.findIndex((w) => SPEECH_VERBS.has(w));
  if (verb < 0 || verb > 3) return false;
  for (let k = 0; k < verb; k++) {
    if (SUBJECT_BLOCK.has((lower[k] ?? '').replace(POSSESSIVE, ''))) return false;
  }
  const tail = words.slice(verb + 1);
  if (verb === 0 && tail.length === 0) return false; // a lone "Said." is not worth guessing about
  if (tail.length > 4) return false;
  return tail.every((w) => isCapitalised(w) || TAIL_ALLOW.has(w.toLowerCase()));
}

function isCapitalised(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase();
}
