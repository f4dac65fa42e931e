/**
 * What a question told as a story says besides its ask: when the user started a job ("startet i
 * ny jobb", "started at the Oslo office"), and that it was a trip ("Eg var i Tromsø frå tysdag
 * til torsdag på konferanse, korleis fører eg det?"). Both word lists are data (synonyms.json:
 * jobStart, trip).
 */
import { z } from 'zod';
import { fold, isStopword, tokenize } from './normalize.js';
import type { QueryGroup } from './retrieval-types.js';
import { PLACES } from './topic-lists.js';
import { phraseAt, rawForms, type PhraseToken } from './word-forms.js';

export const storySchema = {
  trip: z.object({ group: z.string().min(1), words: z.array(z.string().min(1)) }).optional(),
  jobStart: z
    .object({ verbs: z.array(z.string()), between: z.array(z.string()), jobs: z.array(z.string()) })
    .default({ verbs: [], between: [], jobs: [] }),
};
type StoryData = z.output<z.ZodObject<typeof storySchema>>;

/** A question for what to do or which to choose, anywhere in the text ("…, how do I claim that?"). */
const ASKS_WHAT_TO_DO =
  /(?<!\p{L})(?:how|hvordan|korleis|koss|åssen|what|hva|kva|which|hvilken|hvilke|kva for)(?!\p{L})/iu;

export class StoryContext {
  /** The synonym group of travelling (the group holding the word `trip.group`). */
  readonly tripGroup: number | undefined;
  private readonly tripPhrases: string[][][];
  private readonly jobStart: Record<'verbs' | 'between' | 'jobs', Set<string>>;

  constructor(data: StoryData, groups: string[][]) {
    const { trip, jobStart } = data;
    const tripGroup = trip ? groups.findIndex((g) => g.includes(trip.group)) : -1;
    this.tripGroup = tripGroup >= 0 ? tripGroup : undefined;
    this.tripPhrases = (trip?.words ?? []).map((entry) => tokenize(entry).map(rawForms));
    this.jobStart = {
      verbs: new Set(jobStart.verbs.map(fold)),
      between: new Set(jobStart.between.map(fold)),
      jobs: new Set(jobStart.jobs.map(fold)),
    };
  }

  /**
   * The positions of the words telling that the user started a job: when they joined, not what
   * they ask about. "Started" alone is the guide's "Getting started"; only a start verb before a
   * word of employment or a town (words like "ny", "the", "our" between) begins a story.
   */
  jobStartAt(tokens: string[]): Set<number> {
    const found = new Set<number>();
    tokens.forEach((token, i) => {
      if (!this.jobStart.verbs.has(fold(token))) return;
      for (let j = i + 1; j < Math.min(tokens.length, i + 5); j++) {
        const next = fold(tokens[j] as string);
        if (this.jobStart.jobs.has(next) || PLACES.has(next)) {
          found.add(i).add(j);
          return;
        }
        if (!isStopword(next) && !this.jobStart.between.has(next)) return;
      }
    });
    return found;
  }

  /**
   * A story of being somewhere that names nothing of the guide is about a trip: a town or an
   * event (a conference, a course) and otherwise only circumstances and everyday words. A
   * question naming a thing (parking, a toll, driving, the weather) is about that thing instead.
   * Returns the travel group to search for, or undefined.
   */
  impliedTrip(
    groups: QueryGroup[],
    tokenForms: PhraseToken[],
    question: string,
    guideHas: (group: number) => boolean,
  ): number | undefined {
    const trip = this.tripGroup;
    // Only where the guide speaks of travelling: another organisation's guide may not.
    if (trip === undefined || !guideHas(trip)) return undefined;
    if (groups.length === 0 || groups.some((g) => !g.weak && !g.circumstance && !g.number))
      return undefined;
    // Only a question for what to do or file: "is there a course for new hires?" or "she is
    // visiting Oslo, can she use our Expense?" tells of an event or a town without a trip to claim.
    if (!ASKS_WHAT_TO_DO.test(question)) return undefined;
    const place = groups.some((g) => g.circumstance && PLACES.has(fold(g.label)));
    const event = tokenForms.some((_, i) =>
      this.tripPhrases.some((phrase) =>
        phrase.length === 1
          ? (tokenForms[i]?.forms ?? []).some((f) => (phrase[0] as string[]).includes(f))
          : phraseAt(tokenForms, i, phrase) > 0,
      ),
    );
    return place || event ? trip : undefined;
  }
}

/** Words opening a time: what follows says when ("etter ferien", "since my leave"). */
const AFTER = new Set(['after', 'since', 'etter', 'siden', 'sidan', 'sia'].map(fold));

/** Words between a word of time and the thing: "after the summer holiday", "etter permisjonen min". */
const DETERMINERS = new Set(
  [
    'the',
    'my',
    'our',
    'a',
    'an',
    'this',
    'that',
    'min',
    'mi',
    'mitt',
    'vår',
    'den',
    'det',
    'ein',
    'en',
  ].map(fold),
);

/**
 * Whether the word at `at` follows a word of time, perhaps with a determiner between: a thing
 * ("after my leave"), not an action ("after I have submitted", where the subject stands between).
 */
export function afterTime(tokens: string[], at: number): boolean {
  const before = fold(tokens[at - 1] ?? '');
  if (AFTER.has(before)) return true;
  return DETERMINERS.has(before) && AFTER.has(fold(tokens[at - 2] ?? ''));
}
