/**
 * Sentence-boundary cases: the rules of the English "Golden Rules" list that the pragmatic
 * segmenter and pySBD publish, each written anew here with our own sentences, plus cases
 * from news prose (names with periods, initials, "U.S.", "No. 10", decimals, times, quotations
 * with attributions, ellipses, URLs). A case passes when the segmenter returns exactly the
 * expected sentences.
 */

/** One case: a text and the sentences it holds. */
export interface SegmentCase {
  group: 'golden-rules' | 'news';
  name: string;
  text: string;
  sentences: string[];
}

const g = (name: string, sentences: string[], text = sentences.join(' ')): SegmentCase => ({ group: 'golden-rules', name, text, sentences });
const n = (name: string, sentences: string[], text = sentences.join(' ')): SegmentCase => ({ group: 'news', name, text, sentences });

/** The cases, Golden Rules first. */
export const SEGMENT_CASES: readonly SegmentCase[] = [
  g('simple period', ['The river rose overnight.', 'Schools stayed closed.']),
  g('question mark', ['Where did the money go?', 'Nobody could say.']),
  g('exclamation mark', ['The bridge is open!', 'Drivers cheered.']),
  g('one-letter initial', ['Her lawyer is Maria T. Alvarez.']),
  g('page abbreviation', ['See p. 42 of the report.']),
  g('co. inside a question', ['Did Hanna and co. attend the hearing?']),
  g('Co. before a time', ['They signed with Hale, Brandt & Co. at noon.']),
  g('co. at sentence end', ['Ask Hanna and co.', 'They were there.']),
  g('Co. at sentence end then new sentence', ['They signed with Hale, Brandt & Co.', 'It closed on Friday.']),
  g('Mt. before a name', ['You can see Mt. Rainier from the port.']),
  g('St. and st.', ['St. Anne\'s School is on 9th st. by the bakery.']),
  g('Jr. with possessive', ['That was Hall Jr.\'s first veto.']),
  g('U.S.A. mid-sentence', ['She moved to the U.S.A. in 2004.']),
  g('E.U. at sentence end', ['The rule applies across the E.U.', 'Does it apply to you?']),
  g('U.S. at sentence end', ['He was born in the U.S.', 'How about her?']),
  g('U.S. before a capitalised noun', ['He joined the U.S. Navy at eighteen.']),
  g('U.S. before for', ['They have lived in the U.S. for 12 years.']),
  g('a.m. and P.M. with Mr.', ['At 7 a.m. Mr. Okafor opened the shop.', 'He closed it at 9 P.M.', 'Mr. Okafor then drove home.']),
  g('money with decimals', ['The ticket cost $12.50 at the door.']),
  g('money with decimals at sentence end', ['The ticket cost $12.50.', 'It was cheaper online.']),
  g('parenthetical sentence inside a sentence', ['She studied law (She had trained as a nurse for 6 years.) at the state college.']),
  g('email address', ['Write to press.office@example.org for details.', 'The office replies within a day.']),
  g('URL with dots', ['The filing is at https://www.example.gov/docs/2019.report.pdf for anyone to read.', 'It runs to 80 pages.']),
  g('single-quoted speech with lower-case attribution', ['He looked up, \'That is wrong.\' he said.']),
  g('double-quoted speech with lower-case attribution', ['He looked up, "That is wrong." he said.']),
  g('double-quoted speech then new sentence', ['He looked up, "That is wrong."', 'He pushed the paper away.']),
  g('double exclamation', ['Congratulations!!', 'You won.']),
  g('double question', ['Anyone here??', 'The hall was empty.']),
  g('exclamation-question', ['You sold it!?', 'For how much?']),
  g('question-exclamation', ['You sold it?!', 'For how much?']),
  g('company name with exclamation', ['She works at Yahoo! in the sales team.']),
  g('pronoun I at sentence end then initial', ['You and I make a good team.', 'Did you see Henry I. Cole today?'], 'You and I make a good team. Did you see Henry I. Cole today?'),
  g('No. with a number', ['The file is No. 4471.22 in the archive.']),
  g('spaced ellipsis at the end of a quotation', ['Lincoln said that “a house divided against itself cannot stand. . . .”', 'The crowd was silent.']),
  g('bracketed ellipsis in a quotation', ['“The committee [...] rejected the plan [...]” (Reed 12).']),
  g('four-dot ellipsis ends a sentence', ['I never said that....', 'She left the room.'], 'I never said that.... She left the room.'),
  g('ellipsis inside a sentence', ['I was not really ... well, I mean . . . I did not plan it.']),
  g('spaced ellipsis then new sentence', ['The habit faded . . . and was gone by spring.', 'Nobody missed it.']),
  g('numbered list with parens', ['1) Collect the forms.', '2) Sign each page.'], '1) Collect the forms.\n2) Sign each page.'),
  g('year after a name in parentheses', ['Saint Brendan (died 577) is an Irish saint.', 'He is known for his voyage.']),
  g('abbreviation etc. at sentence end', ['They sold apples, pears, plums, etc.', 'The market closed at six.']),
  g('abbreviation e.g. mid-sentence', ['Bring something warm, e.g. a coat or a blanket.']),
  g('abbreviation i.e. mid-sentence', ['The deadline, i.e. the last day to file, is Friday.']),
  g('Dr. and Prof.', ['Dr. Lin and Prof. Adeyemi wrote the study.']),
  g('time with periods', ['The train left at 10.45 and arrived late.']),
  g('decimal number', ['Growth was 2.4 percent last year.', 'It was 1.9 percent the year before.']),
  g('quotation with question inside', ['“Is it over?” she asked.', 'Nobody answered.']),
  n('product name with periods', ['Whatever the definition, VW says that while the ID. SPACE VIZZION is a concept, it will build a version of it.']),
  n('ID.3 product name', ['The ID.3 is the first car on the new platform.', 'Deliveries start next year.']),
  n('initials in a name', ['The ruling was written by Justice R. B. Ginsburg in 1996.']),
  n('initials before a starter word', ['The report was signed by J. K. Lee.', 'The agency declined to comment.']),
  n('U.S. before a name', ['The U.S. Senate voted 52-48 on the bill.']),
  n('U.S. ends a sentence before He', ['She returned to the U.S.', 'He stayed in Paris.']),
  n('No. 10 before a name', ['A spokesman for No. 10 Downing Street said the talks would continue.']),
  n('No. 2 official', ['He is the No. 2 official at the ministry.']),
  n('decimals and percentages', ['Unemployment fell to 3.6% in May, the lowest since 1969.', 'Wages rose 3.1%.']),
  n('time of day a.m.', ['The polls opened at 7 a.m. and closed at 8 p.m. on Tuesday.']),
  n('a.m. at sentence end then The', ['The blast happened at 4 a.m.', 'The cause is unknown.']),
  n('clock times', ['The meeting ran from 9:30 to 11:15, officials said.']),
  n('quotation with attribution after', ['“We will not back down,” the mayor said.', 'She spoke for 20 minutes.']),
  n('two-sentence quotation with attribution', ['“Prices are rising.', 'People are angry,” Ortiz said on Monday.'], '“Prices are rising. People are angry,” Ortiz said on Monday.'),
  n('quoted sentence then a new sentence', ['“The numbers do not add up.”', 'That was how one analyst put it.']),
  n('attribution before the quotation', ['The minister said: “The plan is dead.”', 'Talks will resume in June.']),
  n('month abbreviation before a date', ['The vote is set for Jan. 15 in the capital.']),
  n('state abbreviation ends a sentence', ['He grew up in Scranton, Pa.', 'His father was a miner.']),
  n('Gov. and Sen.', ['Gov. Ruiz and Sen. Patel met on Friday.', 'They agreed on nothing.']),
  n('Inc. mid-sentence', ['Apple Inc. said sales fell 5 percent.']),
  n('Inc. ends a sentence', ['The stake was sold to Acme Inc.', 'The deal closed in March.']),
  n('URL in a sentence', ['Details are on www.example.com/report.html and in the annex.', 'The annex is 12 pages.']),
  n('ellipsis in a trailing quote', ['“We waited, and waited...” she said.', 'The bus never came.']),
  n('dash-led statement', ['The result — 54.3 percent — was a record.', 'Turnout was low.']),
  n('vs. in a case name', ['The court heard Smith vs. Jones on Monday.']),
  n('ordinal and percent', ['It was the 3rd. time this year that rates rose.'], 'It was the 3rd. time this year that rates rose.'),
  n('sentence ending in a number', ['The death toll rose to 41.', 'Rescuers are still searching.']),
  n('sentence ending in a year', ['The law was passed in 2019.', 'It was amended in 2021.']),
  n('abbreviated military rank', ['Lt. Gen. Ward Hale leads the mission.']),
  n('question in a quotation mid-sentence', ['He asked “why now?” before leaving the room.']),
];
