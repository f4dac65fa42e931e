/** The mileage form and summary buttons, passengers one at a time. */
import { z } from 'zod';
import { onDraft, withKeys } from './schema-kit.js';

export const mileageActions = [
  onDraft('mileage.start'),
  onDraft('mileage.submit'),
  onDraft('mileage.edit'),
  onDraft('mileage.file'),
  onDraft('mileage.cancel'),
  onDraft('mileage.addOutlay'),
  onDraft('mileage.addPassenger'),
  // The card binds the index as a string ("${string(index)}"); other clients may send a number.
  withKeys('mileage.removePassenger', { index: z.union([z.string(), z.number()]) }),
] as const;
