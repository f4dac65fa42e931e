/** The shapes offline retrieval passes between analysing a question and ranking the guide. */
import type { Lang } from '../i18n/translate.js';
import type { GateModel, GateReading } from './answer-gate.js';
import type { SynonymData } from './query-analysis.js';
import type { SectionModel } from './section-classifier.js';

/** Norwegian (both standards share a stemmer) or English: which index fields a search form belongs to. */
export type Family = 'no' | 'en';
export const familyOf = (lang: Lang): Family => (lang === 'en' ? 'en' : 'no');

/** How a GuideIndex is built: its synonyms, thresholds and answer gate (null: the rules alone). */
export interface IndexOptions {
  synonyms?: SynonymData;
  thresholds?: Partial<Thresholds>;
  gate?: GateModel | null;
  /** The learned section classifier (default the bundled one; null: the rules alone). */
  sections?: SectionModel | null;
}

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
  /**
   * Coverage weight of a content word the guide has nowhere (after synonyms, compounds and
   * typos): it may be what the question is about, or only how the user put it ("stuck",
   * "halfway"), so it lowers the coverage less than a word the guide has elsewhere.
   */
  unknownWeight: number;
  /**
   * How much more a content word found in one section counts than one found in all (inverse
   * document frequency over the guide's sections): rare words say most about what is meant.
   */
  idfBoost: number;
  /** Coverage weight, at most, of a content word the cited sections lack but another has. */
  elsewhereWeight: number;
  /** Coverage weight of a foreign topic (see QueryGroup.foreign) the guide has nowhere. */
  foreignWeight: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  minScore: 5,
  minCoverage: 0.6,
  secondRatio: 0.6,
  genericShare: 0.6,
  unknownWeight: 1,
  idfBoost: 1,
  foreignWeight: 5,
  elsewhereWeight: 0.5,
};

export interface Alternative {
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
  /**
   * When, where or with whom (a weekday, a month, a town, a first name): like a number, it counts
   * when the guide has it and costs nothing when it has not.
   */
  circumstance?: boolean;
  /**
   * A topic of expense work the guide may not cover (approval, salary, deadlines): when the guide
   * has it nowhere, it is what the question is about, and counts strongly against coverage.
   */
  foreign?: boolean;
  /** The words that ask for a count or length ("how long"), not a thing of the question. */
  count?: boolean;
  /** Speaks of paying back ("reimbursed", "dekket"), not of the thing paid for. */
  coverage?: boolean;
}

export interface AnalyzedQuery {
  groups: QueryGroup[];
  /** The question asks for an amount or a rate ("how much", "kilometersatsen"). */
  asksAmount: boolean;
  /** The question asks how many or how long: a sentence stating a number about its things answers it. */
  asksCount: boolean;
  /** It asks how long ("how long", "hvor lenge"): only a number with a unit of time or length answers it. */
  asksDuration?: boolean;
  /** The question asks who (does, approves, sends): a sentence naming someone answers it. */
  asksWho: boolean;
  /** It asks for a policy, a permission, someone else's part or tax (see question-shapes). */
  asksPolicy?: boolean;
  /** A yes/no question whether something is paid back ("can I get my gym card covered?"). */
  asksCoverage: boolean;
  /** A question for a procedure ("how do I send …"): all it names is what the answer describes. */
  howTo?: boolean;
  /** A yes/no question proposing another way than the one it names ("by e-mail instead of the app?"). */
  otherWay?: boolean;
}

export interface SectionHit {
  id: string;
  score: number;
}

/**
 * What a concept of the question is to the guide: a content word it has, a content word it has
 * nowhere (a known topic of expense work outside the guide is "foreign"), a weak or generic word,
 * or a circumstance (a number, a weekday, a town, a name).
 */
export type Role = 'content' | 'unknown' | 'foreign' | 'weak' | 'circumstance';

export interface Retrieval {
  found: boolean;
  /** The sections to answer from (one or two), best first; empty when not found. */
  sections: SectionHit[];
  /** All sections with a score, best first; for diagnostics and evaluation. */
  ranked: SectionHit[];
  coverage: number;
  query: AnalyzedQuery;
  /** Per query group: its coverage weight (weak, unknown, or by how rare it is in the guide). */
  weights: number[];
  /** Per query group: a content word the guide has (not weak, generic, a number or a circumstance). */
  content: boolean[];
  /** Per query group: in how many sections it occurs (the user's own word, where the guide has it). */
  sectionCounts: number[];
  /** Per query group: the indexed forms it matches, with the match quality. */
  groupTerms: Array<Record<Family, Map<string, number>>>;
  /** The question states something that fails (a negation): see namedAnswerFactor. */
  problem?: boolean;
  /** The answer gate's features (see answer-gate.ts), when some section matched at all. */
  gate?: GateReading;
  /** A comparison: each side's own retrieval, whose best section is cited (see comparison.ts). */
  sides?: Retrieval[];
  /** Which kind of claim a story calls for, answered by the kind's section (claim-kind.ts). */
  kind?: boolean;
}

export interface RankedSentence {
  text: string;
  position: number;
  /** Sentences with the same block are one paragraph or one list. */
  block: number;
  /** An item of a numbered list. */
  step: boolean;
  /** An item of any list. */
  item: boolean;
  score: number;
  /**
   * Per query group, its share of the score (without the opening's topic share): lets a passage
   * count a concept once rather than once per sentence repeating it (see bestPassage).
   */
  parts?: number[];
}
