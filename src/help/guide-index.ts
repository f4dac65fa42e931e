/**
 * Offline retrieval over the guide in all three languages. MiniSearch ranks the sections (BM25
 * with prefix and typo tolerance); on top of that, a question counts as answered by the guide only
 * if the best sections cover enough of what it is about. A score alone cannot tell "how do I
 * approve my team's expense claims?" (strong words "expense claims", but the guide never covers
 * approving) from a real guide question, so the question's own content words have to be found.
 */
import MiniSearch from 'minisearch';
import { statesCount, statesDuration } from './answer-types.js';
import { LANGS, type Lang } from '../i18n/translate.js';
import type { Guide } from './guide-loader.js';
import { allowedTypos, normalizeToken, splitCompound, tokenize } from './normalize.js';
import { QueryAnalyzer } from './query-analysis.js';
import {
  DEFAULT_THRESHOLDS,
  familyOf,
  type Alternative,
  type AnalyzedQuery,
  type Family,
  type IndexOptions,
  type QueryGroup,
  type RankedSentence,
  type Retrieval,
  type Role,
  type SectionHit,
  type Thresholds,
} from './retrieval-types.js';
import { definitionsAmong, splitSentences, statesProblem } from './sentences.js';
import { rankSectionSentences, type IndexedSentence } from './sentence-rank.js';
import { comparisonSides, sideSections } from './comparison.js';
import { withAddressWord, withYearBefore, yearLinesOf } from './guide-marks.js';
import { ClaimKinds } from './claim-kind.js';
import {
  applyGate,
  checkedByRules,
  defaultGateFor,
  gateFeatures,
  type GateModel,
} from './answer-gate.js';
import { isPhraseMark, matchQuality, minPrefix } from './word-forms.js';
import { sectionFeatures } from './section-features.js';
import { decideFrom, defaultSectionModelFor, type SectionModel } from './section-classifier.js';

/** An amount of money or a percentage, in any of the three languages' ways of writing it. */
const AMOUNT = /\d[\d .,]*\s?(?:kr\b|nok\b|kroner|%|eur\b|€)|(?:\bkr|\bnok|€|\$)\.?\s?\d/i;

/** Remembered matches of search forms against the vocabulary (see termsMatching). */
const MATCH_CACHE_SIZE = 20_000;

/** A subsection is cited beside its parent when it scores at least this share of it. */
const CHILD_RATIO = 0.25;

/** Weak and generic words count this much toward coverage, content words 1. */
const WEAK_WEIGHT = 0.25;

interface GroupMatch {
  terms: Record<Family, Map<string, number>>;
  sections: Map<string, number>;
  typed: Set<string>;
  present: Alternative[];
}

interface Sentence extends IndexedSentence {
  /** The concepts of its words (synonym groups, else index forms). */
  concepts: Set<string>;
  /** What the sentence defines, when it says what a thing is ("Your username is your e-mail address"). */
  defines?: Set<string>;
  /** It states a number ("at least eight characters"): it can answer "how many". */
  count: boolean;
  /** It states a duration or a length ("at least eight characters"): it can answer "how long". */
  duration: boolean;
  /** It says something is paid back ("outlays you are to be reimbursed for, e.g. parking"). */
  coverage: boolean;
}

/**
 * A sentence opening with "X is" names what X is. Only a one-word subject, perhaps with "your" /
 * "the" or a possessive after it, counts: "This is much the same…" defines nothing (a pronoun).
 */
const DEFINITION =
  /^(?:your |the |ditt |din |di )?(\p{L}{4,})(?: ditt| din| di| mitt| mi)? (?:is|er) /u;
const PRONOUNS = new Set(['this', 'that', 'dette', 'dette', 'denne', 'there', 'here']);

/** Only content words, found or not, can make a question less covered by lacking. */
const lowersCoverage = (role: Role) =>
  role === 'content' || role === 'unknown' || role === 'foreign';

const fieldsOf = (lang: Lang) => [`title_${lang}`, `text_${lang}`];

const TITLE_BOOST = 1.5;
const ADDRESS = /[\p{L}\p{N}._-]+@[\p{L}\p{N}-]+\.[\p{L}]{2,}/u;

export class GuideIndex {
  readonly guide: Guide;
  private readonly thresholds: Thresholds;
  private readonly search: MiniSearch;
  private readonly analyzer: QueryAnalyzer;
  /** The learned veto on answers (answer-gate.ts); null answers by the rules alone. */
  private readonly gate: GateModel | null;
  /** The learned section classifier (section-classifier.ts); null answers by the rules alone. */
  private readonly sectionModel: SectionModel | null;
  /** Per family: normalised form → ids of the sections containing it (title or text, any language of the family). */
  private readonly vocabulary: Record<Family, Map<string, Set<string>>> = {
    no: new Map(),
    en: new Map(),
  };
  private readonly sentences = new Map<string, Sentence[]>();
  /** Each section title's forms, per language: what the section is about as a whole. */
  private readonly titles = new Map<string, Set<string>>();
  private readonly matchCache = new Map<string, Array<[string, number]>>();
  /** Sections stating an amount in some language. */
  private readonly withAmounts = new Set<string>();
  /** Sections naming someone, in some language: an e-mail address (the sender of a mail). */
  private readonly namesSomeone = new Set<string>();
  /** Which kind of claim a story calls for (claim-kind.ts). */
  private readonly kinds: ClaimKinds;
  /** Years the guide draws a line at ("before 2020"), see withYearBefore. */
  private readonly yearLines: number[];

  constructor(guide: Guide, opts: IndexOptions = {}) {
    this.guide = guide;
    this.gate = opts.gate === undefined ? defaultGateFor(guide) : opts.gate;
    this.sectionModel = opts.sections === undefined ? defaultSectionModelFor(guide) : opts.sections;
    this.thresholds = { ...DEFAULT_THRESHOLDS, ...opts.thresholds };
    this.yearLines = yearLinesOf(guide);
    this.analyzer = new QueryAnalyzer(guide, opts.synonyms, this.vocabulary);
    const lexicon = this.analyzer.lexicon;
    for (const lang of LANGS)
      for (const section of guide.sections[lang]) {
        if (AMOUNT.test(section.text)) this.withAmounts.add(section.id);
        if (ADDRESS.test(section.text)) this.namesSomeone.add(section.id);
      }

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
      tokenize: (text) => [...tokenize(text, { parts: true }), ...this.analyzer.phraseMarks(text)],
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
          [`text_${lang}`]: withAddressWord(section.text),
        });
        const sectionForms = [section.title, withAddressWord(section.text)].flatMap((text) => [
          ...tokenize(text, { parts: true }).flatMap((token) => indexForms(token, lang)),
          ...this.analyzer.phraseMarks(text),
        ]);
        for (const form of sectionForms) {
          const ids = this.vocabulary[family].get(form) ?? new Set<string>();
          ids.add(section.id);
          this.vocabulary[family].set(form, ids);
        }
        this.titles.set(
          `${lang}:${section.id}`,
          new Set(tokenize(section.title, { parts: true }).flatMap((t) => indexForms(t, lang))),
        );
        // The subject as a whole word: "brukernavnet" is not any "bruker" (the user).
        const wholeForm = (word: string) =>
          [normalizeToken(word, lang)].filter((f): f is string => Boolean(f));
        this.sentences.set(
          `${lang}:${section.id}`,
          splitSentences(section.text).map(({ text, block, step, item }, position) => {
            const subject = DEFINITION.exec(text.toLowerCase())?.[1];
            const defines =
              subject && !PRONOUNS.has(subject) ? new Set(wholeForm(subject)) : undefined;
            return {
              text,
              position,
              block,
              step,
              item,
              forms: new Set([
                ...tokenize(withAddressWord(text), { parts: true }).flatMap((t) =>
                  indexForms(t, lang),
                ),
                ...this.analyzer.phraseMarks(text),
              ]),
              concepts: new Set(tokenize(text, { parts: true }).flatMap(wholeForm)),
              count: statesCount(text, lang),
              duration: statesDuration(text, lang),
              coverage: this.analyzer.statesCoverage(text),
              ...(defines && defines.size > 0 ? { defines } : {}),
            };
          }),
        );
      }
    }
    this.kinds = new ClaimKinds(guide.ids, (lang, id) => this.titles.get(`${lang}:${id}`));
  }

  /**
   * Whether a sentence of the section, in some language, states a number (a duration, or that
   * something is paid back) about a thing of the question.
   */
  private saysAbout(
    id: string,
    content: boolean[],
    groupTerms: Array<Record<Family, Map<string, number>>>,
    kind: 'count' | 'duration' | 'coverage',
  ): boolean {
    return LANGS.some((lang) =>
      (this.sentences.get(`${lang}:${id}`) ?? []).some(
        (sentence) =>
          sentence[kind] &&
          groupTerms.some(
            (terms, i) =>
              content[i] && [...terms[familyOf(lang)].keys()].some((f) => sentence.forms.has(f)),
          ),
      ),
    );
  }

  /** Turns a question into concept groups (see QueryAnalyzer). */
  analyze(question: string): AnalyzedQuery {
    return this.analyzer.analyze(question);
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
      // A word of a topic the guide does not cover is taken as written: one letter away from a
      // guide word it is another word ("innstilt" flight, not "innstillinger"), not a typo.
      const matches = this.termsMatching(alt).filter(([, q]) => !group.foreign || q === 1);
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

  /**
   * The sections that answer a question, or found: false. A comparison ("A vs B") is answered
   * from each side's best section when both sides are in the guide.
   */
  retrieve(question: string): Retrieval {
    const { ruled, features } = this.readSections(question);
    if (!this.sectionModel) return ruled;
    return decideFrom(this.sectionModel, ruled, features);
  }

  /** The rules' answer (after the gate) and what the section classifier reads of the question. */
  readSections(question: string): { ruled: Retrieval; features: Map<string, number> } {
    const ruled = applyGate(this.retrieveRuled(question), this.gate);
    const features = sectionFeatures({
      question,
      query: ruled.query,
      sections: ruled.query.groups.map((g) => this.matchGroup(g).sections),
      ranked: ruled.ranked,
    });
    return { ruled, features };
  }

  /** The sections the rules choose, before the gate. */
  private retrieveRuled(question: string): Retrieval {
    const whole = this.retrieveOne(question);
    const texts = comparisonSides(question);
    const sides = texts
      ?.map((side) => this.retrieveOne(side))
      // A side may be a kind of claim alone ("a travel claim"), which is weak as a question of
      // its own, yet names what it is compared with: its best section serves when it covers it.
      .map((side) =>
        side.found || !side.ranked[0] || side.coverage < this.thresholds.minCoverage
          ? side
          : { ...side, found: true, sections: [side.ranked[0]] },
      );
    // "X instead of Y" asks about X: only a section holding every content word of X answers it
    // ("upload a receipt by e-mail": e-mail is only the activation mail's). A Y the guide never
    // names ("instead of flying") makes it a choice of travel, a policy the guide does not give,
    // as it gives no permission, nor someone else's part (asksPolicy).
    const [proposal, replaced] = whole.query.otherWay ? (sides ?? []) : [];
    const described = proposal?.ranked.some((hit) => this.holdsEveryConcept(proposal, hit.id));
    if ((proposal && !described) || replaced?.ranked.length === 0 || whole.query.asksPolicy)
      return { ...whole, found: false, sections: [] };
    // "Which kind of claim is that?" after a story: the kind's own section first, where the
    // words found another first (the overview listing every kind, which alone says "type").
    // Not a question for an amount, a count, someone or a payment: the kind's section lacks it.
    const kindIds = checkedByRules(whole.query) ? [] : this.kinds.sectionsTold(question);
    if (kindIds.length > 0 && !(whole.found && kindIds.includes(whole.sections[0]?.id ?? '')))
      return {
        ...whole,
        found: true,
        sections: kindIds.map((id) => ({
          id,
          score: whole.ranked.find((h) => h.id === id)?.score ?? 0,
        })),
        kind: true,
      };
    if (!sides || !sides.every((side) => side.found)) return whole;
    // Each side its own section: where both sides' best is the same (the overview naming both),
    // a side takes its next section scoring nearly as well, which is about it alone.
    const cited = sideSections(
      sides.map((side, i) => ({ ranked: side.ranked, text: texts?.[i] ?? '' })),
      this.thresholds.secondRatio,
      this.guide.ids,
      (lang, id) => this.titles.get(`${lang}:${id}`),
    );
    sides.forEach((side, i) => {
      const hit = cited[i];
      if (hit) sides[i] = { ...side, sections: [hit] };
    });
    if (cited.length >= 2) return { ...whole, found: true, sections: cited, sides };
    // Both sides are one section's words alone ("per diem and a meal allowance"): the guide does
    // not draw the distinction asked for.
    const one = (side: Retrieval) =>
      side.ranked.length === 1 && side.ranked[0]?.id === cited[0]?.id;
    return sides.every(one) ? { ...whole, found: false, sections: [] } : whole;
  }

  private retrieveOne(question: string): Retrieval {
    const query = this.analyzer.analyze(question);
    const matches = query.groups.map((g) => this.matchGroup(g));
    const perGroup = matches.map((m) => m.sections);
    // How specific a concept is: judged by the user's own word where the guide has it, since
    // synonyms widen the set ("note" is also the "Note:" before any remark).
    const sectionCounts = matches.map((m) => (m.typed.size > 0 ? m.typed.size : m.sections.size));
    const roles = withYearBefore(
      query.groups,
      query.groups.map((g, i) => this.roleOf(g, perGroup[i] as Map<string, number>)),
      this.yearLines,
    );
    const content = roles.map((role) => role === 'content');
    const weights = roles.map((role, i) => this.weightOf(role, sectionCounts[i] as number));
    const groupTerms = matches.map((m) => m.terms);
    const empty: Retrieval = {
      found: false,
      sections: [],
      ranked: [],
      coverage: 0,
      query,
      weights,
      content,
      sectionCounts,
      groupTerms,
    };
    if (query.groups.length === 0) return empty;

    // Getting money back ("how do I get that back?", "får jeg dekket det?") is answered first by
    // a section saying the thing is paid back ("outlays … e.g. parking"), where one does.
    const byScore = this.rank(query, roles, weights, matches);
    // Only a section scoring as a subsection beside its parent would: "Hans paid for the ferry"
    // states a payment, and a section naming parking in passing does not answer it.
    const paidBack = (hit: SectionHit) =>
      hit.score >= CHILD_RATIO * (byScore[0]?.score ?? 0) &&
      this.saysAbout(hit.id, content, groupTerms, 'coverage');
    const ranked = query.groups.some((g) => g.coverage)
      ? [...byScore.filter(paidBack), ...byScore.filter((hit) => !paidBack(hit))]
      : byScore;
    const best = ranked[0];
    if (!best) return empty;

    const anchored = (id: string) =>
      query.groups.some((_g, i) => content[i] && (perGroup[i] as Map<string, number>).has(id));
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

    const coverageOf = (ids: Set<string>) => {
      let matched = 0;
      let possible = 0;
      query.groups.forEach((g, i) => {
        const hit = [...ids].some((id) => (perGroup[i] as Map<string, number>).has(id));
        const weight = weights[i] as number;
        // A number the guide lacks (a date, an amount), a circumstance (a town, a weekday) and a
        // weak word ("add", "find") may add to the coverage but never lower it.
        if (!hit && !lowersCoverage(roles[i] as Role)) return;
        // A word the guide has only elsewhere may be what the question is about (another
        // section's topic), or an everyday word the guide happens to use ("between", "inne"):
        // it lowers the coverage at most as much as a word the guide lacks. Not in a question for
        // a procedure: what it names the procedure is done to ("how do I switch to a new phone").
        possible +=
          !hit && roles[i] === 'content' && !query.howTo
            ? Math.min(weight, this.thresholds.elsewhereWeight)
            : weight;
        if (hit) matched += g.partial ? weight / 2 : weight;
      });
      return possible > 0 ? matched / possible : 0;
    };
    // A procedure is described in one place: its action and what it is done to must meet in one
    // cited section ("change the language" of "the Attach app" are two sections' words).
    const coverage = query.howTo
      ? Math.max(...cited.map((hit) => coverageOf(new Set([hit.id]))))
      : coverageOf(new Set(cited.map((s) => s.id)));
    // A question for an amount is answered only by a section that states one, however well the words match.
    const answersAmount = !query.asksAmount || cited.some((hit) => this.withAmounts.has(hit.id));
    const things = content.map((isContent, i) => isContent && !query.groups[i]?.count);
    const number = query.asksDuration ? 'duration' : 'count';
    const answersCount =
      !query.asksCount || cited.some((hit) => this.saysAbout(hit.id, things, groupTerms, number));
    // The guide explains how to file; whether a thing is paid for it says only of the things it
    // names in a sentence about paying back ("outlays … e.g. parking"): a yes/no question whether
    // something is covered needs such a sentence with one of the question's things in it.
    const paidThings = content.map((isContent, i) => isContent && !query.groups[i]?.coverage);
    const answersCoverage =
      !query.asksCoverage ||
      cited.some((hit) => this.saysAbout(hit.id, paidThings, groupTerms, 'coverage'));
    // The guide names no person or role; who sends its e-mails it says by their address.
    const answersWho = !query.asksWho || cited.some((hit) => this.namesSomeone.has(hit.id));
    const found =
      best.score >= this.thresholds.minScore &&
      coverage >= this.thresholds.minCoverage &&
      anchored(best.id) &&
      answersAmount &&
      answersCount &&
      answersCoverage &&
      answersWho;
    const gate = gateFeatures(
      { question, query, roles, weights, perGroup, ranked, coverage, matches, cited },
      this.guide.ids.length,
    );
    return {
      found,
      sections: found ? cited : [],
      ranked,
      coverage,
      gate,
      query,
      weights,
      content,
      sectionCounts,
      groupTerms,
      problem: statesProblem(question),
    };
  }

  /** Whether the section holds every content concept of the question, in some language. */
  private holdsEveryConcept(
    retrieval: Pick<Retrieval, 'content' | 'groupTerms'>,
    id: string,
  ): boolean {
    return retrieval.groupTerms.every(
      (terms, i) =>
        !retrieval.content[i] ||
        (['no', 'en'] as const).some((family) =>
          [...terms[family].keys()].some((term) => this.vocabulary[family].get(term)?.has(id)),
        ),
    );
  }

  /** What a concept of the question is to the guide, see Role. */
  private roleOf(group: QueryGroup, sections: Map<string, number>): Role {
    if (group.number || group.circumstance) return 'circumstance';
    if (group.weak || sections.size >= this.thresholds.genericShare * this.guide.ids.length)
      return 'weak';
    if (sections.size > 0) return 'content';
    return group.foreign ? 'foreign' : 'unknown';
  }

  /** A content word counts more the fewer sections have it (inverse document frequency). */
  private weightOf(role: Role, sectionCount: number): number {
    if (role === 'weak' || role === 'circumstance') return WEAK_WEIGHT;
    if (role === 'unknown') return this.thresholds.unknownWeight;
    if (role === 'foreign') return this.thresholds.foreignWeight;
    const total = this.guide.ids.length;
    const idf = Math.log(total / Math.max(1, sectionCount)) / Math.log(total);
    return 1 + this.thresholds.idfBoost * idf;
  }

  /**
   * BM25 per concept group, summed over the three languages. Within a group the score is averaged
   * over the alternatives that matched, so a section naming one concept in five synonyms does not
   * beat one naming two concepts. Then, as Lucene's classic coordination factor does, the sum is
   * scaled by the share of the question the section contains.
   */
  private rank(
    query: AnalyzedQuery,
    roles: Role[],
    weights: number[],
    matches: GroupMatch[],
  ): SectionHit[] {
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
    query.groups.forEach((_g, i) => {
      const missing = (perGroup[i] as Map<string, number>).size === 0;
      if (!missing || lowersCoverage(roles[i] as Role)) possible += weights[i] as number;
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
   * Sentences of these sections that say what a thing named in the chosen sentences is: an answer
   * telling to log in "with your username" also needs "your username is your e-mail address".
   */
  definitionsFor(lang: Lang, sectionIds: string[], chosen: string[]): string[] {
    return definitionsAmong(
      sectionIds.flatMap((id) => this.sentences.get(`${lang}:${id}`) ?? []),
      chosen,
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
      if (!retrieval.content[i]) return;
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
    return rankSectionSentences(
      this.sentences.get(`${lang}:${sectionId}`) ?? [],
      this.titles.get(`${lang}:${sectionId}`) ?? new Set<string>(),
      familyOf(lang),
      this.guide.ids.length,
      retrieval,
    );
  }
}
