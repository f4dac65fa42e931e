/**
 * Turns a "how do I…" question into a short chat answer from the guide: a few sentences from the
 * best section(s) in the language of the question, what the user can do right here in the chat,
 * and a last line naming the source. Questions the guide does not cover say so and cite nothing.
 */
import type { Logger } from 'pino';
import { z } from 'zod';
import { detectLanguage, looksNorwegian } from '../i18n/language-detect.js';
import { LANGS, type Lang } from '../i18n/translate.js';
import bundledActions from './guide/actions.json' with { type: 'json' };
import { sectionOf, type Guide, type GuideSection } from './guide-loader.js';
import { GuideIndex } from './guide-index.js';
import type { GateModel } from './answer-gate.js';
import type { SectionModel } from './section-classifier.js';
import {
  asksNextStep,
  leadsToPress,
  nextStepPassage,
  pressOnceDone,
  statesStepDone,
} from './next-step.js';
import type { SynonymData } from './query-analysis.js';
import type { RankedSentence, Retrieval, Thresholds } from './retrieval-types.js';
import { HELP_TEXTS, citationLine, type ChatOffer, type HelpAction } from './help-texts.js';
import { oncePerCause } from '../logger.js';
import type { LlmAnswerer } from './llm-answer.js';

export type { HelpAction };

export type HelpAnswer =
  | {
      found: true;
      lang: Lang;
      text: string;
      sections: Array<{ id: string; title: string }>;
      action?: HelpAction;
    }
  | { found: false; lang: Lang; text: string };

const actionsSchema = z.object({
  sections: z.record(
    z.string(),
    z.enum(['outlay.start', 'mileage.start', 'travel.start', 'claims.list', 'overview']),
  ),
});
export type ActionsData = z.input<typeof actionsSchema>;

/** Guide sentences in one answer; with an in-chat offer one fewer, so the whole stays within five. */
const MAX_GUIDE_SENTENCES = 4;

/**
 * The answer follows the question's language when the question tells; otherwise the user's.
 * An English-locale user writing clear Norwegian gets bokmål, the standard they most likely read.
 */
export function answerLanguage(question: string, userLang: Lang): Lang {
  const detected = detectLanguage(question);
  if (detected) return detected;
  if (userLang === 'en' && looksNorwegian(question)) return 'nb';
  return userLang;
}

interface AnswerPlan {
  lang: Lang;
  sections: GuideSection[];
  sentences: string[];
  offer?: ChatOffer;
}

export class HelpService {
  private readonly index: GuideIndex;
  private readonly offers: Record<string, ChatOffer>;
  private readonly llm: LlmAnswerer | undefined;
  /** A wrong key fails every question; one line in the log says it. */
  private readonly modelFailures: ReturnType<typeof oncePerCause>;

  constructor(
    private readonly guide: Guide,
    opts: {
      llm?: LlmAnswerer;
      /** Where model failures go; the user still gets the offline answer. */
      logger?: Logger;
      actions?: ActionsData;
      synonyms?: SynonymData;
      thresholds?: Partial<Thresholds>;
      /** The learned veto on answers (default the bundled one; null: the rules alone). */
      gate?: GateModel | null;
      /** The learned section classifier (default the bundled one; null: the rules alone). */
      sections?: SectionModel | null;
      /** Answer the section titles once at construction (default true), see below. */
      warmUp?: boolean;
    } = {},
  ) {
    this.index = new GuideIndex(guide, {
      synonyms: opts.synonyms,
      thresholds: opts.thresholds,
      gate: opts.gate,
      sections: opts.sections,
    });
    this.offers = actionsSchema.parse(opts.actions ?? bundledActions).sections;
    const unknown = Object.keys(this.offers).filter((id) => !guide.ids.includes(id));
    if (unknown.length > 0)
      throw new Error(`actions name sections the guide does not have: ${unknown.join(', ')}`);
    this.llm = opts.llm;
    this.modelFailures = oncePerCause(
      opts.logger,
      'language model failed; answering from the guide alone',
    );
    // The first searches of a fresh process run before the JIT has compiled the search code and
    // take ten times longer; asking the guide's own headings once at start-up spares the first users.
    if (opts.warmUp ?? true)
      for (const lang of LANGS)
        for (const section of guide.sections[lang]) this.answerOffline(section.title, lang);
  }

  /** The retrieval behind an answer, for diagnostics and evaluation. */
  retrieve(question: string): Retrieval {
    return this.index.retrieve(question);
  }

  /** The rules' answer and the section classifier's features, for training it. */
  readSections(question: string): ReturnType<GuideIndex['readSections']> {
    return this.index.readSections(question);
  }

  answerOffline(question: string, userLang: Lang): HelpAnswer {
    const lang = answerLanguage(question, userLang);
    const plan = this.plan(question, lang);
    if (!plan) return notFound(lang);
    return this.render(plan, plan.sentences.join(' '));
  }

  /**
   * With a language model, it writes the answer from the same sections; any failure, timeout or
   * unusable reply gives the offline answer instead, so the user always gets one.
   */
  async answer(question: string, userLang: Lang): Promise<HelpAnswer> {
    const lang = answerLanguage(question, userLang);
    const plan = this.plan(question, lang);
    if (!plan) return notFound(lang);
    const offline = this.render(plan, plan.sentences.join(' '));
    if (!this.llm) return offline;
    try {
      const inChat = plan.offer ? HELP_TEXTS[lang].offers[plan.offer] : undefined;
      const body = await this.llm.answer({ question, lang, sections: plan.sections, inChat });
      this.modelFailures.succeeded();
      // The offer sentence is in the model's text already (the answerer keeps it), so it is not added twice.
      return { ...offline, text: `${body}\n\n${citationLine(lang, plan.sections)}` };
    } catch (err) {
      this.modelFailures.failed(err);
      return offline;
    }
  }

  private render(plan: AnswerPlan, body: string): HelpAnswer {
    const offerSentence = plan.offer ? HELP_TEXTS[plan.lang].offers[plan.offer] : undefined;
    const text = [body, offerSentence].filter(Boolean).join(' ');
    const sections = plan.sections.map((s) => ({ id: s.id, title: s.title }));
    const action = plan.offer && plan.offer !== 'overview' ? plan.offer : undefined;
    return {
      found: true,
      lang: plan.lang,
      text: `${text}\n\n${citationLine(plan.lang, sections)}`,
      sections,
      ...(action ? { action } : {}),
    };
  }

  private plan(question: string, lang: Lang): AnswerPlan | undefined {
    const retrieval = this.index.retrieve(question);
    if (!retrieval.found) return undefined;
    if (retrieval.sides) return this.planComparison(retrieval.sides, lang);
    let hits = retrieval.sections;
    let perSection = hits.map((hit) => this.index.rankSentences(lang, hit.id, retrieval));
    // A next step is answered where the procedure goes on to something to press, when the
    // question says a step is done ("what now?", "once it is taken"; a bare "after the trip"
    // names no step).
    const nextStep = asksNextStep(question);
    const [one = [], other = []] = perSection;
    const better = (a: RankedSentence[], b: RankedSentence[]) =>
      (!pressOnceDone(a) && pressOnceDone(b)) ||
      (!leadsToPress(question, a, MAX_GUIDE_SENTENCES) &&
        leadsToPress(question, b, MAX_GUIDE_SENTENCES));
    if (statesStepDone(question) && hits.length === 2 && better(one, other)) {
      hits = [...hits].reverse();
      perSection = [...perSection].reverse();
    }
    const top = Math.max(0, ...perSection.flat().map((s) => s.score));
    const [first = [], second = []] = perSection;

    // The second section earns a place with a sentence about as relevant as the best one's.
    const secondBest = [...second].sort((a, b) => b.score - a.score)[0];
    const useSecond = secondBest !== undefined && top > 0 && secondBest.score >= top / 2;
    const used = hits.slice(0, useSecond ? 2 : 1).map((hit) => sectionOf(this.guide, lang, hit.id));
    const offer = offerFor(
      question,
      used.map((s) => this.offers[s.id]).find((o) => o),
    );
    const budget = offer ? MAX_GUIDE_SENTENCES - 1 : MAX_GUIDE_SENTENCES;
    const firstBudget = useSecond ? budget - 1 : budget;

    let chosen =
      ((nextStep || (statesStepDone(question) && pressOnceDone(first))) &&
        nextStepPassage(question, first, firstBudget)) ||
      bestPassage(first, firstBudget);
    // A concept of the question the passage misses may sit elsewhere in the section ("the black
    // box on the start screen"): its best sentence joins while the budget lasts, and then in the
    // place of a sentence that only repeats what the others hold ("which browser, and which
    // address?" keeps "Use Chrome" beside the address).
    for (const extra of this.index.missingConcepts(
      lang,
      (hits[0] as { id: string }).id,
      retrieval,
      chosen,
    )) {
      if (chosen.some((s) => s.position === extra.position)) continue;
      const spare = chosen.length >= firstBudget ? redundantOf(chosen) : undefined;
      if (chosen.length >= firstBudget && !spare) break;
      chosen = [...chosen.filter((s) => s !== spare), extra];
    }
    // Nothing in this language's text matched (the hit came through another language): open the section.
    if (chosen.length === 0) chosen = first.slice(0, 2);
    // One sentence alone reads abrupt. Its neighbour in the same paragraph or list is usually
    // what belongs with it: the step before, in a numbered procedure (how to get there), else the
    // next one. Without an offer to follow, any neighbour makes the second sentence. With a
    // second section too, only a neighbour in the same list or the list it leads into joins.
    if (chosen.length === 1 && chosen.length < firstBudget) {
      const neighbour = neighbourOf(chosen[0] as RankedSentence, first, !offer && !useSecond);
      if (neighbour) chosen.push(neighbour);
    }
    chosen = withEarlierSteps(chosen, first, firstBudget, retrieval.problem ?? false);
    chosen.sort((a, b) => a.position - b.position);

    let sentences = chosen.map((s) => s.text);
    if (useSecond && secondBest) sentences.push(secondBest.text);
    sentences = this.withDefinition(lang, used, sentences, chosen, budget);
    return { lang, sections: used, sentences: sentences.map(asSentence), offer };
  }

  /**
   * An answer naming a thing the guide defines elsewhere in the cited sections ("log in with your
   * username" → "your username is your e-mail address") carries the definition: in a free place,
   * or instead of the least relevant sentence when the answer still names the thing without it.
   */
  private withDefinition(
    lang: Lang,
    used: GuideSection[],
    sentences: string[],
    chosen: RankedSentence[],
    budget: number,
  ): string[] {
    const ids = used.map((s) => s.id);
    const [definition] = this.index.definitionsFor(lang, ids, sentences);
    if (!definition) return sentences;
    if (sentences.length < budget) return [...sentences, definition];
    const weakest = [...chosen].sort((a, b) => a.score - b.score)[0];
    if (!weakest || chosen.length < 2) return sentences;
    const rest = sentences.filter((text) => text !== weakest.text);
    return this.index.definitionsFor(lang, ids, rest).includes(definition)
      ? [...rest, definition]
      : sentences;
  }

  /** A comparison: each side's best passage from its own section, in the order asked. */
  private planComparison(sides: Retrieval[], lang: Lang): AnswerPlan {
    const perSide = Math.max(1, Math.floor(MAX_GUIDE_SENTENCES / sides.length));
    const sections: GuideSection[] = [];
    const sentences: string[] = [];
    for (const side of sides) {
      const id = (side.sections[0] as { id: string }).id;
      if (sections.some((s) => s.id === id)) continue;
      sections.push(sectionOf(this.guide, lang, id));
      const ranked = this.index.rankSentences(lang, id, side);
      const passage = bestPassage(ranked, perSide);
      // A lone step of a procedure keeps the step that leads to it, as in a one-section answer.
      const lone = passage.length === 1 && perSide > 1 ? passage[0] : undefined;
      const neighbour = lone && neighbourOf(lone, ranked, false);
      if (neighbour) passage.push(neighbour);
      passage.sort((a, b) => a.position - b.position);
      sentences.push(...(passage.length > 0 ? passage : ranked.slice(0, 1)).map((s) => s.text));
    }
    return { lang, sections, sentences: sentences.map(asSentence) };
  }
}

/**
 * The run of consecutive sentences (at most `budget`) holding the most of the question. Guide
 * text is written as steps, so the sentences between two relevant ones belong to the answer
 * ("click the arrow …", "then click My details", "here you can change the language"); a run is
 * only made longer when the extra sentence adds something.
 */
export function bestPassage(sentences: RankedSentence[], budget: number): RankedSentence[] {
  let best: RankedSentence[] = [];
  let bestScore = 0;
  // The sentence holding the most of the question is the answer's core: a run of weaker ones
  // repeating a common word ("Attach") must not push out "log in with your Expense username".
  const top = sentences.reduce(
    (at, s, i) => (s.score > (sentences[at] as RankedSentence).score ? i : at),
    0,
  );
  for (let start = Math.max(0, top - budget + 1); start <= top; start++) {
    for (let end = top; end < Math.min(sentences.length, start + budget); end++) {
      const score = passageScore(sentences.slice(start, end + 1));
      if (score > bestScore + 1e-9) {
        bestScore = score;
        best = sentences.slice(start, end + 1);
      }
    }
  }
  // Sentences at either end that add nothing are not part of the passage.
  while (best.length > 0 && (best[0] as RankedSentence).score <= 0) best = best.slice(1);
  while (best.length > 0 && (best[best.length - 1] as RankedSentence).score <= 0)
    best = best.slice(0, -1);
  return best;
}

/**
 * The weakest sentence of an answer whose every concept another sentence of it holds too; never
 * the best one, nor a numbered step. Undefined when each sentence holds something of its own (or parts are unknown).
 */
function redundantOf(chosen: readonly RankedSentence[]): RankedSentence | undefined {
  const best = [...chosen].sort((a, b) => b.score - a.score)[0];
  const held = (s: RankedSentence, i: number) => (s.parts?.[i] ?? 0) > 0;
  return chosen
    .filter(
      (s) =>
        s !== best &&
        // A step of a procedure leads to the next one however little of the question it holds.
        !s.step &&
        s.parts !== undefined &&
        s.parts.every((_, i) => !held(s, i) || chosen.some((o) => o !== s && held(o, i))),
    )
    .sort((a, b) => a.score - b.score)[0];
}

/** What a repeated concept adds in a passage's further sentences, against its best one. */
const REPEAT_SHARE = 0.5;

/**
 * A passage's score: each concept counts fully in its best sentence and by REPEAT_SHARE in the
 * others, so three sentences repeating "Attach" do not outweigh the one holding "username and
 * password" the question asked for. Sentences without per-concept parts count their score.
 */
function passageScore(run: readonly RankedSentence[]): number {
  let total = 0;
  const best: number[] = [];
  for (const sentence of run) {
    const parts = sentence.parts;
    if (!parts) {
      total += sentence.score;
      continue;
    }
    // The opening's topic share (see rankSectionSentences) is what the parts leave out.
    total += sentence.score - parts.reduce((sum, part) => sum + part, 0);
    parts.forEach((part, i) => {
      const before = best[i] ?? 0;
      total += Math.max(part, before) - before + REPEAT_SHARE * Math.min(part, before);
      best[i] = Math.max(part, before);
    });
  }
  return total;
}

/**
 * The sentence that belongs with a lone one: the step before, in a numbered procedure (how to get
 * there), else the next one in the same paragraph or list; a paragraph's last sentence followed by
 * a list leads into it ("The start screen is the same for…" → "Fill in a description"), so its
 * first item belongs with it. `loose`: failing those, any neighbour.
 */
function neighbourOf(
  only: RankedSentence,
  ranked: RankedSentence[],
  loose: boolean,
): RankedSentence | undefined {
  const next = ranked.find((s) => s.position === only.position + 1);
  const previous = ranked.find((s) => s.position === only.position - 1);
  const inBlock = (s: RankedSentence | undefined) => (s && s.block === only.block ? s : undefined);
  // A bullet is a point of its own: its sibling bullets say other things ("Click Save" before
  // "ferry tickets go as outlays"), so only a prose sentence or a numbered step takes its neighbour.
  const bullet = only.item && !only.step;
  const sameBlock = bullet
    ? undefined
    : only.step
      ? (inBlock(previous) ?? inBlock(next))
      : (inBlock(next) ?? inBlock(previous));
  const leadsIn = next?.item && !only.item && next.block === only.block + 1 ? next : undefined;
  return sameBlock ?? leadsIn ?? (loose ? (next ?? previous) : undefined);
}

/**
 * A numbered procedure is followed from its first step: an answer holding a later step ("2. You
 * can now choose between uploading from your computer or from Attach") gets the steps before it
 * ("1. Click Attach file") while the budget lasts, the nearest first; so does an answer to a
 * problem (`problem`) from a section with a procedure.
 */
export function withEarlierSteps(
  chosen: RankedSentence[],
  ranked: RankedSentence[],
  budget: number,
  problem = false,
): RankedSentence[] {
  const out = [...chosen];
  const steps = chosen.filter((s) => s.step).sort((a, b) => a.position - b.position);
  // Something that fails ("får ikke lagt ved kvitteringen") is mended by doing it the guide's
  // way: an answer about a section with a procedure holds its first step.
  const firstStep = steps[0] ?? (problem ? ranked.find((s) => s.step) : undefined);
  if (!firstStep) return out;
  if (!out.includes(firstStep) && out.length < budget) out.push(firstStep);
  for (let position = firstStep.position - 1; out.length < budget; position--) {
    const before = ranked.find((s) => s.position === position);
    if (!before?.step || before.block !== firstStep.block) break;
    if (!out.some((s) => s.position === position)) out.push(before);
  }
  return out;
}

function notFound(lang: Lang): HelpAnswer {
  return {
    found: false,
    lang,
    text: `${HELP_TEXTS[lang].notFound} ${HELP_TEXTS[lang].capabilities}`,
  };
}

/** A list item from the guide as a sentence of prose: capitalised, ending in punctuation. */
function asSentence(text: string): string {
  const trimmed = text.trim();
  const capitalised = trimmed.charAt(0).toLocaleUpperCase('nb') + trimmed.slice(1);
  return /[.!?…]["»)]?$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/** The kind of claim a question names, in the three languages (folded forms too). */
const NAMED_KIND: ReadonlyArray<[RegExp, HelpAction]> = [
  [
    /\b(?:travel\s+claims?|business\s+trips?|per\s+diem|diett\w*|tjenestereis\w*|tenestereis\w*)\b/iu,
    'travel.start',
  ],
  [
    /\b(?:mileage|kj[øo]ring\w*|k[øo]yring\w*|kj[øo]regodtgj\w*|k[øo]yregodtgj\w*)\b/iu,
    'mileage.start',
  ],
];

/**
 * A section about every kind of claim (the start screen, the overview) offers what the question
 * names: "how do I start a travel claim?" gets the travel button, not the outlay one.
 */
function offerFor(question: string, offer: ChatOffer | undefined): ChatOffer | undefined {
  if (offer !== 'overview' && offer !== 'outlay.start') return offer;
  const named = NAMED_KIND.filter(([re]) => re.test(question)).map(([, action]) => action);
  return named.length === 1 ? named[0] : offer;
}
