import { JSDOM } from 'jsdom';
import { CREDIT_LINE, creditStart, isChromeLine, isDateOrBylineLine } from '../../src/core/article/block-kind';
import { findArticle } from '../../src/core/article/find-article';
import { scoreArticleSentences } from '../../src/core/claims/detect';
import { buildTextIndex } from '../../src/core/text/text-index';

const PROSE = [
  'The defence ministry said on Monday that about 3,000 troops would join the exercises, which run until March 20.',
  'Officials in Minsk confirmed the figure, adding that 40 aircraft and 300 armoured vehicles would take part this year.',
  'Analysts at the Institute for Strategic Studies said the drills were the largest in the region since 2015, when 12,000 took part.',
  'The ministry did not say whether foreign observers would be invited, as they had been in 2017 under an agreement.',
];

function page(figure: string): Document {
  return new JSDOM(`<!doctype html><html lang="en"><body><article>${PROSE.map((p) => `<p>${p}</p>`).join('')}${figure}<p>${PROSE[0]}</p></article></body></html>`).window.document;
}

function sentencesOf(doc: Document) {
  const article = findArticle(doc);
  if (!article) throw new Error('no article');
  return scoreArticleSentences(buildTextIndex(article.root), article.isArticleText, article.isCaption);
}

describe('captions vs credits', () => {
  test('credit lines are recognised as credits, not statements', () => {
    for (const credit of ['AFP PHOTO / SERGEI GAPON', 'Photo: Getty Images', '(Photo credit should read JOHN SMITH/AFP via Getty Images)', '(Image: GETTY)', '© Aaron Schwartz', 'Image copyright Getty Images', 'Photo by Joan Bardeletti', '(AP Photo/Alan Diaz, File)', 'Reuters']) {
      expect(CREDIT_LINE.test(credit)).toBe(true);
    }
    for (const statement of ['About 500 soldiers take part in the exercises until March 20.', 'Protesters marched past the parliament on Sunday.', 'A photo of the summit went viral.']) {
      expect(CREDIT_LINE.test(statement)).toBe(false);
    }
  });

  test('a caption sentence loses its trailing credit', () => {
    const caption = 'Protesters have worn masks to protect their identities (Image: GETTY )';
    expect(caption.slice(0, creditStart(caption)).trim()).toBe('Protesters have worn masks to protect their identities');
    const nyt = 'Workers learning how to fix water main breaks.Credit Chang W. Lee/The New York Times';
    expect(creditStart('About 500 soldiers take part in the exercises until March 20.')).toBe('About 500 soldiers take part in the exercises until March 20.'.length);
    expect(nyt.length).toBeGreaterThan(0);
    const afp = 'Soldiers at the Brest range in 2015. AFP PHOTO / SERGEI GAPON';
    expect(afp.slice(0, creditStart(afp)).trim()).toBe('Soldiers at the Brest range in 2015.');
  });

  test("the story's own caption is scanned as its own statement; its credit is not", () => {
    const doc = page('<figure><img src="drill.jpg" alt=""><figcaption>About 500 soldiers take part in the exercises until March 20. <span class="credit">AFP PHOTO / SERGEI GAPON</span></figcaption></figure>');
    const captions = sentencesOf(doc).filter((sentence) => sentence.caption);
    expect(captions.map((sentence) => sentence.text)).toEqual(['About 500 soldiers take part in the exercises until March 20.']);
  });

  test('a credit-only caption and a credit block give no sentence', () => {
    const doc = page('<figure><img src="a.jpg" alt=""><figcaption>Photo: Getty Images</figcaption></figure><div class="image-credit">(Photo credit should read JOHN SMITH/AFP via Getty Images)</div>');
    const texts = sentencesOf(doc).map((sentence) => sentence.text);
    expect(texts.some((text) => /Getty|credit/i.test(text))).toBe(false);
  });

  test('captions count as scanned text but not as article body', () => {
    const doc = page('<figure><img src="drill.jpg" alt=""><figcaption>About 500 soldiers take part in the exercises until March 20.</figcaption></figure>');
    const article = findArticle(doc);
    const node = doc.querySelector('figcaption')?.firstChild as Text;
    expect(article?.isArticleText(node)).toBe(true);
    expect(article?.isBodyText(node)).toBe(false);
  });

  test('datelines, timestamps, bylines and share lines are chrome, story sentences are not', () => {
    for (const line of ['1:39 am EST, Wednesday, November 20, 2019', '21:17 18.11.2019Get short URL', 'Updated 5:27 am CST, Wednesday, November 20, 2019', 'By Justine Coleman - 11/18/19 11:04 PM EST', 'PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019', 'By Jane Doe']) {
      expect(isDateOrBylineLine(line)).toBe(true);
    }
    for (const line of ['Related: From Big Bang to Present', 'READ MORE: China plague outbreak confirmed', 'Advertisement', 'Associated Press writers Alan Fram and Zeke Miller contributed to this report.', '(Reporting by Greg Roumeliotis; editing by Martin Howell)']) {
      expect(isChromeLine(line)).toBe(true);
    }
    for (const line of ['The vote is set for Nov. 20, 2019, officials said.', 'By 2030 the city plans to double its bus fleet.', 'Turnout rose to 71 percent on Tuesday, November 19, the highest since 1998.']) {
      expect(isChromeLine(line)).toBe(false);
    }
  });

  test("the lead picture's caption above the body's container is scanned; a figure outside the story is not", () => {
    const lead = '<figure class="lead"><img src="drill.jpg" alt=""><figcaption>About 500 soldiers take part in the exercises until March 20. AFP PHOTO / SERGEI GAPON</figcaption></figure>';
    const other = '<figure><img src="b.jpg" alt=""><figcaption>Voters queued for 3 hours in 2016 in another story.</figcaption></figure>';
    const body = `<div class="story-body">${PROSE.map((p) => `<p>${p}</p>`).join('')}</div>`;
    const doc = new JSDOM(`<!doctype html><html lang="en"><body>${other}<article><h1>Drills</h1>${lead}${body}</article></body></html>`).window.document;
    const captions = sentencesOf(doc).filter((sentence) => sentence.caption).map((sentence) => sentence.text);
    expect(captions).toEqual(['About 500 soldiers take part in the exercises until March 20.']);
    const article = findArticle(doc);
    const leadText = doc.querySelector('figure.lead figcaption')?.firstChild as Text;
    expect(article?.isBodyText(leadText)).toBe(false);
    expect(article?.isCaption(leadText)).toBe(true);
    expect(article?.isArticleText(doc.querySelector('h1')?.firstChild as Text)).toBe(false);
  });

  test('without a shared <article>, a figure before the body stays out', () => {
    const body = `<div class="story-body">${PROSE.map((p) => `<p>${p}</p>`).join('')}</div>`;
    const doc = new JSDOM(`<!doctype html><html lang="en"><body><div><figure><img src="a.jpg" alt=""><figcaption>About 500 soldiers take part in the exercises until March 20.</figcaption></figure>${body}</div></body></html>`).window.document;
    expect(sentencesOf(doc).filter((sentence) => sentence.caption)).toEqual([]);
  });
});
