/** @jest-environment jsdom */
// The sliced scan gives the scan of one pass: chunked segmentation equals segmenting the whole
// text (on every corpus article and the sample page), and scanPageInSlices equals scanPage.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanPage } from '../../src/core/scan/page-scan';
import { scanPageInSlices, segmentInChunks } from '../../src/content/page-scan-slices';
import { segmentSentences } from '../../src/core/text/segment';
import { buildTextIndex } from '../../src/core/text/text-index';
import { corpusPage, corpusPages } from '../support/corpus';

const SAMPLE = readFileSync(join(__dirname, '..', '..', 'sample', 'venezuela-russia.html'), 'utf8');
const now = () => Promise.resolve();

describe('the scan in slices', () => {
  test('segmenting runs of blocks gives the spans of segmenting the whole text', () => {
    const pages = [SAMPLE, ...corpusPages().map((name) => corpusPage(name).expected)];
    for (const html of pages) {
      document.documentElement.innerHTML = html;
      const index = buildTextIndex(document.body);
      const whole = segmentSentences(index.text, index.blockBreaks);
      for (const chunk of [500, 5_000]) expect([...segmentInChunks(index.text, index.blockBreaks, chunk)].flat()).toEqual(whole);
    }
  });

  test('scanPageInSlices finds what scanPage finds', async () => {
    document.documentElement.innerHTML = SAMPLE;
    const whole = scanPage(document, 'http://127.0.0.1/sample/venezuela-russia.html');
    const sliced = await scanPageInSlices(document, 'http://127.0.0.1/sample/venezuela-russia.html', now, 0);
    expect(sliced.sentences).toEqual(whole.sentences);
    expect(sliced.text).toBe(whole.text);
    expect(sliced.key).toBe(whole.key);
  });
});
