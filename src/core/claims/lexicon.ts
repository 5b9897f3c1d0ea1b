import { NO_REASON, R } from './reasons';

/** Bit flags for the sentence-level cue features a word switches on. */
export const F = {
  QTY: 1 << 0,
  MONEY: 1 << 1,
  PCT: 1 << 2,
  DATE: 1 << 3,
  ATTRIB: 1 << 4,
  COMPAR: 1 << 5,
  SUPERL: 1 << 6,
  CAUSAL: 1 << 7,
  OFFICIAL: 1 << 8,
  PAST: 1 << 9,
  MODAL: 1 << 10,
  FUTURE: 1 << 11,
  OPINION: 1 << 12,
  I: 1 << 13,
  WE: 1 << 14,
  YOU: 1 << 15,
  NEG: 1 << 16,
  IMPER: 1 << 17,
  CHANGE: 1 << 18,
  EVIDENCE: 1 << 19,
  NUMWORD: 1 << 20,
  HEDGE: 1 << 21,
} as const;

/** What the lexicon knows about a lower-cased word: its cue flags and the reason it serves. */
export interface LexEntry {
  flags: number;
  reason: number;
}

// Closed-class and generic vocabulary is kept verbatim in the abstracted n-grams because it
// carries the grammar of a claim ("has increased by", "according to") and transfers across
// topics. Everything else is reduced to a word shape, so topic words cannot dominate.
const LISTS: Array<[number, number, string]> = [
  [F.PCT, R.quantity, 'percent percentage per-cent'],
  [F.MONEY, R.quantity, 'dollars dollar cents cent bucks pounds euros'],
  [F.QTY, R.quantity, 'million millions billion billions trillion trillions thousand thousands hundred hundreds dozen dozens half twice triple tripled quadrupled third thirds quarter quarters average total majority minority rate rates ratio per number numbers amount times tons miles acres barrels households families people jobs workers'],
  [F.QTY | F.NUMWORD, R.quantity, 'zero two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety'],
  [F.CHANGE | F.PAST, R.quantity, 'increased decreased doubled rose fell grew dropped declined cut reduced raised lowered lost gained added created spent paid saved soared plunged jumped'],
  [F.CHANGE, R.quantity, 'increase increases decrease decreases growth decline reduction rise drop'],
  [F.DATE, R.date, 'year years month months week weeks decade decades century centuries ago yesterday recently since annually era last'],
  [F.ATTRIB | F.PAST, R.attribution, 'said told reported announced stated claimed wrote testified admitted acknowledged confirmed denied insisted argued warned accused suggested noted added quoted estimated conceded revealed disclosed alleged'],
  [F.ATTRIB, R.attribution, 'says according claims reports estimates alleges tweeted'],
  [F.EVIDENCE, R.attribution, 'study studies survey surveys poll polls report data statistics census figures evidence research analysis records'],
  [F.COMPAR, R.comparison, 'more less fewer higher lower larger smaller bigger greater better worse than compared versus faster slower cheaper richer poorer older younger'],
  [F.SUPERL, R.comparison, 'most least highest lowest largest smallest biggest greatest best worst first only record fastest slowest richest poorest oldest'],
  [F.CAUSAL, R.causal, 'because cause caused causes causing due result resulted results therefore thus hence consequently led responsible blame blamed effect impact'],
  [F.OFFICIAL, R.official, 'law laws legal illegal illegally court courts judge constitution constitutional treaty treaties agreement sanctions sanction bill bills legislation act signed vetoed veto voted vote votes passed congress senate parliament government ministry minister department agency official officials federal administration president senator governor secretary budget deficit debt tax taxes regulation regulations policy military troops army forces soldiers police election elected nuclear weapons deployed'],
  [F.PAST, R.history, 'was were had did went came took made got gave sent met won built fought brought bought became began left held kept ran saw sold stood knew happened occurred invaded attacked killed'],
  [F.MODAL, NO_REASON, 'should must ought can could may might shall would need needs'],
  [F.FUTURE, NO_REASON, "will won't going gonna 'll i'll we'll you'll they'll he'll she'll it'll"],
  [F.OPINION, NO_REASON, 'think believe feel hope wish guess suppose agree disagree sure certainly obviously important wrong right good bad great terrible wonderful proud fair unfair want wants love hate thank thanks appreciate congratulate honored'],
  [F.HEDGE, NO_REASON, 'maybe perhaps probably possibly seems'],
  [F.I, NO_REASON, "i me my mine myself i'm i've i'd"],
  [F.WE, NO_REASON, "we us our ours ourselves we're we've we'd"],
  [F.YOU, NO_REASON, "you your yours yourself you're you've you'd"],
  [F.NEG, NO_REASON, "not no never nothing nobody none n't don't doesn't didn't can't cannot wouldn't shouldn't isn't aren't wasn't weren't haven't hasn't hadn't couldn't"],
  [F.IMPER, NO_REASON, "let's please sign subscribe click follow share join read watch visit download register donate imagine remember consider look listen"],
  [0, NO_REASON,
    "the a an this that these those it its he she they them their his her him himself herself themselves is are be been being am has have do does done and or but if then so of in on at to for with by from about as into over under after before during through between against without within up down out off again there here what which who whom whose when where why how all any some every each both either neither other another such very just also too even still already yet now well oh yes okay one ones let 's 're 've 'd 'm it's that's there's what's he's she's they're they've they'd let today tomorrow now also whether while although though unless until because"],
];

function buildLexicon(): Map<string, LexEntry> {
  const lexicon = new Map<string, LexEntry>();
  for (const [flags, reason, words] of LISTS) {
    for (const word of words.split(' ')) {
      if (!word) continue;
      const entry = lexicon.get(word);
      // The first list to claim a word sets its reason; later lists only add cue flags.
      if (entry) entry.flags |= flags;
      else lexicon.set(word, { flags, reason });
    }
  }
  return lexicon;
}

/** The generic vocabulary kept verbatim, with each word's cue flags and reason. */
export const LEXICON: ReadonlyMap<string, LexEntry> = buildLexicon();

/** Month and weekday names, which are capitalised but are dates, not named entities. */
export const CALENDAR = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct',
  'nov', 'dec', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
]);

/** Words ending in "-est" that are not superlatives. */
export const NOT_SUPERLATIVE = new Set([
  'interest', 'rest', 'test', 'west', 'protest', 'forest', 'honest', 'modest', 'request', 'suggest',
  'arrest', 'invest', 'contest', 'guest', 'quest', 'nest', 'chest', 'harvest', 'manifest', 'digest',
  'earnest', 'conquest', 'midwest', 'unrest', 'attest', 'pest', 'vest', 'lest',
]);
