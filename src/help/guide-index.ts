/**
 * Offline retrieval over the guide in all three languages. MiniSearch ranks the sections (BM25
 * with prefix and typo tolerance); on top of that, a question counts as answered by the guide only
 * if the best sections cover enough of what it is about. A score alone cannot tell "how do I
 * approve my team's expense claims?" (strong words "expense claims", but the guide never covers
 * approving) from a real guide question, so the question's own content words have to be found.
 */
import MiniSearch, { type Query } from 'minisearch';
import { z } from 'zod';
import { LANGS, type Lang } from '../i18n/translate.js';
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
import bundledSynonyms from './synonyms.json' with { type: 'json' };

/** Norwegian (both standards share a stemmer) or English: which index fields a search form belongs to. */
type Family = 'no' | 'en';
const familyOf = (lang: Lang): Family => (lang === 'en' ? 'en' : 'no');

const synonymsSchema = z.object({
  groups: z.array(z.array(z.string().min(1)).min(2)),
  weak: z.array(z.string().min(1)).default([]),
  amount: z.array(z.string().min(1)).default([]),
});
export type SynonymData = z.input<typeof synonymsSchema>;

/** An amount of money or a percentage, in any of the three languages' ways of writing it. */
const AMOUNT = /\d[\d .,]*\s?(?:kr\b|nok\b|kroner|%|eur\b|€)|(?:\bkr|\bnok|€|\$)\.?\s?\d/i;

export interface Thresholds {
  /**
   * Least score of the best section: BM25 summed over the question's concepts and the three
   * languages, times the share of the question the section contains.
   */
  minScore: number;
  /** Least share of the question's content (weighted) that the cited sections must contain. */
  minCoverage: number;
  /** A second section is cited when it scores at least this share of the best one. */
  secondRatio: number;
  /** A term found in at least this share of the sections says nothing about which one is meant. */
  genericShare: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  minScore: 5,
  minCoverage: 0.6,
  secondRatio: 0.6,
  genericShare: 0.6,
};

/** Remembered matches of search forms against the vocabulary (see termsMatching). */
const MATCH_CACHE_SIZE = 20_000;

/** A subsection is cited beside its parent when it scores at least this share of it. */
const CHILD_RATIO = 0.25;

/** Weak and generic words count this much toward coverage, content words 1. */
const WEAK_WEIGHT = 0.25;

interface Alternative {
  form: string;
  family: Family;
  /** Typed by the user (not a synonym): only these get typo tolerance, so synonyms never drift. */
  typed: boolean;
}

export interface QueryGroup {
  /** What the user wrote for this concept (for diagnostics). */
  label: string;
  alternatives: Alternative[];
  /** Says what to do ("add", "finn") rather than what about. */
  weak: boolean;
  /** A number: it counts when the guide has it, and costs nothing when it has not (dates, amounts). */
  number: boolean;
  /**
   * Only the head of a compound is known ("fly|billetter"): the guide has tickets, not necessarily
   * plane tickets, so finding it covers only half of the word.
   */
  partial?: boolean;
}

export interface AnalyzedQuery {
  groups: QueryGroup[];
  /** The question asks for an amount or a rate ("how much", "kilometersatsen"). */
  asksAmount: boolean;
}

export interface SectionHit {
  id: string;
  score: number;
}

export interface Retrieval {
  found: boolean;
  /** The sections to answer from (one or two), best first; empty when not found. */
  sections: SectionHit[];
  /** All sections with a score, best first; for diagnostics and evaluation. */
  ranked: SectionHit[];
  coverage: number;
  query: AnalyzedQuery;
  /** Per query group: its coverage weight after the generic check. */
  weights: number[];
  /** Per query group: in how many sections it occurs (the user's own word, where the guide has it). */
  sectionCounts: number[];
  /** Per query group: the indexed forms it matches, with the match quality. */
  groupTerms: Array<Record<Family, Map<string, number>>>;
}

interface GroupMatch {
  terms: Record<Family, Map<string, number>>;
  sections: Map<string, number>;
  typed: Set<string>;
  present: Alternative[];
}

export interface RankedSentence {
  text: string;
  position: number;
  /** Sentences with the same block are one paragraph or one list. */
  block: number;
  /** An item of a numbered list. */
  step: boolean;
  score: number;
}

interface Sentence {
  text: string;
  position: number;
  block: number;
  step: boolean;
  forms: Set<string>;
}

interface SynonymEntry {
  group: number;
  /** Per word of the entry: its normalised forms (Norwegian and English stems). */
  words: string[][];
}

/** Matches between a search form and an indexed form: exact, as a prefix of a longer word, or within typos. */
function matchQuality(alt: Alternative, term: string): number {
  if (term === alt.form) return 1;
  if (alt.form.length >= minPrefix(alt) && term.startsWith(alt.form)) return 0.7;
  if (alt.typed) {
    const typos = allowedTypos(alt.form);
    if (typos > 0 && editDistance(alt.form, term, typos) <= typos) return 0.6;
  }
  return 0;
}

const fieldsOf = (lang: Lang) => [`title_${lang}`, `text_${lang}`];

/**
 * Shortest form searched as a prefix. A synonym's short stem finds unrelated words ("fram" from
 * "frame" in "framfor"), so synonyms need one letter more than what the user typed.
 */
const minPrefix = (alt: Alternative) => (alt.typed ? 4 : 5);

const TITLE_BOOST = 1.5;

/** Tokens never contain "_", so a phrase mark cannot collide with a word; the closing "_" stops "_p1_" prefixing "_p12_". */
const phraseMark = (group: number) => `_p${group}_`;
const isPhraseMark = (term: string) => /^_p\d+_$/.test(term);

export class GuideIndex {
  readonly guide: Guide;
  private readonly thresholds: Thresholds;
  private readonly search: MiniSearch;
  /** Per family: normalised form → ids of the sections containing it (title or text, any language of the family). */
  private readonly vocabulary: Record<Family, Map<string, Set<string>>> = {
    no: new Map(),
    en: new Map(),
  };
  private readonly sentences = new Map<string, Sentence[]>();
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
  private readonly matchCache = new Map<string, Array<[string, number]>>();
  /** The known words by length, as a typo changes the length by at most the typos allowed. */
  private readonly knownByLength = new Map<number, string[]>();
  private readonly weakPhrases: string[][][] = [];
  private readonly amountWords = new Set<string>();
  private readonly amountPhrases: string[][][] = [];
  /** Sections stating an amount in some language. */
  private readonly withAmounts = new Set<string>();
  /** Folded spellings of every known word, for correcting a typo before synonym lookup. */
  private readonly knownWords = new Set<string>();

  constructor(
    guide: Guide,
    opts: { synonyms?: SynonymData; thresholds?: Partial<Thresholds> } = {},
  ) {
    this.guide = guide;
    this.thresholds = { ...DEFAULT_THRESHOLDS, ...opts.thresholds };
    const synonyms = synonymsSchema.parse(opts.synonyms ?? bundledSynonyms);
    this.synonymGroups = synonyms.groups;

    // Known words first: compound splitting needs to know which parts are words.
    const lexicon: Record<Family, Set<string>> = { no: new Set(), en: new Set() };
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
    for (const lang of LANGS) {
      for (const section of guide.sections[lang]) {
        if (AMOUNT.test(section.text)) this.withAmounts.add(section.id);
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

    const isKnown = (family: Family) => (form: string) => lexicon[family].has(form);
    const indexForms = (token: string, lang: Lang): string[] => {
      const form = normalizeToken(token, lang);
      if (!form) return [];
      if (lang === 'en' || form.length < 7) return [form];
      // A guide compound also answers for its head: "fergebillett" is found by "billett".
      const split = splitCompound(token, isKnown('no'));
      return split ? [...new Set([form, ...split.head, ...split.modifier])] : [form];
    };

    this.search = new MiniSearch({
      fields: LANGS.flatMap(fieldsOf),
      storeFields: ['sectionId'],
      tokenize: (text) => [...tokenize(text, { parts: true }), ...this.phraseMarks(text)],
      processTerm: (term, fieldName) => {
        if (isPhraseMark(term)) return term;
        const lang = (fieldName?.split('_')[1] ?? 'en') as Lang;
        const forms = indexForms(term, lang);
        return forms.length > 0 ? forms : null;
      },
    });
    for (const lang of LANGS) {
      const family = familyOf(lang);
      for (const section of guide.sections[lang]) {
        this.search.add({
          id: `${lang}:${section.id}`,
          sectionId: section.id,
          [`title_${lang}`]: section.title,
          [`text_${lang}`]: section.text,
        });
        const sectionForms = [section.title, section.text].flatMap((text) => [
          ...tokenize(text, { parts: true }).flatMap((token) => indexForms(token, lang)),
          ...this.phraseMarks(text),
        ]);
        for (const form of sectionForms) {
          const ids = this.vocabulary[family].get(form) ?? new Set<string>();
          ids.add(section.id);
          this.vocabulary[family].set(form, ids);
        }
        this.sentences.set(
          `${lang}:${section.id}`,
          splitSentences(section.text).map(({ text, block, step }, position) => ({
            text,
            position,
            block,
            step,
            forms: new Set([
              ...tokenize(text, { parts: true }).flatMap((t) => indexForms(t, lang)),
              ...this.phraseMarks(text),
            ]),
          })),
        );
      }
    }
  }

  /**
   * A mark for each synonym phrase in a text, indexed like a word: "log in" in the guide then
   * meets "sign in" or "logge inn" in a question although no single word of them does.
   */
  private phraseMarks(text: string): string[] {
    const forms = tokenize(text).map(phraseToken);
    const marks: string[] = [];
    for (let i = 0; i < forms.length; i++) {
      const phrase = this.matchPhrase(forms, i);
      if (phrase) marks.push(phraseMark(phrase.group));
    }
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
      this.vocabulary.no.has(no) ||
      this.vocabulary.en.has(en) ||
      this.singleWords.no.has(no) ||
      this.singleWords.en.has(en)
    );
  }

  private groupsOfWord(word: string): Set<number> {
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
  analyze(question: string): AnalyzedQuery {
    const tokens = tokenize(question);
    const names = properNouns(question);
    const tokenForms = tokens.map(phraseToken);
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
    ) => {
      const key = `word:${alternatives.map((a) => `${a.family}:${a.form}`).join('|')}`;
      if (!groups.has(key))
        groups.set(key, { label, alternatives, weak, number: /^\p{N}+$/u.test(label), partial });
    };

    for (let i = 0; i < tokens.length;) {
      const phrase = this.matchPhrase(tokenForms, i);
      if (phrase) {
        synonymGroup([phrase.group], tokens.slice(i, i + phrase.length).join(' '), []);
        // Words skipped inside the phrase ("laster jeg opp") are stop words: nothing else to do with them.
        i += phrase.length;
        continue;
      }
      const weakLength = this.matchWeakPhrase(tokenForms, i);
      if (weakLength > 0) {
        i += weakLength;
        continue;
      }
      const word = tokens[i] as string;
      i++;
      if (isStopword(word)) continue;
      if (/^\p{N}+$/u.test(word)) {
        plainGroup(word, false, [
          { form: word, family: 'no', typed: false },
          { form: word, family: 'en', typed: false },
        ]);
        continue;
      }
      if (this.isWeak(word)) {
        plainGroup(word, true, typedAlternatives([word]));
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
        (form) => this.vocabulary.no.has(form) || this.singleWords.no.has(form),
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
      const corrected = this.correct(word);
      const correctedGroups = corrected ? this.groupsOfWord(corrected) : new Set<number>();
      if (correctedGroups.size > 0) {
        synonymGroup(correctedGroups, word, [word]);
        continue;
      }
      // An unknown capitalised word inside a sentence names a place or a company: a circumstance.
      const weak =
        (corrected !== undefined && this.isWeak(corrected)) ||
        (corrected === undefined && names.has(word));
      plainGroup(word, weak, typedAlternatives([word]));
    }
    return { groups: [...groups.values()], asksAmount: this.asksAmount(tokens, tokenForms) };
  }

  /** A word for an amount, alone or as the end of a compound ("skattesatsen"), or a phrase like "how much". */
  private asksAmount(tokens: string[], tokenForms: PhraseToken[]): boolean {
    for (const token of tokens) {
      const folded = fold(token);
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
    for (const phrase of this.weakPhrases) {
      const length = phraseAt(tokens, start, phrase);
      if (length > 0) return length;
    }
    return 0;
  }

  /**
   * Where a group occurs: each indexed form it matches (with the match quality), the sections
   * holding them, the sections holding the user's own word, and which alternatives occur at all
   * (only those are worth a search). One pass over the vocabulary, so sentences are scored later
   * by lookups instead of comparing words again.
   */
  private matchGroup(group: QueryGroup): GroupMatch {
    const terms: Record<Family, Map<string, number>> = { no: new Map(), en: new Map() };
    const sections = new Map<string, number>();
    const typed = new Set<string>();
    const present: Alternative[] = [];
    for (const alt of group.alternatives) {
      const matches = this.termsMatching(alt);
      if (matches.length === 0) continue;
      present.push(alt);
      const familyTerms = terms[alt.family];
      for (const [term, quality] of matches) {
        if (quality > (familyTerms.get(term) ?? 0)) familyTerms.set(term, quality);
        for (const id of this.vocabulary[alt.family].get(term) ?? []) {
          if (quality > (sections.get(id) ?? 0)) sections.set(id, quality);
          if (alt.typed) typed.add(id);
        }
      }
    }
    return { terms, sections, typed, present };
  }

  /**
   * The indexed forms an alternative matches, with the match quality. Remembered: synonyms and
   * common words come back in question after question, and comparing one with the whole
   * vocabulary (typos included) is the costly part of a search.
   */
  private termsMatching(alt: Alternative): Array<[string, number]> {
    const key = `${alt.family}:${alt.typed ? 't' : 's'}:${alt.form}`;
    const cached = this.matchCache.get(key);
    if (cached) return cached;
    const found: Array<[string, number]> = [];
    for (const term of this.vocabulary[alt.family].keys()) {
      const quality = matchQuality(alt, term);
      if (quality > 0) found.push([term, quality]);
    }
    // Bounded: typed words are unbounded in number, the guide's vocabulary is not.
    if (this.matchCache.size >= MATCH_CACHE_SIZE) this.matchCache.clear();
    this.matchCache.set(key, found);
    return found;
  }

  retrieve(question: string): Retrieval {
    const query = this.analyze(question);
    const total = this.guide.ids.length;
    const matches = query.groups.map((g) => this.matchGroup(g));
    const perGroup = matches.map((m) => m.sections);
    const weights = query.groups.map((g, i) => {
      const generic =
        (perGroup[i] as Map<string, number>).size >= this.thresholds.genericShare * total;
      return g.weak || generic ? WEAK_WEIGHT : 1;
    });
    // How specific a concept is: judged by the user's own word where the guide has it, since
    // synonyms widen the set ("note" is also the "Note:" before any remark).
    const sectionCounts = matches.map((m) => (m.typed.size > 0 ? m.typed.size : m.sections.size));
    const groupTerms = matches.map((m) => m.terms);
    const empty: Retrieval = {
      found: false,
      sections: [],
      ranked: [],
      coverage: 0,
      query,
      weights,
      sectionCounts,
      groupTerms,
    };
    if (query.groups.length === 0) return empty;

    const ranked = this.rank(query, weights, matches);
    const best = ranked[0];
    if (!best) return empty;

    const anchored = (id: string) =>
      query.groups.some(
        (g, i) => weights[i] === 1 && !g.number && (perGroup[i] as Map<string, number>).has(id),
      );
    const cited = [best];
    const second = ranked[1];
    if (second && second.score >= this.thresholds.secondRatio * best.score && anchored(second.id))
      cited.push(second);
    else {
      // A parent section introduces what its subsections explain step by step: when the question
      // also matches a subsection, that one is cited too.
      const child = ranked.find(
        (h) =>
          h.id.startsWith(`${best.id}.`) && h.score >= CHILD_RATIO * best.score && anchored(h.id),
      );
      if (child) cited.push(child);
    }

    const ids = new Set(cited.map((s) => s.id));
    let matched = 0;
    let possible = 0;
    query.groups.forEach((g, i) => {
      const hit = [...ids].some((id) => (perGroup[i] as Map<string, number>).has(id));
      const weight = weights[i] as number;
      // A number the guide lacks (a date, an amount) and a weak word it lacks (a city, "last week")
      // are the question's circumstances: they may add to the coverage but never lower it.
      if (!hit && (g.number || weight < 1)) return;
      possible += weight;
      if (hit) matched += g.partial ? weight / 2 : weight;
    });
    const coverage = possible > 0 ? matched / possible : 0;
    // A question for an amount is answered only by a section that states one, however well the words match.
    const answersAmount = !query.asksAmount || cited.some((hit) => this.withAmounts.has(hit.id));
    const found =
      best.score >= this.thresholds.minScore &&
      coverage >= this.thresholds.minCoverage &&
      anchored(best.id) &&
      answersAmount;
    return {
      found,
      sections: found ? cited : [],
      ranked,
      coverage,
      query,
      weights,
      sectionCounts,
      groupTerms,
    };
  }

  /**
   * BM25 per concept group, summed over the three languages. Within a group the score is averaged
   * over the alternatives that matched, so a section naming one concept in five synonyms does not
   * beat one naming two concepts. Then, as Lucene's classic coordination factor does, the sum is
   * scaled by the share of the question the section contains.
   */
  private rank(query: AnalyzedQuery, weights: number[], matches: GroupMatch[]): SectionHit[] {
    const perGroup = matches.map((m) => m.sections);
    const scores = new Map<string, number>();
    const searchOptions = {
      tokenize: (text: string) => [text],
      processTerm: (term: string) => term,
      boost: Object.fromEntries(LANGS.map((lang) => [`title_${lang}`, TITLE_BOOST])),
    };
    query.groups.forEach((_group, i) => {
      const present = (matches[i] as GroupMatch).present;
      if (present.length === 0) return;
      const results = this.search.search(
        {
          combineWith: 'OR',
          queries: present.map((alt) => ({
            queries: [alt.form],
            fields: alt.family === 'en' ? fieldsOf('en') : [...fieldsOf('nb'), ...fieldsOf('nn')],
            prefix: alt.form.length >= minPrefix(alt),
            fuzzy: alt.typed ? allowedTypos(alt.form) || false : false,
          })),
        },
        searchOptions,
      );
      for (const result of results) {
        const id = result['sectionId'] as string;
        const perConcept = result.score / Math.max(1, result.queryTerms.length);
        scores.set(id, (scores.get(id) ?? 0) + perConcept * (weights[i] as number));
      }
    });
    let possible = 0;
    query.groups.forEach((g, i) => {
      const missing = (perGroup[i] as Map<string, number>).size === 0;
      if (!(missing && (g.number || (weights[i] as number) < 1))) possible += weights[i] as number;
    });
    const coord = (id: string) => {
      let matched = 0;
      query.groups.forEach((g, i) => {
        if ((perGroup[i] as Map<string, number>).has(id))
          matched += (weights[i] as number) * (g.partial ? 0.5 : 1);
      });
      return possible > 0 ? matched / possible : 0;
    };
    return [...scores.entries()]
      .map(([id, score]) => ({ id, score: score * coord(id) }))
      .filter((hit) => hit.score > 0)
      .sort(
        (a, b) => b.score - a.score || this.guide.ids.indexOf(a.id) - this.guide.ids.indexOf(b.id),
      );
  }

  /**
   * For each content concept of the question that none of `chosen` holds, the section's best
   * sentence holding it (most specific concept first).
   */
  missingConcepts(
    lang: Lang,
    sectionId: string,
    retrieval: Retrieval,
    chosen: RankedSentence[],
  ): RankedSentence[] {
    const sentences = this.sentences.get(`${lang}:${sectionId}`) ?? [];
    const family = familyOf(lang);
    const holds = (sentence: Sentence, i: number) =>
      [...sentence.forms].some((f) => (retrieval.groupTerms[i]?.[family].get(f) ?? 0) > 0);
    const ranked = this.rankSentences(lang, sectionId, retrieval);
    const extra: Array<{ sentence: RankedSentence; specificity: number }> = [];
    retrieval.query.groups.forEach((_group, i) => {
      if (retrieval.weights[i] !== 1) return;
      const chosenSentences = chosen
        .map((c) => sentences[c.position])
        .filter((s): s is Sentence => s !== undefined);
      if (chosenSentences.some((s) => holds(s, i))) return;
      const candidates = ranked.filter((r) => {
        const sentence = sentences[r.position];
        return sentence !== undefined && holds(sentence, i);
      });
      const best = candidates.sort((a, b) => b.score - a.score)[0];
      if (best) extra.push({ sentence: best, specificity: -(retrieval.sectionCounts[i] ?? 0) });
    });
    return extra.sort((a, b) => b.specificity - a.specificity).map((e) => e.sentence);
  }

  /**
   * The section's sentences in this language, scored by how much of the question each one holds.
   * A concept counts more the fewer sections mention it: "comment" says more than "receipt".
   */
  rankSentences(lang: Lang, sectionId: string, retrieval: Retrieval): RankedSentence[] {
    const sentences = this.sentences.get(`${lang}:${sectionId}`) ?? [];
    const family = familyOf(lang);
    const total = this.guide.ids.length;
    const specificity = retrieval.sectionCounts.map((count) =>
      Math.log(1 + total / Math.max(1, count)),
    );
    return sentences.map((sentence) => {
      let score = 0;
      retrieval.groupTerms.forEach((terms, i) => {
        let best = 0;
        for (const form of sentence.forms) best = Math.max(best, terms[family].get(form) ?? 0);
        score += best * (retrieval.weights[i] as number) * (specificity[i] as number);
      });
      return {
        text: sentence.text,
        position: sentence.position,
        block: sentence.block,
        step: sentence.step,
        score,
      };
    });
  }
}

function dedupe(alternatives: Alternative[]): Alternative[] {
  const seen = new Map<string, Alternative>();
  for (const alt of alternatives) {
    const key = `${alt.family}:${alt.form}`;
    const existing = seen.get(key);
    if (!existing || (alt.typed && !existing.typed)) seen.set(key, alt);
  }
  return [...seen.values()];
}

function typedAlternatives(words: string[]): Alternative[] {
  return dedupe(
    words.flatMap((word) => [
      { form: fold(stemNorwegian(word.toLowerCase())), family: 'no' as const, typed: true },
      { form: fold(stemEnglish(word.toLowerCase())), family: 'en' as const, typed: true },
    ]),
  );
}

/** The word and its stems, unfolded; a stem shorter than four letters is too ambiguous ("apply" → "app"). */
function unfoldedForms(word: string): string[] {
  const lower = word.toLowerCase();
  return [
    ...new Set([lower, ...[stemNorwegian(lower), stemEnglish(lower)].filter((f) => f.length >= 4)]),
  ];
}

/** Both stems and the plain folded word: enough to recognise a word from a list whatever its inflection. */
function rawForms(word: string): string[] {
  const lower = word.toLowerCase();
  return [...new Set([fold(lower), fold(stemNorwegian(lower)), fold(stemEnglish(lower))])];
}

/** Lowercased words written with a capital inside a sentence ("in Stavanger"), not the first word of one. */
function properNouns(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(/(^|[.!?]\s+|\s+)(\p{Lu}[\p{Ll}\p{Lu}]*)/gu)) {
    const [, before = '', word = ''] = match;
    const sentenceStart = match.index === 0 || /[.!?]/.test(before);
    if (!sentenceStart && !/^\p{Lu}+$/u.test(word)) names.add(word.toLowerCase());
  }
  return names;
}

interface PhraseToken {
  forms: string[];
  stop: boolean;
}

const phraseToken = (token: string): PhraseToken => ({
  forms: rawForms(token),
  stop: isStopword(token),
});

/**
 * How many tokens the phrase `words` (forms per word) covers from `start`, or 0. One stop word
 * may stand between two of its words, as a question puts the subject there: "laster jeg opp",
 * "kommer jeg i gang".
 */
function phraseAt(tokens: PhraseToken[], start: number, words: string[][]): number {
  if (words.length < 2) return 0;
  let at = start;
  for (let j = 0; j < words.length; j++) {
    const forms = words[j] as string[];
    if (sharesForm(tokens[at], forms)) {
      at++;
    } else if (j > 0 && tokens[at]?.stop && sharesForm(tokens[at + 1], forms)) {
      at += 2;
    } else {
      return 0;
    }
  }
  return at - start;
}

function sharesForm(token: PhraseToken | undefined, forms: string[]): boolean {
  if (!token) return false;
  for (const form of forms) if (token.forms.includes(form)) return true;
  return false;
}

/**
 * Splits a section body into sentences: each list item is its own unit, paragraphs are split at
 * sentence ends. "e.g. parking" and "t.d. parkering" stay whole because a lowercase word follows.
 * `block` numbers the paragraphs and lists, so a caller can tell which sentences belong together;
 * `step` marks the items of a numbered list.
 */
export function splitSentences(
  markdown: string,
): Array<{ text: string; block: number; step: boolean }> {
  const units: Array<{ text: string; block: number; step: boolean }> = [];
  let paragraph: string[] = [];
  let block = 0;
  let inList = false;
  const flush = () => {
    if (paragraph.length > 0)
      units.push({ text: paragraph.join(' '), block: block++, step: false });
    paragraph = [];
  };
  for (const line of markdown.split('\n')) {
    const item = /^\s*([-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (item) {
      flush();
      inList = true;
      units.push({ text: item[2] as string, block, step: /\d/.test(item[1] as string) });
    } else if (line.trim() === '') {
      flush();
    } else {
      if (inList) {
        block++;
        inList = false;
      }
      paragraph.push(line.trim());
    }
  }
  flush();
  return units
    .flatMap((unit) =>
      unit.text
        .split(/(?<=[.!?…][»")]?)\s+(?=[«"(]?[\p{Lu}\d])/u)
        .map((text) => ({ ...unit, text })),
    )
    .map((u) => ({ ...u, text: u.text.replace(/\s+/g, ' ').trim() }))
    .filter((u) => /\p{L}/u.test(u.text));
}
