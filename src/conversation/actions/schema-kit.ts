/**
 * Building blocks for card-action schemas. A card sends its routing keys (`action`, `draftId`, …)
 * together with the values of every input on it, so each schema checks the keys it routes on and
 * lets the inputs through: the flow that owns the form reads them field by field.
 */
import { z } from 'zod';

/** Templates bind `"${draftId}"`, so an id is always a string; an old card may have none. */
export const draftId = z.string().optional();

/** An action whose payload is only which draft it was clicked on (plus any inputs). */
export function onDraft<const N extends string>(name: N) {
  return z.looseObject({ action: z.literal(name), draftId });
}

/** An action with extra routing keys besides the draft. */
export function withKeys<const N extends string, S extends z.ZodRawShape>(name: N, shape: S) {
  return z.looseObject({ action: z.literal(name), draftId, ...shape });
}
