/**
 * Turns a question into concept groups for retrieval: synonym groups and phrases merged, stop
 * words dropped, compounds split, typos corrected against the words the guide and the lists know.
 * The synonym, weak-word and amount lists are data (synonyms.json), validated here.
 */
import { z } from 'zod';
import { comparesWithNumber } from './answer-types.js';
import { LANGS } from '../i18n/translate.js';
import type { Guide } from './guide-loader.js';
import {
  allowedTypos,
  editDistance,
  fold,
  isStopword,
  normalizeToken,
  queryForms,
  splitCompound,
  stemEnglish,
  stemNorwegian,
  tokenize,
} from './normalize.js';
import {
  familyOf,
  type Alternative,
  type AnalyzedQuery,
  type Family,
  type QueryGroup,
} from './retrieval-types.js';
import bundledSynonyms from './synonyms.json' with { type: 'json' };
import { CIRCUMSTANCES, FOREIGN_EXACT, FOREIGN_PHRASES, isForeign } from './topic-lists.js';
import { StoryContext, afterTime, storySchema } from './story-context.js';
import { governingVerbs, keepsOn, readsEnglish, verbSlots } from './verb-slots.js';
import {
  bankAccountIn,
  particleBeforeSubject,
  questionShapes,
  withoutAvoidedWay,
} from './question-shapes.js';
import {
  dedupe,
  exactAlternatives,
  longestPhraseAt,
  phraseAt,
  phraseMark,
  phraseToken,
  productNames,
  properNouns,
  rawForms,
  typedAlternatives,
  unfoldedForms,
  type PhraseToken,
} from './word-forms.js';

const synonymsSchema = z.object({
  groups: z.array(z.array(z.string().min(1)).min(2)),
  weak: z.array(z.string().min(1)).default([]),
  amount: z.array(z.string().min(1)).default([]),
  count: z.array(z.string().min(1)).default([]),
  limit: z.array(z.string().min(1)).default([]),
  coverage: z.array(z.string().min(1)).default([]),
  yesNo: z.array(z.string().min(1)).default([]),
  ...storySchema,
});
export type SynonymData = z.input<typeof synonymsSchema>;

/** Currency words written after an amount. */
const CURRENCIES = new Set(['kr', 'kroner', 'kronar', 'nok', 'eur', 'euro', 'sek', 'dkk', 'usd']);

/** A year of this century or the last, and the mark that indexes "some year" in a text. */
const YEAR = /\b(?:19|20)\d\d\b/;
const YEAR_MARK = '_year_';

interface SynonymEntry {
  group: number;
  /** Per word of the entry: its normalised forms (Norwegian and English stems). */
  words: string[][];
}

/**
 * Count phrases asking for a duration or a length ("how long", "hvor lenge", "kor lang tid"):
 * only a number with a unit answers them, not a count of kinds ("three options").
 */
const DURATION = /\b(?:long|lenge|lang tid|much time)\b/i;

export class QueryAnalyzer {
  /** Per family: the normalised forms of the guide and of the one-word synonyms, for compound splitting. */
  readonly lexicon: Record<Family, Set<string>> = { no: new Set(), en: new Set() };
  private readonly synonymGroups: string[][];
  private readonly singleWords: Record<Family, Map<string, Set<number>>> = {
    no: new Map(),
    en: new Map(),
  };
  private readonly phrases: SynonymEntry[] = [];
  private readonly weakForms = new Set<string>();
  private readonly weakWords = new Set<string>();
  /** Forms of the words that make a section title on their own. */
  private readonly titleWords = new Set<string>();
  private readonly alternativesCache = new Map<number, Alternative[]>();
  /** The known words by length, as a typo changes the length by at most the typos allowed. */
  private readonly knownByLength = new Map<number, string[]>();
  private readonly weakPhrases: string[][][] = [];
  private readonly amountWords = new Set<string>();
  private readonly amountPhrases: string[][][] = [];
  private readonly countPhrases: string[][][] = [];
  /** The count phrases asking how long (see DURATION). */
  private readonly durationPhrases: string[][][] = [];
  /** Words naming a limit, folded: matched as written ("maks" stems to "mak", as "make" does). */
  private readonly limitWords = new Set<string>();
  private readonly coverageForms = new Set<string>();
  private readonly coveragePhrases: string[][][] = [];
  private readonly yesNoWords = new Set<string>();
  /** A job start and a trip told as a story (story-context.ts). */
  private readonly story: StoryContext;
  /** Folded spellings of every known word, for correcting a typo before synonym lookup. */
  private readonly knownWords = new Set<string>();

  /**
   * `indexed`: per family, the forms the guide index holds; filled by the index after this is
   * built (indexing needs the phrase marks from here), read only when a question is analysed.
   */
  constructor(
    guide: Guide,
    synonymData: SynonymData | undefined,
    private readonly indexed: Record<Family, ReadonlyMap<string, unknown>>,
  ) {
    const synonyms = synonymsSchema.parse(synonymData ?? bundledSynonyms);
    this.synonymGroups = synonyms.groups;

    // Known words first: compound splitting needs to know which parts are words.
    const lexicon = this.lexicon;
    for (const lang of LANGS) {
      for (const section of guide.sections[lang]) {
        for (const token of tokenize(`${section.title}\n${section.text}`, { parts: true })) {
          const form = normalizeToken(token, lang);
          if (form) lexicon[familyOf(lang)].add(form);
          this.knownWords.add(fold(token));
        }
      }
    }
    synonyms.groups.forEach((group, index) => {
      for (const entry of group) {
        const tokens = tokenize(entry);
        for (const token of tokens) this.knownWords.add(fold(token));
        if (tokens.length === 1) {
          const token = tokens[0] as string;
          if (isStopword(token)) continue;
          this.addSingle('no', fold(stemNorwegian(token)), index);
          this.addSingle('en', fold(stemEnglish(token)), index);
          lexicon.no.add(fold(stemNorwegian(token)));
          lexicon.en.add(fold(stemEnglish(token)));
        } else if (tokens.length > 1) {
          // Stop words stay in phrases: "laste ned" and "laste opp" differ only by them.
          this.phrases.push({ group: index, words: tokens.map((w) => rawForms(w)) });
        }
      }
    });
    for (const entry of synonyms.weak) {
      this.weakWords.add(entry.trim().toLowerCase());
      // Known, so that a typo in a weak word ("kolega") is recognised as one and counts little.
      for (const token of tokenize(entry)) this.knownWords.add(fold(token));
      const tokens = tokenize(entry);
      if (tokens.length === 1)
        for (const form of unfoldedForms(tokens[0] as string)) this.weakForms.add(form);
      else this.weakPhrases.push(tokens.map((w) => rawForms(w)));
    }
    for (const entry of synonyms.amount) {
      const tokens = tokenize(entry);
      if (tokens.length === 1) this.amountWords.add(fold(tokens[0] as string));
      else if (tokens.length > 1) this.amountPhrases.push(tokens.map((w) => rawForms(w)));
    }
    for (const entry of synonyms.count) {
      this.countPhrases.push(tokenize(entry).map((w) => rawForms(w)));
      if (DURATION.test(entry)) this.durationPhrases.push(tokenize(entry).map((w) => rawForms(w)));
    }
    for (const entry of synonyms.limit) this.limitWords.add(fold(entry));
    for (const entry of synonyms.coverage) {
      const tokens = tokenize(entry);
      if (tokens.length === 1)
        for (const form of rawForms(tokens[0] as string)) this.coverageForms.add(form);
      else if (tokens.length > 1) this.coveragePhrases.push(tokens.map((w) => rawForms(w)));
    }
    for (const entry of synonyms.yesNo) this.yesNoWords.add(fold(entry));
    this.story = new StoryContext(synonyms, synonyms.groups);
    for (const lang of LANGS) {
      for (const section of guide.sections[lang]) {
        const content = tokenize(section.title).filter((t) => !isStopword(t));
        if (content.length === 1)
          for (const form of unfoldedForms(content[0] as string)) this.titleWords.add(form);
      }
    }
    for (const word of this.knownWords) {
      if (word.length < 4) continue;
      const list = this.knownByLength.get(word.length) ?? [];
      list.push(word);
      this.knownByLength.set(word.length, list);
    }
    // Phrases are matched longest first, so "fill in" wins over a one-word entry inside it.
    this.phrases.sort((a, b) => b.words.length - a.words.length);
    this.weakPhrases.sort((a, b) => b.length - a.length);
  }

  /**
   * A mark for each synonym phrase in a text, indexed like a word: "log in" in the guide then
   * meets "sign in" or "logge inn" in a question although no single word of them does.
   */
  phraseMarks(text: string): string[] {
    const forms = tokenize(text).map(phraseToken);
    const marks: string[] = [];
    for (let i = 0; i < forms.length; i++) {
      const phrase = this.matchPhrase(forms, i);
      if (phrase) marks.push(phraseMark(phrase.group));
    }
    if (YEAR.test(text)) marks.push(YEAR_MARK);
    return marks;
  }

  private addSingle(family: Family, form: string, group: number): void {
    const groups = this.singleWords[family].get(form) ?? new Set<number>();
    groups.add(group);
    this.singleWords[family].set(form, groups);
  }

  private isKnownForm(forms: string[]): boolean {
    const [no, en] = [forms[0] as string, (forms[1] ?? forms[0]) as string];
    return (
      this.indexed.no.has(no) ||
      this.indexed.en.has(en) ||
      this.singleWords.no.has(no) ||
      this.singleWords.en.has(en)
    );
  }

  /** The synonym groups a word belongs to (by either stem): its concepts, across languages. */
  groupsOfWord(word: string): Set<number> {
    const found = new Set<number>();
    for (const g of this.singleWords.no.get(fold(stemNorwegian(word))) ?? []) found.add(g);
    for (const g of this.singleWords.en.get(fold(stemEnglish(word))) ?? []) found.add(g);
    return found;
  }

  /**
   * Compared unfolded: folded, "står" (stands) would make "star" (the asterisk) weak. A word that
   * alone names a section of the guide ("# 2 Hotels") is what that section is about, never weak.
   */
  private isWeak(word: string): boolean {
    const forms = unfoldedForms(word);
    return forms.some((f) => this.weakForms.has(f)) && !forms.some((f) => this.titleWords.has(f));
  }

  /** The closest known word within the typos its length allows, so "pasord" is looked up as "passord". */
  private correct(word: string): string | undefined {
    const folded = fold(word);
    // Shorter words are too often real other words one letter off ("ferie" is not "ferje").
    const typos = allowedTypos(folded);
    if (typos === 0 || this.knownWords.has(folded)) return undefined;
    let best: string | undefined;
    let bestDistance = typos + 1;
    for (let length = folded.length - typos; length <= folded.length + typos; length++) {
      for (const known of this.knownByLength.get(length) ?? []) {
        const d = editDistance(folded, known, typos);
        if (d < bestDistance) {
          best = known;
          bestDistance = d;
        }
      }
    }
    return best;
  }

  /** Turns a question into concept groups: synonyms merged, stop words dropped, compounds split, typos corrected. */
  analyze(asked: string): AnalyzedQuery {
    const question = particleBeforeSubject(withoutAvoidedWay(this.splitUnknownHyphenated(asked)));
    const tokens = tokenize(question);
    const names = properNouns(question);
    // A product or a service the guide does not name is a thing asked about, not a circumstance.
    const products = productNames(
      asked,
      (word) => CIRCUMSTANCES.has(fold(word)),
      (word) => this.groupsOfWord(word).size > 0 || this.isKnownForm(queryForms(word)),
    );
    const tokenForms = tokens.map(phraseToken);
    // The language is judged once for both readings of the sentence's shape.
    const english = readsEnglish(question);
    const verbs = verbSlots(question, english);
    const governing = governingVerbs(question, english);
    const groups = new Map<string, QueryGroup>();
    /** One concept, even when its word belongs to several synonym groups ("attach": the app and attaching). */
    const synonymGroup = (
      indices: Iterable<number>,
      label: string,
      typed: string[],
      partial = false,
    ) => {
      const ids = [...new Set(indices)].sort((a, b) => a - b);
      const key = `syn:${ids.join('+')}`;
      const existing = groups.get(key);
      if (existing) {
        existing.label += ` ${label}`;
        existing.alternatives = dedupe([...existing.alternatives, ...typedAlternatives(typed)]);
        existing.partial = Boolean(existing.partial && partial);
        return;
      }
      groups.set(key, {
        label,
        alternatives: dedupe([
          ...typedAlternatives(typed),
          ...ids.flatMap((id) => this.synonymAlternatives(id)),
        ]),
        // A whole group is weak when the list says so of one of its words ("claim", "krav").
        weak: ids.some((id) =>
          (this.synonymGroups[id] ?? []).some((entry) => this.isWeakEntry(entry)),
        ),
        number: false,
        partial,
      });
    };
    const plainGroup = (
      label: string,
      weak: boolean,
      alternatives: Alternative[],
      partial = false,
      circumstance = false,
      foreign = false,
    ) => {
      const key = `word:${alternatives.map((a) => `${a.family}:${a.form}`).join('|')}`;
      const number = /^\p{N}+$/u.test(label);
      if (!groups.has(key))
        groups.set(key, { label, alternatives, weak, number, partial, circumstance, foreign });
    };

    const bankAccount = bankAccountIn(tokens);
    const jobStart = this.story.jobStartAt(tokens);
    for (let i = 0; i < tokens.length;) {
      const phrase = this.matchPhrase(tokenForms, i);
      const foreignLength = longestPhraseAt(tokenForms, i, FOREIGN_PHRASES);
      // The longer reading wins: "står fast hos økonomi" (held up at payroll) is not "står fast" (stuck).
      if (
        phrase &&
        phrase.length >= foreignLength &&
        !bankAccount(tokens.slice(i, i + phrase.length))
      ) {
        synonymGroup([phrase.group], tokens.slice(i, i + phrase.length).join(' '), []);
        // Words skipped inside the phrase ("laster jeg opp") are stop words: nothing else to do with them.
        i += phrase.length;
        continue;
      }
      if (foreignLength > 0) {
        // Searched as one word, which the guide never has: "cost centre" is not any "centre".
        const all = tokens.slice(i, i + foreignLength);
        const words = all.filter((w) => !isStopword(w));
        // All its words, particles too: "skriv ut" (print) is not the guide's "skriv" (write).
        const joined = { form: all.map((w) => fold(w)).join('_'), typed: false };
        const alternatives = [
          { ...joined, family: 'no' as const },
          { ...joined, family: 'en' as const },
        ];
        plainGroup(words.join(' '), false, alternatives, false, false, true);
        i += foreignLength;
        continue;
      }
      const weakLength = this.matchWeakPhrase(tokenForms, i);
      if (weakLength > 0) {
        i += weakLength;
        continue;
      }
      const word = tokens[i] as string;
      i++;
      if (isStopword(word) || jobStart.has(i - 1)) continue;
      // A capitalised name inside a sentence ("Kari og Per", "to Mo") is a circumstance even
      // where the same letters are a word of the guide ("per diem").
      if (names.has(word) && CIRCUMSTANCES.has(fold(word))) {
        plainGroup(word, true, exactAlternatives(word), false, true);
        continue;
      }
      // A currency after a number ("180 kr") is part of a stated amount: a circumstance.
      if (/^\p{N}+$/u.test(tokens[i - 2] ?? '') && CURRENCIES.has(fold(word))) continue;
      if (/^\p{N}+$/u.test(word)) {
        // A year meets any year of the guide: "my app is from 2017" is answered by "before 2020".
        const forms = YEAR.test(word) ? [word, YEAR_MARK] : [word];
        plainGroup(
          word,
          false,
          forms.flatMap((form) => [
            { form, family: 'no' as const, typed: false },
            { form, family: 'en' as const, typed: false },
          ]),
        );
        continue;
      }
      if (bankAccount([word])) {
        plainGroup(word, false, typedAlternatives([word]), false, false, true);
        continue;
      }
      // What the user came back from ("etter permisjonen", "after my leave") says when.
      if (afterTime(tokens, i - 1) && !this.isKnownForm(queryForms(word))) {
        plainGroup(word, true, exactAlternatives(word), false, true);
        continue;
      }
      // A foreign topic spelt exactly ("submitted") wins over a weak word it inflects ("submit").
      const goesOn = keepsOn(word, tokens[i]);
      if (FOREIGN_EXACT.has(fold(word)) && !goesOn && !this.isKnownForm(queryForms(word))) {
        plainGroup(word, false, typedAlternatives([word]), false, false, true);
        continue;
      }
      if (this.isWeak(word) || governing.has(fold(word)) || goesOn) {
        plainGroup(word, true, typedAlternatives([word]));
        continue;
      }
      // A common word inside a product's name ("Google Drive") is part of the name.
      if (names.has(word) && products.get(word) === 'inName') {
        plainGroup(word, false, exactAlternatives(word));
        continue;
      }
      const direct = this.groupsOfWord(word);
      if (direct.size > 0) {
        synonymGroup(direct, word, [word]);
        continue;
      }
      if (this.isKnownForm(queryForms(word))) {
        plainGroup(word, false, typedAlternatives([word]));
        continue;
      }
      const split = splitCompound(
        word,
        (form) => this.indexed.no.has(form) || this.singleWords.no.has(form),
      );
      if (split) {
        // With an unknown first part only half the word is covered: "flybillett" is a ticket, but maybe not one the guide covers.
        const partial = split.modifier.length === 0;
        const headGroups = this.groupsOfWord(split.headWord);
        if (headGroups.size > 0) synonymGroup(headGroups, word, [], partial);
        else
          plainGroup(
            word,
            false,
            split.head.map((form) => ({ form, family: 'no' as const, typed: false })),
            partial,
          );
        for (const form of split.modifier) {
          const modifierGroups = this.singleWords.no.get(form);
          if (modifierGroups && modifierGroups.size > 0) synonymGroup(modifierGroups, word, []);
          else plainGroup(form, false, [{ form, family: 'no', typed: false }]);
        }
        continue;
      }
      // A weekday, a month, a town or a first name says when, where or with whom: a circumstance.
      if (CIRCUMSTANCES.has(fold(word))) {
        plainGroup(word, true, exactAlternatives(word), false, true);
        continue;
      }
      const corrected = this.correct(word);
      const correctedGroups = corrected ? this.groupsOfWord(corrected) : new Set<number>();
      if (correctedGroups.size > 0) {
        synonymGroup(correctedGroups, word, [word]);
        continue;
      }
      // An unknown capitalised word inside a sentence names a place, a person or a company.
      const foreign = isForeign(word, (part) => this.isKnownForm(queryForms(part)));
      if (corrected === undefined && names.has(word) && !foreign && !products.has(word)) {
        plainGroup(word, true, exactAlternatives(word), false, true);
        continue;
      }
      // A product the guide does not name is a thing asked about, not where or with whom; one
      // written like a brand ("BankID") is what the question is about: the guide names the
      // products it explains (Expense, Attach, Chrome), so one it lacks is outside it.
      const product = products.get(word);
      if (corrected === undefined && names.has(word) && product !== undefined) {
        plainGroup(word, false, typedAlternatives([word]), false, false, product === 'brand');
        continue;
      }
      // An unknown word where the verb stands is an everyday verb ("pick", "velje"), not a topic.
      const weak =
        (corrected !== undefined && this.isWeak(corrected)) || (!foreign && verbs.has(fold(word)));
      plainGroup(word, weak, typedAlternatives([word]), false, false, !weak && foreign);
    }
    const trip = this.story.impliedTrip([...groups.values()], tokenForms, question, (id) =>
      this.synonymAlternatives(id).some((alt) => this.indexed[alt.family].has(alt.form)),
    );
    if (trip !== undefined) synonymGroup([trip], (this.synonymGroups[trip] ?? [])[0] ?? '', []);
    const coverage = this.coverageMarks(tokenForms);
    for (const group of groups.values())
      if (tokenize(group.label).some((word) => coverage.has(fold(word)))) group.coverage = true;
    // "How long" may be a concept of its own (a password's length); as the question's ask it is not a thing asked about.
    for (const group of groups.values()) {
      const words = tokenize(group.label).map(phraseToken);
      const limit = words.length === 1 && this.limitWords.has(fold(group.label));
      if (limit || this.countPhrases.some((phrase) => phraseAt(words, 0, phrase) === words.length))
        group.count = true;
    }
    return {
      groups: [...groups.values()],
      asksAmount: this.asksAmount(tokens, tokenForms),
      asksCount:
        this.asksCount(question) ||
        comparesWithNumber(question) ||
        // A limit ("is there a maximum …") is a number wherever the question names it.
        tokens.some((t) => this.limitWords.has(fold(t))),
      asksDuration: this.asksCount(question, this.durationPhrases),
      ...questionShapes(question, asked, this.yesNoWords.has(fold(tokens[0] ?? ''))),
      // "Can I get my gym card covered?": a yes/no question about paying for something.
      asksCoverage: coverage.size > 0 && this.yesNoWords.has(fold(tokens[0] ?? '')),
    };
  }

  /**
   * A hyphenated word the guide and the synonyms do not know joined ("Attach-appen", "PC-en",
   * "Oslo-turen") is read as its parts; one they know ("e-post") stays whole.
   */
  private splitUnknownHyphenated(question: string): string {
    return question.replace(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu, (word) => {
      const joined = word.replace(/-/g, '').toLowerCase();
      const known = this.groupsOfWord(joined).size > 0 || this.isKnownForm(queryForms(joined));
      return known ? word : word.replace(/-/g, ' ');
    });
  }

  /**
   * "How many …" as the question itself, at the start of the question or of a clause ("…, and for
   * how many years?"); inside a clause it names a field ("where do I write how many km …").
   */
  private asksCount(question: string, phrases = this.countPhrases): boolean {
    return question.split(/[.,;:?!]|\b(?:and|og|but|men)\b/i).some((clause) => {
      const words = tokenize(clause).map(phraseToken);
      const start = ['for', 'in', 'i'].includes(fold(tokenize(clause)[0] ?? '')) ? 1 : 0;
      return phrases.some((phrase) => phraseAt(words, start, phrase) > 0);
    });
  }

  /** Whether a text says that something is paid back ("outlays you are to be reimbursed for"). */
  statesCoverage(text: string): boolean {
    return this.coverageMarks(tokenize(text).map(phraseToken)).size > 0;
  }

  /** The folded words of the text that speak of paying something back, phrases included. */
  private coverageMarks(tokenForms: PhraseToken[]): Set<string> {
    const marks = new Set<string>();
    tokenForms.forEach((token, i) => {
      if (token.forms.some((form) => this.coverageForms.has(form)))
        marks.add(token.forms[0] as string);
      for (const phrase of this.coveragePhrases) {
        const length = phraseAt(tokenForms, i, phrase);
        for (const covered of tokenForms.slice(i, i + length))
          if (!covered.stop) marks.add(covered.forms[0] as string);
      }
    });
    return marks;
  }

  /** A word for an amount, alone or as the end of a compound ("skattesatsen"), or a phrase like "how much". */
  private asksAmount(tokens: string[], tokenForms: PhraseToken[]): boolean {
    for (const [i, token] of tokens.entries()) {
      const folded = fold(token);
      // "180 kr" states an amount (what was paid), it does not ask for one.
      if (i > 0 && /^\p{N}+$/u.test(tokens[i - 1] as string)) continue;
      // Only longer words as the end of a compound: "separate" does not ask for a "rate".
      for (const word of this.amountWords)
        if (folded === word || (word.length >= 5 && folded.endsWith(word))) return true;
    }
    return tokenForms.some((_, i) =>
      this.amountPhrases.some((phrase) => phraseAt(tokenForms, i, phrase) > 0),
    );
  }

  /** Exact spelling only: "hjelpe" (to help) is weak, the group with "hjelp" (the help icon) is not. */
  private isWeakEntry(entry: string): boolean {
    return this.weakWords.has(entry.trim().toLowerCase());
  }

  /**
   * The words a group is searched as. Only its one-word entries: a phrase's words apart mean
   * something else ("comment field" is not every "field"); phrases serve to recognise the question.
   */
  private synonymAlternatives(index: number): Alternative[] {
    const cached = this.alternativesCache.get(index);
    if (cached) return cached;
    const out: Alternative[] = [];
    for (const entry of this.synonymGroups[index] ?? []) {
      const tokens = tokenize(entry);
      if (tokens.length !== 1 || isStopword(tokens[0] as string)) continue;
      const token = tokens[0] as string;
      out.push({ form: fold(stemNorwegian(token)), family: 'no', typed: false });
      out.push({ form: fold(stemEnglish(token)), family: 'en', typed: false });
    }
    out.push(
      { form: phraseMark(index), family: 'no', typed: false },
      { form: phraseMark(index), family: 'en', typed: false },
    );
    const alternatives = dedupe(out);
    this.alternativesCache.set(index, alternatives);
    return alternatives;
  }

  private matchPhrase(
    tokens: PhraseToken[],
    start: number,
  ): { group: number; length: number } | undefined {
    for (const phrase of this.phrases) {
      const length = phraseAt(tokens, start, phrase.words);
      if (length > 0) return { group: phrase.group, length };
    }
    return undefined;
  }

  private matchWeakPhrase(tokens: PhraseToken[], start: number): number {
    return longestPhraseAt(tokens, start, this.weakPhrases);
  }
}
