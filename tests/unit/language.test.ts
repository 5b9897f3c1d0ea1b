import { JSDOM } from 'jsdom';
import { scanPage } from '../../src/core/scan/page-scan';
import { detectLanguage, primaryLanguage } from '../../src/core/language/detect';
import { claimModelFor, CLAIM_LANGUAGES } from '../../src/core/language/claim-models';

const ENGLISH = 'The central bank raised its main interest rate by half a point on Thursday, the third increase this year, saying that inflation was still too high. Economists had expected the move, which follows similar decisions in the United States and Britain.';
const RUSSIAN = 'Центральный банк в четверг повысил ключевую ставку на половину пункта, это уже третье повышение в этом году. В ведомстве заявили, что инфляция всё ещё слишком высока, и что решение было принято единогласно. Экономисты ожидали такого шага.';
const SPANISH = 'El banco central subió el jueves su tipo de interés principal en medio punto, la tercera subida de este año, y dijo que la inflación sigue siendo demasiado alta. Los economistas esperaban la decisión, que llega después de medidas similares en Estados Unidos.';
const GERMAN = 'Die Zentralbank hat am Donnerstag ihren Leitzins um einen halben Punkt angehoben, die dritte Erhöhung in diesem Jahr. Die Inflation sei noch immer zu hoch, hieß es zur Begründung. Ökonomen hatten mit dem Schritt gerechnet, der ähnlichen Entscheidungen in den USA folgt.';
const RECIPE = 'Разогрейте духовку до 180 градусов. Смешайте 200 г муки, 2 яйца и 150 мл молока, добавьте щепотку соли и 50 г сахара. Выпекайте 25 минут, пока корочка не станет золотистой. Подавайте с вареньем или сметаной.';

describe('language of the article text', () => {
  test.each([
    ['English', ENGLISH, 'en'],
    ['Russian', RUSSIAN, 'ru'],
    ['Spanish', SPANISH, 'es'],
    ['German', GERMAN, 'de'],
    ['Russian recipe', RECIPE, 'ru'],
  ])('%s text is told from the text', (_name, text, language) => {
    const guess = detectLanguage(text);
    expect(guess.language).toBe(language);
    expect(guess.source).toBe('text');
  });

  test('the text wins over a wrong declared language', () => {
    expect(detectLanguage(RUSSIAN, 'en-US').language).toBe('ru');
    expect(detectLanguage(ENGLISH, 'de').language).toBe('en');
  });

  test('too little text falls back to the declared language, or stays undetermined', () => {
    expect(detectLanguage('Breaking news', 'fr-FR')).toEqual({ language: 'fr', source: 'hint', confidence: 0 });
    expect(detectLanguage('Breaking news').source).toBe('none');
    expect(primaryLanguage('pt_BR')).toBe('pt');
    expect(primaryLanguage('not a tag!')).toBeNull();
  });

  test('scripts decide for Japanese, Chinese, Greek and Arabic text', () => {
    expect(detectLanguage('中央銀行は木曜日、政策金利を0.5ポイント引き上げたと発表した。今年3回目の利上げとなる。インフレ率は依然として高いという。').language).toBe('ja');
    expect(detectLanguage('中央银行周四将主要利率上调半个百分点，这是今年第三次加息，并表示通货膨胀仍然过高。经济学家此前已预料到这一举措。').language).toBe('zh');
    expect(detectLanguage('Η κεντρική τράπεζα αύξησε την Πέμπτη το βασικό επιτόκιο κατά μισή μονάδα, τρίτη αύξηση φέτος.').language).toBe('el');
  });

  test('only English has a claim model; the registry is keyed by language', () => {
    expect(CLAIM_LANGUAGES).toEqual(['en']);
    expect(claimModelFor('en')?.(ENGLISH).score).toBeGreaterThan(0);
    expect(claimModelFor('ru')).toBeNull();
  });
});

function article(lang: string, paragraphs: string[], extra = ''): Document {
  return new JSDOM(`<!doctype html><html lang="${lang}"><head><title>Story</title><meta property="og:type" content="article"></head><body><nav><a href="/">Home</a> <a href="/world">World news and analysis from our correspondents</a></nav>${extra}<article><h1>Story</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`, { url: 'https://news.example/2024/05/story-slug' }).window.document;
}

describe('pages in other languages get no automatic claims', () => {
  test('a Russian article with an English lang attribute and English navigation: language ru, no sentences scored', () => {
    const scan = scanPage(article('en', [RUSSIAN, RECIPE, RUSSIAN.replace('четверг', 'пятницу')], '<div class="menu">Sign in · Subscribe · Newsletters · Weather · Sports · Business</div>'), 'https://news.example/2024/05/story-slug');
    expect(scan.article).not.toBeNull();
    expect(scan.language?.language).toBe('ru');
    expect(scan.notice).toEqual({ kind: 'language', language: 'ru' });
    expect(scan.sentences).toEqual([]);
  });

  test('an English article is scanned', () => {
    const scan = scanPage(article('en', [ENGLISH, ENGLISH.replace('Thursday', 'Friday'), ENGLISH.replace('half', 'a quarter of')]), 'https://news.example/2024/05/story-slug');
    expect(scan.language?.language).toBe('en');
    expect(scan.notice).toBeNull();
    expect(scan.sentences.length).toBeGreaterThan(0);
  });

  test('a German article with no lang attribute is told from its text', () => {
    const scan = scanPage(article('', [GERMAN, GERMAN, GERMAN]), 'https://news.example/2024/05/story-slug');
    expect(scan.notice).toEqual({ kind: 'language', language: 'de' });
  });
});
