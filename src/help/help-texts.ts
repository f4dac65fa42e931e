/**
 * Every user-facing text of the help answers, in the three languages. Kept beside the help code
 * rather than in src/i18n so that the help module can be replaced or reused as a whole.
 */
import type { Lang } from '../i18n/translate.js';

export type HelpAction = 'outlay.start' | 'mileage.start' | 'travel.start' | 'claims.list';

/** What a guide section leads to in this chat: a button, or (for an overview section) a sentence only. */
export type ChatOffer = HelpAction | 'overview';

interface HelpTexts {
  /** Prefix of the last line; the section numbers and titles follow. */
  source: string;
  notFound: string;
  capabilities: string;
  offers: Record<ChatOffer, string>;
  /** The language's name as the model prompt uses it. */
  languageName: string;
}

export const HELP_TEXTS: Record<Lang, HelpTexts> = {
  en: {
    source: 'Source: user guide',
    notFound: "I can't find that in the user guide.",
    capabilities:
      'Here I can help you file outlays (parking, ferry, toll and more), mileage and travel claims, show your claims, and answer questions about the user guide.',
    offers: {
      'outlay.start':
        'I can start an outlay for it right here in the chat, or just send me a photo of the receipt.',
      'mileage.start': 'I can start a mileage claim for you right here in the chat.',
      'travel.start': 'I can start a travel claim for you right here in the chat.',
      'claims.list': 'I can show your claims and their status right here in the chat.',
      overview:
        'Here in the chat I can start an outlay, a mileage claim or a travel claim for you.',
    },
    languageName: 'English',
  },
  nb: {
    source: 'Kilde: brukerveiledningen',
    notFound: 'Det finner jeg ikke i brukerveiledningen.',
    capabilities:
      'Her kan jeg hjelpe deg med å føre utlegg (parkering, ferge, bompenger og mer), kjøring og reiseregninger, vise kravene dine og svare på spørsmål om brukerveiledningen.',
    offers: {
      'outlay.start':
        'Jeg kan starte et utlegg for det her i chatten, eller send meg bare et bilde av kvitteringen.',
      'mileage.start': 'Jeg kan starte et krav for kjøring her i chatten.',
      'travel.start': 'Jeg kan starte en reiseregning for deg her i chatten.',
      'claims.list': 'Jeg kan vise kravene dine og statusen deres her i chatten.',
      overview:
        'Her i chatten kan jeg starte et utlegg, et krav for kjøring eller en reiseregning for deg.',
    },
    languageName: 'Norwegian bokmål',
  },
  nn: {
    source: 'Kjelde: brukarrettleiinga',
    notFound: 'Det finn eg ikkje i brukarrettleiinga.',
    capabilities:
      'Her kan eg hjelpe deg med å føre utlegg (parkering, ferje, bompengar og meir), køyring og reiserekningar, vise krava dine og svare på spørsmål om brukarrettleiinga.',
    offers: {
      'outlay.start':
        'Eg kan starte eit utlegg for det her i chatten, eller send meg berre eit bilete av kvitteringa.',
      'mileage.start': 'Eg kan starte eit krav for køyring her i chatten.',
      'travel.start': 'Eg kan starte ei reiserekning for deg her i chatten.',
      'claims.list': 'Eg kan vise krava dine og statusen deira her i chatten.',
      overview:
        'Her i chatten kan eg starte eit utlegg, eit krav for køyring eller ei reiserekning for deg.',
    },
    languageName: 'Norwegian nynorsk',
  },
};

/** The last line of an answer: "Source: user guide 5.1 Getting started; 5.2 Entering outlays". */
export function citationLine(
  lang: Lang,
  sections: ReadonlyArray<{ id: string; title: string }>,
): string {
  return `${HELP_TEXTS[lang].source} ${sections.map((s) => `${s.id} ${s.title}`).join('; ')}`;
}
