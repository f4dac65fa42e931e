/**
 * The help answers on questions as employees type them, beyond the plain "how do I…": extra
 * words about when, where and with whom; problem statements; comparisons; questions asked from
 * inside the chat; and questions the guide does not answer, which must cite nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { askLikeTheBot } from '../scripts/lib/help-eval.js';
import { HelpService, type HelpAnswer } from '../src/help/compose-answer.js';
import { comparisonSides } from '../src/help/comparison.js';
import { governingVerbs, verbSlots } from '../src/help/verb-slots.js';
import { splitCompound, tokenize } from '../src/help/normalize.js';
import { loadGuide } from '../src/help/guide-loader.js';
import type { Lang } from '../src/i18n/translate.js';

let help: HelpService;
beforeAll(() => {
  help = new HelpService(loadGuide());
});

const cited = (answer: HelpAnswer) => (answer.found ? answer.sections.map((s) => s.id) : []);
/** The bot's own way: routed by the conversation engine, answered by HelpService. */
const ask = (lang: Lang, question: string) => askLikeTheBot(help, question, lang);

type Case = [Lang, string, string, RegExp];

async function expectAnswered([lang, question, section, fact]: Case): Promise<void> {
  const answer = await ask(lang, question);
  expect(cited(answer), question).toContain(section);
  expect(answer.text, question).toMatch(fact);
}

describe('extra words about when, where and with whom do not push a question out of the guide', () => {
  const cases: Case[] = [
    ['en', 'Siri and Jonas came along to Gjøvik on Tuesday, how do I add them?', '5.3', /initial/i],
    [
      'en',
      'do I get per diem for a day at the Hamar office on Friday 6 March?',
      '5.4',
      /working hours/,
    ],
    [
      'nb',
      'Nina satt på med meg til Porsgrunn i februar, hvordan legger jeg henne til?',
      '5.3',
      /initial/,
    ],
    ['nb', 'får jeg diett for en dagstur til Kongsberg på onsdag?', '5.4', /arbeidstid/],
    [
      'nn',
      'eg var på samling i Molde frå tysdag til torsdag, kva krav gir diettpengar?',
      '5.4',
      /arbeidstid/,
    ],
    ['nn', 'Kari og Per sat på til Florø i går, korleis fører eg passasjerane?', '5.3', /initial/],
  ];
  it.each(cases)('[%s] %s', async (...c) => expectAnswered(c));
});

describe('an everyday verb or word the guide does not use does not push a question out', () => {
  const cases: Case[] = [
    ['en', 'should I touch the fields in the black box?', '5.1', /rarely|never/],
    ['en', 'may I alter the fields inside the black frame?', '5.1', /rarely|never/],
    ['nn', 'når skal eg velje reise?', '5.4', /diett/],
    ['nb', 'når bør jeg velge reise?', '5.4', /diett/],
    ['nb', 'jeg er nyansatt, hvor logger jeg på?', '1', /connect\.visma\.com/],
  ];
  it.each(cases)('[%s] %s', async (...c) => expectAnswered(c));
});

describe('amounts, years and hyphenated words are circumstances of the question', () => {
  const cases: Case[] = [
    [
      'en',
      'I parked at the Bergen office for 120 kr on Monday, how do I get the money back?',
      '5.2',
      /receipt/,
    ],
    ['nb', 'Attach-appen på telefonen er fra 2018, må jeg gjøre noe?', '4', /2020/],
    ['nn', 'eg har hatt Attach-appen sidan 2019, er det greitt?', '4', /2020/],
  ];
  it.each(cases)('[%s] %s', async (...c) => expectAnswered(c));

  it('still says it cannot tell an amount the guide does not state', async () => {
    const answer = await ask('en', 'how many kr per km do I get for driving to Drammen?');
    expect(answer.found).toBe(false);
  });
});

describe('problem statements find their sections', () => {
  const cases: Case[] = [
    ['en', 'the email to activate my user never came', '1', /spam|connect\.visma\.com/],
    ['en', 'the Attach app does not accept my login', '4.1', /username/],
    ['nb', 'aktiveringseposten har aldri kommet', '1', /søppelpost/],
    ['nb', 'passordet mitt funker ikke lenger', '3', /connect\.visma\.com/],
    ['nn', 'eg finn ikkje innstillingane mine', '2', /pila/],
    ['nn', 'passordet verkar ikkje lenger', '3', /connect\.visma\.com/],
    ['nb', 'trenger hjelp med passordet, det virker ikke', '3', /connect\.visma\.com/],
    [
      'en',
      'can you help me with the activation email, it never arrived',
      '1',
      /spam|connect\.visma\.com/,
    ],
  ];
  it.each(cases)('[%s] %s', async (...c) => expectAnswered(c));
});

describe('comparisons retrieve both sides', () => {
  // A join and a negation weigh one side against the other, as "instead of" does.
  it.each([
    ['travel vs mileage – which one do I pick?', ['travel', 'mileage which one do I pick']],
    ['bør jeg velge reise og ikke kjøring?', ['bør jeg velge reise', 'kjøring']],
    ['is it travel and not mileage for a seminar?', ['it travel', 'mileage a seminar']],
    ['hva er forskjellen på reise og kjøring?', ['reise', 'kjøring']],
    ['kva er skilnaden mellom utlegg og reise?', ['utlegg', 'reise']],
  ])('splits "%s" into its two sides', (question, sides) => {
    expect(comparisonSides(question)).toEqual(sides);
  });

  it('a plain "and" is no comparison', () => {
    expect(comparisonSides('how do I add passengers and kilometres?')).toBeUndefined();
  });

  const cases: Array<[Lang, string, string[]]> = [
    ['en', 'mileage versus travel: what is the difference?', ['5.3', '5.4']],
    ['nb', 'utlegg eller kjøring, hva er forskjellen?', ['5.2', '5.3']],
    ['nn', 'kva er skilnaden på køyring og reise?', ['5.3', '5.4']],
    ['nb', 'når bør jeg velge reise i stedet for kjøring?', ['5.4', '5.3']],
  ];
  it.each(cases)('[%s] %s cites both sections', async (lang, question, sections) => {
    const answer = await ask(lang, question);
    expect(cited(answer)).toEqual(sections);
  });
});

describe('questions asked from inside the chat', () => {
  const cases: Case[] = [
    ['en', 'do I need to attach the receipt to this outlay?', '5.2', /receipt/],
    ['nn', 'må eg legge ved kvittering på utlegget?', '5.2', /kvittering/],
    ['en', 'where do I type what this outlay was for?', '5.2', /Purpose/],
    ['nb', 'hvor skriver jeg hva utlegget gjaldt?', '5.2', /Formål/],
  ];
  it.each(cases)('[%s] %s', async (...c) => expectAnswered(c));
});

describe('out-of-guide and near-domain questions cite nothing', () => {
  const cases: Array<[Lang, string]> = [
    ['en', 'what does an electric car get per km in Sweden?'],
    ['en', 'who signs off my travel claim before it is paid?'],
    ['en', 'which day of the month is salary paid?'],
    ['en', 'how long must I keep receipts after I have uploaded them?'],
    ['nb', 'hvem godkjenner utlegget mitt?'],
    ['nb', 'når er lønningsdagen i desember?'],
    ['nb', 'hva er fristen for å sende inn reiseregningen fra Oslo-turen?'],
    ['nn', 'kven attesterer reiserekninga mi?'],
    ['nn', 'kor mykje er kilometersatsen for elbil i Danmark?'],
    ['nn', 'kan eg få dekt bredbånd heime?'],
    ['en', 'Attach keeps crashing on my phone since the update'],
    ['nb', 'trekkes lunsjen fra diettet når kurset har servering?'],
    ['nb', 'kan jeg få ut kravene mine som en Excel-fil?'],
    ['nn', 'kven ringjer eg når Visma er nede?'],
    ['nb', 'toget ble innstilt, hva gjør jeg med billetten?'],
    ['en', 'may I book first class for trips over four hours?'],
    // "How long" asks for a duration or a length, not a count of kinds ("three options").
    ['en', 'how long after the trip can I still hand in a travel claim?'],
    // A compound whose first part is a topic the guide does not cover.
    ['nb', 'hva er telefonnummeret til pensjonsavdelingen?'],
    ['nb', 'kan jeg skrive ut lønnsoppgaven fra Expense?'],
  ];
  it.each(cases)('[%s] %s', async (lang, question) => {
    const answer = await ask(lang, question);
    expect(answer.found).toBe(false);
    expect(answer.text).not.toMatch(/Source:|Kilde:|Kjelde:/);
  });
});

describe('whether something is paid for is answered only where the guide says so of it', () => {
  const outside: Array<[Lang, string]> = [
    ['en', "could my wife's train ticket be reimbursed?"],
    ['en', 'may I expense a laptop bag?'],
    // The guide names the computer only as where a file is uploaded from, not as paid for.
    ['en', 'can I get a refund for a new computer mouse?'],
    ['nb', 'får jeg dekket headsettet jeg kjøpte til hjemmekontoret?'],
    ['nn', 'kan eg få refundert ein ny mobil?'],
  ];
  it.each(outside)('[%s] %s cites nothing', async (lang, question) => {
    expect((await ask(lang, question)).found).toBe(false);
  });
  const named: Case[] = [
    ['en', 'will I get reimbursed for parking at the airport?', '5.2', /receipt/],
    ['nb', 'kan jeg få refundert parkering?', '5.2', /kvittering/],
  ];
  it.each(named)('[%s] %s', async (...c) => expectAnswered(c));
});

describe('answers carry the sentences that bear on the question', () => {
  it.each<Case>([
    ['en', 'how do I sign in to the receipt app?', '4.1', /username is your e-mail/],
    ['nb', 'hvordan logger jeg på Attach?', '4.1', /Brukernavnet er e-postadressen/],
  ])('[%s] %s says what the username it names is', async (...c) => expectAnswered(c));

  it('does not pad a one-sentence answer with the closing "good luck"', async () => {
    const answer = await ask('nb', 'får jeg diett for en dagstur til Lillehammer på torsdag?');
    expect(cited(answer)).toEqual(['5.4']);
    expect(answer.text).toMatch(/arbeidstid/);
    expect(answer.text).not.toMatch(/Lykke til/);
  });

  it('answers a question about the black frame with the black-frame sentence, not the whole start screen', async () => {
    const answer = await ask(
      'en',
      'the boxes in the black frame on the start page, should I touch them?',
    );
    expect(cited(answer)).toContain('5.1');
    expect(answer.text).toMatch(/rarely or never/);
    expect(answer.text).not.toMatch(/parking tickets, tolls/);
  });
});

/** Each question cites the section (or nothing, with `[]`). */
async function expectCited(section: string | [], questions: Array<[Lang, string]>) {
  for (const [lang, question] of questions) {
    const ids = cited(await ask(lang, question));
    if (Array.isArray(section)) expect(ids, question).toEqual([]);
    else expect(ids, question).toContain(section);
  }
}

describe('a question for a count or a length is answered only by a sentence stating one', () => {
  it('answers "how many characters" from the sentence with the number, in nb, nn and en', async () => {
    for (const [lang, question] of [
      ['en', 'how many characters does my new password need?'],
      ['nb', 'hvor mange tegn må det nye passordet ha?'],
      ['nn', 'kor lenge må passordet vere, kor mange teikn?'],
    ] as Array<[Lang, string]>)
      await expectAnswered([lang, question, '1', /eight|åtte/]);
  });

  it('cites nothing when the matching section states no number about the thing asked', () =>
    expectCited(
      [],
      [
        ['en', 'how many passengers can I put on one mileage claim?'],
        ['nb', 'hvor lenge blir bildene liggende i Attach-appen?'],
        ['nn', 'kor mange dagar har eg på å føre køyringa?'],
      ],
    ));

  it('reads a threshold ("shorter than 6 hours") as a question for a number', () =>
    expectCited(
      [],
      [
        ['en', 'do I get per diem if the trip lasts less than 6 hours?'],
        ['nn', 'får eg diett når reisa varer kortare enn seks timar?'],
      ],
    ));

  it('reads "how many" inside a clause as the name of a field, not as the question', () =>
    expectCited('5.3', [['nb', 'hvor skriver jeg inn hvor mange kilometer passasjeren kjørte?']]));
});

describe('a Norwegian particle verb split by its subject is read as one verb', () => {
  it('reads "skriv eg ut" as printing, which the guide does not cover', () =>
    expectCited(
      [],
      [
        ['nn', 'korleis skriv eg ut reiserekninga?'],
        ['nb', 'hvordan skriver jeg ut kravet som PDF?'],
      ],
    ));

  it('still finds the guide for particle verbs it has ("laster jeg opp", "legg eg inn")', async () => {
    await expectCited('5.2', [['nb', 'hvordan laster jeg opp kvitteringen fra PC-en?']]);
    await expectCited('5.3', [['nn', 'korleis legg eg inn ein passasjer?']]);
  });
});

describe('the way a user wants to avoid is not what the question is about', () => {
  it('answers changing the password when logged in, not the forgotten-password steps', () =>
    expectCited('2', [
      ['en', 'can I change my password inside Expense without going through forgot password?'],
      ['nb', 'kan jeg endre passordet når jeg er logget inn, uten å gå via glemt passord?'],
      ['nn', 'kan eg endre passordet inne i Expense utan å gå via gløymt passord?'],
    ]));
});

describe('saving a photo in the app is the tick', () => {
  it('answers with the tick sentence of Visma Attach', () =>
    expectAnswered(['en', 'where do I save the photo after taking it in Attach?', '4.1', /tick/]));
});

describe('a new claim is what the start screen is for', () => {
  it('answers what to fill in first on a new claim from Getting started', async () => {
    await expectAnswered([
      'en',
      'what goes in first when I make a new claim?',
      '5.1',
      /description/,
    ]);
    await expectAnswered(['nb', 'hva fyller jeg inn først på et nytt krav?', '5.1', /beskrivelse/]);
  });
});

describe('a question for the step after another gets the next step, not the one named', () => {
  it('answers what to press after a step with the next step that presses something', async () => {
    await expectAnswered([
      'en',
      'what do I click once the description is filled in?',
      '5.1',
      /Save/,
    ]);
    await expectAnswered([
      'nn',
      'kva trykkjer eg på etter at eg har skrive skildringa?',
      '5.1',
      /lagre/,
    ]);
    await expectAnswered(['en', 'what do I do after taking the photo in Attach?', '4.1', /tick/]);
  });

  it('answers what happens after a step with what follows it', () =>
    expectAnswered([
      'nb',
      'hva skjer etter at jeg har trykket send på glemt passord?',
      '3',
      /instruksjoner/,
    ]));
});

describe('a verb governing another verb is not what the question is about', () => {
  it('finds the verb between a subject and an infinitive, not a preposition or an article', () => {
    expect(governingVerbs('how do I claim a bill I forgot to send in?')).toEqual(
      new Set(['forgot']),
    );
    expect(governingVerbs('jeg glemte å levere reiseregningen')).toEqual(new Set(['glemte']));
    expect(governingVerbs('I drove to a customer and to Hamar')).toEqual(new Set());
    expect(governingVerbs('can I upload a scanned document?')).toEqual(new Set());
  });

  it('does not read "forgot to send in" an old claim as the forgotten password', () =>
    expectCited(
      [],
      [
        ['en', 'how do I claim a hotel bill I forgot to send in two years ago?'],
        ['nn', 'eg gløymde å sende inn hotellrekninga frå 2022, kva gjer eg no?'],
      ],
    ));

  it('still answers a forgotten password, and the action after "forgot to"', async () => {
    await expectCited('3', [
      ['en', 'I forgot my password, what now?'],
      ['nb', 'jeg har glemt passordet mitt'],
    ]);
    await expectCited('5.2', [
      ['en', 'I forgot to attach the receipt, how do I add it?'],
      ['nb', 'jeg glemte å legge ved kvitteringen, hvordan legger jeg den til?'],
    ]);
    await expectCited('2', [['en', 'I want to change the language']]);
  });
});

describe('the company as such (its phones, cards, which one I belong to) is not in the guide', () => {
  it('cites nothing for what the company provides or for changing company', () =>
    expectCited(
      [],
      [
        ['nb', 'hvordan får jeg en mobil fra firmaet?'],
        ['nn', 'korleis byter eg firma i Expense?'],
        ['en', 'can the company pay for my new phone?'],
      ],
    ));
});

describe('splitting one cost between projects or people is not in the guide', () => {
  it('cites nothing for dividing a receipt, yet still answers which project to choose', async () => {
    await expectCited(
      [],
      [
        ['en', 'how do I divide one hotel receipt between two cost centres?'],
        ['nb', 'hvordan fordeler jeg en kvittering på to prosjekter?'],
        ['nn', 'korleis fordeler eg parkeringa på to prosjekt?'],
      ],
    );
    await expectCited('5.1', [['en', 'which project do I choose for a parking receipt?']]);
  });
});

describe('the words around a verb are read for what they are', () => {
  it('reads the English article "a" as an article, and Norwegian "to" as two', () => {
    expect(verbSlots('how do I claim a rental car?')).toEqual(new Set(['claim']));
    expect(verbSlots('kan to kolleger dele ein bil?')).toEqual(new Set());
    expect(verbSlots('how do I want to print it?').has('print')).toBe(true);
    expect(verbSlots('korleis er det å reise med tog?').has('reise')).toBe(true);
  });

  it('drops abbreviations and keeps addresses', () => {
    expect(tokenize('parkering, f.eks. på Gardermoen, t.d. i går, e.g. ferries')).toEqual([
      'parkering',
      'på',
      'gardermoen',
      'går',
      'ferries',
    ]);
    expect(tokenize('do.not.reply@visma.net')).toContain('reply');
  });

  it('does not split a word with a particle in front into its head', () => {
    const known = (form: string) => ['gang', 'reis', 'kvitter'].includes(form);
    expect(splitCompound('tilgangen', known)).toBeUndefined();
    expect(splitCompound('kvitteringsgang', known)).toBeDefined();
  });

  it('cites nothing for near-domain questions whose words the guide uses otherwise', () =>
    expectCited(
      [],
      [
        ['en', 'how do I claim a hire car I collected at the airport in Bergen?'],
        ['nb', 'kan tre ansatte dele den samme Attach-brukeren?'],
        ['nn', 'kven har tilgang til vedlegga eg lastar opp?'],
        ['nb', 'hva koster det å bruke appen?'],
        ['en', 'does Attach work offline, e.g. on a plane?'],
      ],
    ));
});

describe('what a question asks for decides which sentence can answer it', () => {
  it('answers "who …?" only from a sentence naming someone, and "who do I …?" as a how-to', async () => {
    await expectCited('1', [['nb', 'hvem sender e-posten for å aktivere brukeren min?']]);
    await expectCited('5.3', [['en', 'who do I add as a passenger when a colleague rides along?']]);
    await expectCited(
      [],
      [
        ['en', 'Who looks at my mileage claim after I press save?'],
        ['nn', 'kven kontrollerer kvitteringane eg lastar opp i appen?'],
      ],
    );
  });

  it('reads an account that money goes into as the bank account', async () => {
    await expectCited(
      [],
      [
        ['en', 'how soon is the money for the ferry in my account?'],
        ['nb', 'når kommer pengene for parkeringen inn på kontoen min?'],
        ['nn', 'eg har bytt bank, kvar endrar eg kontoen refusjonen går til?'],
      ],
    );
    await expectCited('1', [['en', 'the mail to activate my account never came']]);
  });

  it('answers a threshold ("under six hours") only from a sentence stating a number', () =>
    expectCited(
      [],
      [
        ['nb', 'får jeg diett når reisen er under fem timer?'],
        ['en', 'is there per diem for trips over 12 hours?'],
      ],
    ));

  it('cites nothing for logging working hours', () =>
    expectCited(
      [],
      [
        ['nb', 'kan jeg føre timer i Attach-appen?'],
        ['en', 'can I log hours worked on the trip in Expense?'],
      ],
    ));
});

describe('a how-to names what the answer describes; another way needs its own section', () => {
  // What each question cites ([] for nothing), in the users' words.
  const cases: Array<[Lang, string, string | []]> = [
    // A how-to is about all it names: the action and the thing it is done to.
    ['en', 'how do I send the receipts from Attach to my colleague?', []],
    ['nn', 'korleis byter eg til ny telefon utan å miste bileta i appen?', []],
    ['nn', 'korleis lastar eg opp kvitteringa frå pc-en?', '5.2'],
    ['en', 'how do I save the claim?', '5.1'],
    ['en', 'how do I attach the ferry receipt to my mileage claim?', '5.1'],
    // Another way than the guide's is answered only where the guide describes it.
    ['en', 'can I e-mail the parking receipt to someone instead of using Attach?', []],
    ['nb', 'kan jeg sende kvitteringene i posten i stedet for å laste dem opp?', []],
    ['nn', 'kan eg laste opp kvitteringa frå pc-en i staden for frå appen?', '5.2'],
    // A choice between two kinds of the guide, not another way.
    ['en', 'should I pick mileage rather than an outlay for the ferry?', '5.1'],
    // The verb of an outlay ("legge ut") is the outlay.
    ['nb', 'jeg har lagt ut for parkering, hvordan får jeg dem tilbake?', '5.2'],
  ];
  it.each(cases)('[%s] %s cites %j', (lang, question, section) =>
    expectCited(section, [[lang, question]]),
  );
});

describe('which kind of claim a story calls for is answered by that kind, not the overview', () => {
  const cases: Array<[Lang, string, string | []]> = [
    [
      'en',
      'I bought a bus ticket with my own card at the station, which type of claim is that?',
      '5.2',
    ],
    ['nb', 'jeg kjørte egen bil til kundemøte i Sarpsborg, hva slags krav skal jeg lage?', '5.3'],
    ['nn', 'eg overnatta på hotell i Bergen etter kurset, er det reise eller utlegg?', '5.4'],
    // Without a story the overview of the kinds answers; "what kind of receipt" asks no kind.
    ['en', 'which type of claim should I choose?', '5'],
    ['nb', 'kan sjefen min se hva slags krav jeg har laget?', []],
  ];
  it.each(cases)('[%s] %s cites %j', (lang, question, section) =>
    expectCited(section, [[lang, question]]),
  );
  it('cites only the kind the story tells', async () => {
    const answer = await ask('en', 'paid the parking at the hospital myself, what kind of claim?');
    expect(cited(answer)).toEqual(['5.2']);
  });
});

describe('a step done and "what now" is a question for the next step', () => {
  it('answers with the step after the one the user names', async () => {
    const answer = await ask('nn', 'eg har fylt inn beskrivinga av kravet, kva no?');
    expect(answer.text).toMatch(/lagre/i);
  });
  it('reads a role as the subject of a Norwegian yes/no question as someone else acting', () =>
    expectCited(
      [],
      [
        ['nb', 'ser økonomiavdelingen kvitteringene mine?'],
        ['nn', 'får leiaren sjå vedlegga mine?'],
      ],
    ));
});

describe('what the guide never describes doing is not answered by the thing it is done to', () => {
  it('cites nothing for removing, another service’s login, acting for a colleague, or an action in another section', () =>
    expectCited(
      [],
      [
        ['en', 'how do I remove the ferry ticket from my outlay?'],
        ['nb', 'hvordan fjerner jeg kommentaren i Attach?'],
        ['en', 'can I sign in to Expense with my Google account?'],
        ['nn', 'kan eg logge inn med Apple-kontoen min?'],
        ['nb', 'kan jeg lage nytt passord for en kollega?'],
        ['en', 'can I change my password inside the Attach app?'],
      ],
    ));
  it('still answers what the guide says one can do where it says it', () =>
    expectCited('2', [['en', 'can I change my password once I am logged in to Expense?']]));
});

describe('a verb and its stranded "fra" are read together', () => {
  const cases: Case[] = [
    ['nb', 'hvilken adresse kommer aktiveringsmailen fra?', '1', /do\.not\.reply@visma\.net/],
    ['nn', 'kva adresse kjem aktiveringseposten frå?', '1', /do\.not\.reply@visma\.net/],
  ];
  it.each(cases)('[%s] %s', async (...c) => expectAnswered(c));
});
