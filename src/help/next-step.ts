/**
 * "What do I click after the description is written?", "kva gjer eg etter at eg har teke
 * biletet?": a question for the step after another is answered by that step and the one after
 * it in the same procedure — not by the step the question names, which the user has done.
 */
import type { RankedSentence } from './retrieval-types.js';
import { statesProblem } from './sentences.js';

const AFTER =
  /(?:^|[^\p{L}])(?:after|afterwards|next|then|etter|etterpå|deretter|neste|nest|så)(?![\p{L}])/iu;
const DONE =
  /(?:^|[^\p{L}])(?:when|once|når|etter at)(?![\p{L}]).*(?:^|[^\p{L}])(?:written|filled|done|finished|taken|skrevet|skriven|skrive|fylt|utfylt|ferdig|gjort|tatt|teke|tatt)(?![\p{L}])/iu;
/** "What happens after …" asks for the outcome, the very next sentence; other questions for the next action. */
const ASKS_OUTCOME = /(?:what happens|hva skjer|kva skjer)(?![\p{L}])/iu;
/** A step that has the user press something on screen: "Click «Save»", "tap the «tick»". */
const PRESS_STEP = /(?:^|[^\p{L}])(?:click|tap|press|klikk|trykk)\p{L}*[^.!?]*«[^»]+»/iu;

/**
 * "…, what now?", "kva no?", "men kommer ikke videre": the user has done a step and asks for the
 * next one, a problem in words ("not further") but not a failure of the step done; "hvordan går
 * jeg videre?", "how do I go on?" ask the same.
 */
const WHAT_NOW =
  /(?:^|[^\p{L}])(?:what now|now what|hva nå|kva no|kva gjer eg no|hva gjør jeg nå|(?:can'?t|cannot|can not) get (?:any )?further|(?:kommer|kjem) (?:ikke|ikkje) (?:videre|vidare)|(?:går|gå|kommer|kjem) (?:jeg|eg) (?:videre|vidare)|how do i (?:go on|continue|proceed))(?![\p{L}])/iu;

export function asksNextStep(question: string): boolean {
  return (
    WHAT_NOW.test(question) ||
    (!statesProblem(question) && (AFTER.test(question) || DONE.test(question)))
  );
}

/**
 * The step the question names (its best sentence) and what follows it, within `budget` sentences:
 * for the outcome, the sentences right after it in its list or paragraph; for the next action,
 * the steps up to the next one that has the user press something, anywhere later in the section
 * (a procedure may go on in the next list). Undefined when nothing follows.
 */
export function nextStepPassage(
  question: string,
  ranked: readonly RankedSentence[],
  budget: number,
): RankedSentence[] | undefined {
  const anchor = [...ranked].sort((a, b) => b.score - a.score)[0];
  if (!anchor || anchor.score <= 0 || budget < 2) return undefined;
  const outcome = ASKS_OUTCOME.test(question);
  const following = ranked
    .filter((s) => s.position > anchor.position && (!outcome || s.block === anchor.block))
    .sort((a, b) => a.position - b.position);
  const press = outcome ? -1 : following.findIndex((s) => PRESS_STEP.test(s.text));
  const steps =
    press < 0
      ? following.slice(0, budget - 1)
      : [...following.slice(0, Math.min(press, budget - 2)), following[press] as RankedSentence];
  return steps.length > 0 ? [anchor, ...steps] : undefined;
}

/** "I took a picture of the receipt", "har fylt ut beskrivelsen": the user tells a step done. */
const TOLD_DONE =
  /(?:^|[^\p{L}])(?:(?:i|jeg|eg)\s+(?:have\s+|har\s+|just\s+|nettopp\s+)?)?(?:took|taken|snapped|photographed|filled|wrote|written|saved|uploaded|tok|tatt|teke|fylt|fylte|skrevet|skrive|lagret|lagra|lastet|lasta)(?![\p{L}])/iu;

/** "What now?", "once it is taken", "I took the picture": the user says a step is done. */
export function statesStepDone(question: string): boolean {
  return (
    WHAT_NOW.test(question) ||
    (!statesProblem(question) && (DONE.test(question) || TOLD_DONE.test(question)))
  );
}

/**
 * Whether the section tells what to press once a step of the question is done ("When you have
 * taken the picture, tap the «tick»"): the guide's own answer to "I took the picture, now what?".
 */
export function pressOnceDone(ranked: readonly RankedSentence[]): boolean {
  return ranked.some((s) => s.score > 0 && DONE.test(s.text) && PRESS_STEP.test(s.text));
}

/**
 * Whether the next step after the question's step, in this section, has the user press something
 * ("tap the «tick»"): of two sections a next-step question matches, the one that goes on to an
 * action answers it ("snapped the receipt in Attach, what now?" is 4.1's tick, not 4's download).
 */
export function leadsToPress(
  question: string,
  ranked: readonly RankedSentence[],
  budget: number,
): boolean {
  const passage = nextStepPassage(question, ranked, budget);
  return passage !== undefined && passage.slice(1).some((s) => PRESS_STEP.test(s.text));
}
