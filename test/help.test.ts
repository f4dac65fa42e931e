import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, hasFact, readEvalFile } from '../scripts/lib/help-eval.js';
import { answerLanguage, HelpService, type HelpAnswer } from '../src/help/compose-answer.js';
import { GuideIndex } from '../src/help/guide-index.js';
import { loadGuide, type Guide } from '../src/help/guide-loader.js';
import {
  editDistance,
  fold,
  isStopword,
  splitCompound,
  stem,
  stemEnglish,
  stemNorwegian,
  tokenize,
} from '../src/help/normalize.js';
import type { Lang } from '../src/i18n/translate.js';
import { cited, lastLine, lines } from './helpers/help-answer.js';

let guide: Guide;
let help: HelpService;

beforeAll(() => {
  guide = loadGuide();
  help = new HelpService(guide);
});

/** The answer's sentences before the citation line. */
const sentencesOf = (answer: HelpAnswer) =>
  (answer.found ? lines(answer).slice(0, -1) : lines(answer))
    .join(' ')
    .split(/(?<=[.!?])\s+(?=[«"(]?[\p{Lu}\d])/u);

describe('normalising Norwegian and English words', () => {
  const sameStem = (lang: Lang, words: string[]) => new Set(words.map((w) => fold(stem(w, lang))));

  it.each<[string, string[]]>([
    [
      'kvittering',
      [
        'kvittering',
        'kvitteringa',
        'kvitteringen',
        'kvitteringar',
        'kvitteringer',
        'kvitteringane',
        'kvitteringene',
      ],
    ],
    [
      'passasjer',
      ['passasjer', 'passasjeren', 'passasjerar', 'passasjerer', 'passasjerane', 'passasjerene'],
    ],
    ['bompenger', ['bompengar', 'bompenger']],
    ['kjøre', ['kjøring', 'kjøre', 'kjører']],
    ['køyre', ['køyring', 'køyre', 'køyrer']],
    ['ferje', ['ferje', 'ferja', 'ferjer', 'ferjene']],
    ['parkere', ['parkering', 'parkere', 'parkert', 'parkeringa']],
    ['bruker', ['bruker', 'brukar', 'brukere', 'brukarar', 'brukeren', 'brukaren']],
    ['passord', ['passord', 'passordet', 'passorda']],
    ['innstilling', ['innstillingar', 'innstillinger', 'innstillingane', 'innstillingene']],
  ])('Norwegian forms of %s share a stem', (_word, forms) => {
    expect(sameStem('nb', forms).size).toBe(1);
  });

  it.each<[string, string[]]>([
    ['receipt', ['receipt', 'receipts']],
    ['drive', ['drive', 'driving', 'drives']],
    ['activate', ['activate', 'activated', 'activation', 'activating']],
    ['log', ['log', 'logging', 'logged', 'logs']],
    ['passenger', ['passenger', 'passengers']],
    ['ferry', ['ferry', 'ferries']],
    ['attach', ['attach', 'attachment', 'attachments']],
    ['setting', ['setting', 'settings']],
  ])('English forms of %s share a stem', (_word, forms) => {
    expect(sameStem('en', forms).size).toBe(1);
  });

  it('keeps short words whole and does not strip -ing from words that are only -ing', () => {
    expect(stemNorwegian('bom')).toBe('bom');
    expect(stemNorwegian('ring')).toBe('ring');
    expect(stemEnglish('thing')).toBe('thing');
    expect(stemEnglish('toll')).toBe('toll');
    expect(stemEnglish('comment')).toBe('comment');
  });

  it('folds the letters people type without a Norwegian keyboard', () => {
    expect(fold('Kjøring')).toBe('kjoring');
    expect(fold('på')).toBe('pa');
    expect(fold('Bærum')).toBe('baerum');
    expect(fold('Formål')).toBe('formal');
    expect(fold('café')).toBe('cafe');
  });

  it('tokenises hyphenated words, addresses and apostrophes', () => {
    expect(tokenize('e-post')).toEqual(['epost']);
    expect(tokenize('Chrome-nettleser', { parts: true })).toEqual([
      'chromenettleser',
      'chrome',
      'nettleser',
    ]);
    expect(tokenize('do.not.reply@visma.net')).toEqual(['do', 'not', 'reply', 'visma', 'net']);
    expect(tokenize("app’en team's")).toEqual(['appen', 'teams']);
  });

  it('knows stop words in all three languages, also typed without æøå', () => {
    for (const word of ['the', 'how', 'hvordan', 'korleis', 'ikkje', 'når', 'nar', 'på', 'pa'])
      expect(isStopword(word)).toBe(true);
    for (const word of ['ferry', 'ferje', 'passord', 'toll']) expect(isStopword(word)).toBe(false);
  });

  it('measures typos with transpositions as one edit', () => {
    expect(editDistance('pasword', 'password')).toBe(1);
    expect(editDistance('deim', 'diem')).toBe(1);
    expect(editDistance('recipt', 'receipt')).toBe(1);
    expect(editDistance('kvitering', 'kvittering')).toBe(1);
    expect(editDistance('ferry', 'parking', 1)).toBe(2);
  });

  it('splits a compound at a known head, with the linking s', () => {
    const known = new Set(['aktiv', 'epost', 'billett', 'reis']);
    const isKnown = (form: string) => known.has(form);
    expect(splitCompound('aktiveringseposten', isKnown)).toMatchObject({
      headWord: 'eposten',
      head: ['epost'],
      modifier: ['aktiv'],
    });
    expect(splitCompound('jobbreise', isKnown)).toMatchObject({ head: ['reis'], modifier: [] });
    expect(splitCompound('treningsavgiften', isKnown)).toBeUndefined();
  });

  it('treats spelling variants and synonyms as one concept', () => {
    const index = new GuideIndex(guide);
    const concept = (question: string) =>
      index.analyze(question).groups.map((g) =>
        g.alternatives
          .map((a) => a.form)
          .sort()
          .join(),
      );
    const same = (...questions: string[]) =>
      expect(new Set(questions.map((q) => concept(q)[0])).size).toBe(1);
    same('ferge', 'ferje', 'ferja', 'ferry', 'boat', 'fjord crossing');
    same('bom', 'bompengar', 'bompenger', 'bomring', 'toll', 'autopass');
    same('kjøring', 'køyring', 'kjøre', 'køyre', 'mileage', 'km');
    same('passasjer', 'passasjerar', 'passasjerer', 'passengers');
    same('kvittering', 'kvitteringar', 'kvitteringer', 'receipt');
    same('password', 'passord', 'pw');
    same('per diem', 'diett', 'daily allowance', 'kost');
    same('app', 'Visma Attach');
  });
});

const GUIDE_QUESTIONS: Array<[Lang, string, string[]]> = [
  ['en', 'where do I enter parking costs from a business trip?', ['5.1', '5.2', '4.1']],
  ['en', 'Do bridge tolls go on the mileage log or as an outlay?', ['5.1']],
  ['en', "I can't remember my pasword", ['3', '1']],
  ['en', 'how do I switch the language to English?', ['2']],
  ['en', 'the activation mail never arrived', ['1']],
  ['en', "what's my login name?", ['1', '4.1']],
  ['en', 'how do I photograph a recipt with my phone', ['4', '4.1']],
  ['en', 'I have an old version of the Attach app from 2018', ['4']],
  ['en', 'how to register passangers on a driving claim', ['5.3']],
  ['en', 'what does the red star mean?', ['5.3']],
  ['en', 'do I get a daily allowance for an overnight trip?', ['5.4']],
  ['en', 'which web browser works best?', ['1']],
  ['en', 'the Formål field stays empty after I import the receipt from Attach', ['5.2']],
  ['en', 'how do I log a boat ticket from a fjord crossing?', ['5.1', '5.2']],
  ['en', 'should I edit the department or project fields?', ['5.1']],
  ['en', 'how do I add a colleague who rode with me?', ['5.3']],
  ['en', 'I paid for parking at the airport, how do I get the money back?', ['5.2', '5.1']],
  ['en', 'how do I reset my pw?', ['3', '1']],
  ['en', 'I took the ferry during a customer visit, how do I claim it?', ['5.1', '5.2']],
  ['en', 'where should I note what an attachment is for?', ['4.1']],
  ['en', 'how do I open the help for the form', ['5']],
  ['en', 'whats the minimum length of a password', ['1']],
  ['nb', 'hvordan registrerer jeg bomring når jeg har kjørt egen bil?', ['5.1']],
  ['nb', 'jeg finner ikke e-posten for å aktivere brukeren', ['1']],
  ['nb', 'hvor mange tegn må passordet ha?', ['1']],
  ['nb', 'hvilken nettleser skal jeg bruke?', ['1']],
  ['nb', 'får jeg diett når jeg reiser utenom arbeidstid?', ['5.4']],
  ['nb', 'glemt pasord', ['3']],
  ['nb', 'jeg fikk aldri aktiveringsmailen', ['1']],
  ['nb', 'skal jeg endre noe i den svarte rammen?', ['5.1']],
  ['nb', 'hvordan fører jeg bomvei på kjøreboka', ['5.1']],
  ['nb', 'hva gjør jeg med en kolega som satt på?', ['5.3']],
  ['nb', 'hvor legger jeg inn ferjebilletten?', ['5.1', '5.2', '4.1']],
  ['nn', 'korleis fører eg bompengar?', ['5.1']],
  ['nn', 'kva er brukarnamnet mitt?', ['1', '4.1']],
  ['nn', 'kva betyr den raude stjerna?', ['5.3']],
  ['nn', 'korleis legg eg ved kvittering for ferja?', ['5.1', '5.2']],
  ['nn', 'kvar skriv eg kommentar til vedlegget?', ['4.1']],
  ['nn', 'korleis fører eg parkeringsbillett når eg har køyrt eigen bil?', ['5.1', '5.2']],
  ['nn', 'kvar finn eg hjelp når eg fyller ut reiserekninga?', ['5']],
  ['nn', 'kva skjer når eg trykkjer lagre?', ['5.1']],
  [
    'en',
    'Hi! I was at a conference in Stavanger last week and took the ferry and also paid for parking at the hotel. How should I register all of this?',
    ['5.1', '5.2', '4.1'],
  ],
  ['nb', 'hvordan kommer jeg i gang med en ny reiseregning?', ['5.1', '5']],
  ['en', 'I drove to Lillehammer with two colleagues in the car, how do I add them?', ['5.3']],
  ['nn', 'korleis lastar eg opp skanna dokument?', ['4', '5.2']],
];

const OUT_OF_GUIDE: Array<[Lang, string]> = [
  ['en', 'how do I delete a claim I submitted by mistake?'],
  ['en', 'who approves my expense claims?'],
  ['en', 'can I expense a new laptop?'],
  ['en', 'can I get reimbursed for my gym membership?'],
  ['en', 'How much is the mileage rate per km this year?'],
  ['en', 'what time does the office open?'],
  ['en', 'how do I change my bank account number?'],
  ['en', 'tell me a joke'],
  ['nb', 'hvordan bestiller jeg flybilletter?'],
  ['nb', 'hvordan søker jeg om ferie?'],
  ['nb', 'hvordan godkjenner jeg reiseregninger for ansatte?'],
  ['nb', 'kan jeg få forskudd på reisen?'],
  ['nn', 'når blir lønna utbetalt?'],
  ['nn', 'kor mykje kostar ein kaffi i kantina?'],
  ['nn', 'kven godkjenner reiserekninga mi?'],
  ['en', 'how much per diem do I get for a day trip?'],
  ['nb', 'hvor mye får jeg per km?'],
  ['nb', 'hva er kilometersatsen i år?'],
];

describe('finding the answer in the guide', () => {
  it.each(GUIDE_QUESTIONS)('[%s] %s → cites %j', (lang, question, expected) => {
    const answer = help.answerOffline(question, lang);
    expect(answer.found).toBe(true);
    expect(cited(answer).some((id) => expected.includes(id))).toBe(true);
  });

  it.each(OUT_OF_GUIDE)('[%s] %s → not in the guide, no citation', (lang, question) => {
    const answer = help.answerOffline(question, lang);
    expect(answer.found).toBe(false);
    expect(answer).not.toHaveProperty('sections');
    expect(answer.text).not.toMatch(/Source:|Kilde:|Kjelde:/);
  });

  it('says so in the language of the question, with what the bot can help with', () => {
    expect(help.answerOffline('what is the capital of Norway?', 'nb').text).toMatch(
      /^I can't find that in the user guide\. Here I can help you file outlays/,
    );
    expect(help.answerOffline('hvem vant kampen i går?', 'en').text).toMatch(
      /^Det finner jeg ikke i brukerveiledningen\. Her kan jeg hjelpe/,
    );
    expect(help.answerOffline('kven vann kampen i går?', 'en').text).toMatch(
      /^Det finn eg ikkje i brukarrettleiinga\./,
    );
  });
});

describe('the answer', () => {
  it('is in the language of the question, from that language’s guide, whatever the user’s language', () => {
    const en = help.answerOffline('how do I add passengers to a mileage claim?', 'nn');
    expect(en.lang).toBe('en');
    expect(en.text).toContain('initials');
    expect(lastLine(en)).toBe('Source: user guide 5.3 Mileage');

    const nn = help.answerOffline('korleis legg eg til passasjerar?', 'en');
    expect(nn.lang).toBe('nn');
    expect(nn.text).toContain('passasjerar må de legge til');
    expect(lastLine(nn)).toBe('Kjelde: brukarrettleiinga 5.3 Køyring');

    const nb = help.answerOffline('hvordan legger jeg til passasjerer?', 'en');
    expect(nb.lang).toBe('nb');
    expect(lastLine(nb)).toBe('Kilde: brukerveiledningen 5.3 Kjøring');
  });

  it('falls back to the user’s language when the question does not tell', () => {
    expect(answerLanguage('passord?', 'nn')).toBe('nn');
    expect(answerLanguage('passord?', 'en')).toBe('en');
    expect(help.answerOffline('bompenger?', 'nn')).toMatchObject({ lang: 'nn', found: true });
    // Clear Norwegian from an English-locale user, standard unknown: bokmål.
    expect(answerLanguage('parkering og bompenger på tur', 'en')).toBe('nb');
  });

  it('ends with the source line naming section number and title; the citation lists those sections', () => {
    const answer = help.answerOffline('how do I log a ferry ticket?', 'en');
    expect(answer.found).toBe(true);
    if (!answer.found) return;
    expect(lastLine(answer)).toMatch(/^Source: user guide 5\.1 Getting started(; \d(\.\d)? .+)?$/);
    expect(answer.text).toMatch(/\n\nSource: user guide [^\n]+$/);
    expect(answer.sections[0]).toEqual({ id: '5.1', title: 'Getting started' });
    expect(lastLine(answer)).toBe(
      `Source: user guide ${answer.sections.map((s) => `${s.id} ${s.title}`).join('; ')}`,
    );
  });

  it('has two to five sentences before the source line', () => {
    for (const [lang, question] of GUIDE_QUESTIONS) {
      const count = sentencesOf(help.answerOffline(question, lang)).length;
      expect(count, question).toBeGreaterThanOrEqual(2);
      expect(count, question).toBeLessThanOrEqual(5);
    }
  });

  it('quotes the sentences that answer the question, not the start of the section', () => {
    const length = help.answerOffline('how long must a password be?', 'en');
    expect(length.text).toContain('at least eight characters');
    expect(length.text).not.toContain('Use the Chrome browser');

    const comment = help.answerOffline('kva skal eg skrive i kommentarfeltet?', 'nn');
    expect(comment.text).toContain('Skriv kva vedlegget gjeld i kommentarfeltet');
    expect(comment.text).not.toContain('Logg inn på app’en');
  });

  it('gives the step before a numbered step, which says how to get there', () => {
    const upload = help.answerOffline('where do I upload receipts from my computer', 'en');
    expect(upload.text).toContain('Click «Legg ved fil» (Attach file).');
    expect(upload.text).toContain('uploading attachments from your computer');
  });

  it('gives a bullet alone: the bullets beside it say other things', () => {
    const toll = help.answerOffline(
      'hvordan fører jeg bompenger når jeg har kjørt egen bil?',
      'nb',
    );
    expect(toll.text).toContain('bompenger, fergebilletter osv. må føres som utlegg');
    expect(toll.text).not.toContain('Klikk «lagre»');
    const frame = help.answerOffline('should I touch anything inside the black frame?', 'en');
    expect(frame.text).toContain('rarely or never change anything');
    expect(frame.text).not.toContain('Click «Save»');
  });

  it('names the button or the address the question asks for', () => {
    const button = help.answerOffline(
      'done snapping the receipt with my phone app, what button do I hit next',
      'en',
    );
    expect(button.text).toContain('«tick»');
    const knapp = help.answerOffline('kva knapp trykkjer eg på når biletet er teke i appen?', 'nn');
    expect(knapp.text).toContain('«haken»');
  });

  it('keeps the step that leads to a step, also when the question weighs two ways', () => {
    const pc = help.answerOffline(
      'går det an å laste opp kvitteringen fra pc-en i stedet for med mobilappen?',
      'nb',
    );
    expect(pc.text).toContain('Klikk på «Legg ved fil».');
    expect(pc.text).toContain('laste opp vedlegg fra datamaskinen');
  });

  it('answers a problem with the sentence that takes it as its condition', () => {
    const nn = help.answerOffline(
      'eg har ikkje fått nokon e-post om å aktivere brukaren min',
      'nn',
    );
    expect(nn.text).toContain('Om du ikkje finn denne mailen');
    expect(nn.text).toContain('søppekassa');
    const en = help.answerOffline('never got the activation email, what now?', 'en');
    expect(en.text).toContain('If you cannot find this e-mail');
    expect(en.text).toContain('spam');
  });

  it('opens the section when the question is about its topic as a whole', () => {
    expect(help.answerOffline('how does mileage work?', 'en').text).toContain('red asterisk');
    expect(help.answerOffline('hvordan registrerer jeg kjøregodtgjørelse?', 'nb').text).toContain(
      'rød stjerne',
    );
  });

  it('marks the sentence with a word only one section has, however weak the word', () => {
    const nn = help.answerOffline('kan eg legge fleire kvitteringar på same krav i appen?', 'nn');
    expect(nn.text).toContain('Du kan legge fleire vedlegg');
    const en = help.answerOffline(
      'is it possible to add several receipts to one trip in the app',
      'en',
    );
    expect(en.text).toContain('You can add several attachments');
  });

  it('adds the sentence with a concept the best passage misses', () => {
    const frame = help.answerOffline("what's the black box on the start screen?", 'en');
    expect(frame.text).toContain('The start screen is the same');
    expect(frame.text).toContain('rarely or never change anything inside the black frame');
  });

  it('offers an outlay here for receipts, tolls, ferries and parking', () => {
    for (const [lang, question] of [
      ['en', 'how do I log a ferry ticket?'],
      ['nb', 'hvor fører jeg bompenger når jeg kjører egen bil?'],
      ['nn', 'korleis fører eg parkering?'],
    ] as const) {
      const answer = help.answerOffline(question, lang);
      expect(answer).toMatchObject({ found: true, action: 'outlay.start' });
    }
    expect(help.answerOffline('how do I log a ferry ticket?', 'en').text).toContain(
      'I can start an outlay for it right here in the chat, or just send me a photo of the receipt.',
    );
    expect(help.answerOffline('korleis fører eg parkering?', 'nn').text).toContain(
      'Eg kan starte eit utlegg for det her i chatten, eller send meg berre eit bilete av kvitteringa.',
    );
  });

  it('offers a mileage claim for driving and passengers, a travel claim for per diem', () => {
    const mileage = help.answerOffline('hvordan legger jeg til passasjerer?', 'nb');
    expect(mileage).toMatchObject({ found: true, action: 'mileage.start' });
    expect(mileage.text).toContain('Jeg kan starte et krav for kjøring her i chatten.');
    const travel = help.answerOffline('when do I get per diem?', 'en');
    expect(travel).toMatchObject({ found: true, action: 'travel.start' });
    expect(travel.text).toContain('I can start a travel claim for you right here in the chat.');
  });

  it('a section about every kind of claim offers the kind the question names', () => {
    const travel = help.answerOffline(
      'how do i start a travel claim? was in Kirkenes last week',
      'en',
    );
    expect(travel).toMatchObject({ found: true, action: 'travel.start' });
    const mileage = help.answerOffline('korleis startar eg ei køyring?', 'nn');
    expect(mileage).toMatchObject({ found: true, action: 'mileage.start' });
    expect(help.answerOffline('how do I start an outlay?', 'en')).toMatchObject({
      action: 'outlay.start',
    });
  });

  it('offers nothing for login and password questions, and names all it can start for the overview section', () => {
    const password = help.answerOffline('I forgot my password', 'en');
    expect(password.found).toBe(true);
    expect(password).not.toHaveProperty('action');
    expect(password.text).not.toMatch(/I can start/);

    const overview = help.answerOffline('what kinds of claims are there?', 'en');
    expect(cited(overview)).toContain('5');
    expect(overview).not.toHaveProperty('action');
    expect(overview.text).toContain(
      'Here in the chat I can start an outlay, a mileage claim or a travel claim for you.',
    );
  });
});

describe('evaluation on the project’s own questions (test/fixtures/help-questions.jsonl)', () => {
  // Written by the project from the guide (not the evaluation sets): nb, nn and en, with places,
  // dates and names, problem statements, comparisons, questions from inside the chat, and
  // out-of-guide and near-domain questions. The bars are what the offline path reaches on it.
  it('cites a right section, carries the facts, and cites nothing outside the guide', async () => {
    const items = readEvalFile(
      new URL('./fixtures/help-questions.jsonl', import.meta.url).pathname,
    );
    expect(items.length).toBeGreaterThanOrEqual(200);
    const report = await evaluate(help, items);
    // Batch 14 (u319–u557: 139 near-domain, 100 in-guide) and its general changes took these
    // from 94.4 % and 93.1 % (1 025 questions) to 96.2 % and 95.1 % (1 264).
    // Batch 15 (u558–u657: 68 in-guide problem statements, stories with names, places and dates,
    // and comparisons; 32 near-domain) was measured fresh before its changes (69.1 % sections,
    // 67.6 % facts, 81.3 % uncited) and after them (83.8 %, 88.2 %, 93.8 %); no older question lost
    // its answer, seven gained one, and the bars follow the harder set: 95.0 % and 94.6 % of 1 364.
    // Batch 16 (u658–u737: 55 in-guide, 25 near-domain), written after those changes and measured
    // fresh (69.1 %, 74.5 %, 84.0 %), then 81.8 %, 87.3 %, 96.0 % with its own; with both batches
    // the set reaches 94.2 %, 94.1 % and 94.2 % (1 444), and no question of u557 or before fails
    // that passed before the two batches. Batch 17 (u738–u795: 40 in-guide, 18 near-domain),
    // measured fresh after batch 16's changes (72.5 %, 75.0 %, 77.8 %), then 82.5 %, 82.5 %,
    // 94.4 %: with it 93.7 %, 93.4 % and 94.1 % of 1 502, still none of u557 or before lost.
    expect(report.citeShare).toBeGreaterThanOrEqual(0.93);
    expect(report.factShare).toBeGreaterThanOrEqual(0.93);
    // Of the 502 out-of-guide questions, 42 cite a section: near-domain questions whose every
    // word but one is the guide's (splitting a receipt, a trailer supplement, receipts on paper,
    // an app's storage or version, a spouse's car). u01–u75 and u106–u180 were written fresh and
    // measured before any change for them (43 of 50 uncited, then 45; 38 of 50, then 41);
    // u76–u105 and u219–u248 after the changes, as unseen questions (15 of 20; 17 of 20).
    // u181–u218 are probes written while changing the method, 20 of 33 uncited: the bar fell from
    // 0.94 because they were added, not because any older question lost its answer.
    // u249–u318 (batch 13: 45 near-domain, 25 in-guide) were measured fresh before the answer
    // gate (src/help/answer-gate.ts) was built: 34 of 45 uncited, then 39 with the gate. The
    // gate is trained on this file too, so its figure here (510 of 547) is partly in-sample; its
    // cross-validated one is in src/help/answer-gate.json ("training.cv"). With batch 14
    // (139 more near-domain questions, 89.9 % uncited by the gate before it was retrained on
    // them) 640 of 686 (93.3 %).
    expect(report.outOfGuideShare).toBeGreaterThanOrEqual(0.94);
  });

  it('reads a fact "a|b" as either alternative, ignoring case', () => {
    expect(hasFact('Use the CHROME browser', 'firefox|chrome')).toBe(true);
    expect(hasFact('Use the browser', 'firefox|chrome')).toBe(false);
  });
});
