/** The several-receipt claim's buttons, and "Put them in one claim" on the merge offer. */
import { z } from 'zod';
import { onDraft, withKeys } from './schema-kit.js';

/** The claim form's purpose input travels with every button on it, so it is typed here. */
const purpose = z.string().optional().catch(undefined);
/** A line button names its line; an old card without one is shown the claim as it stands. */
const lineId = z.string().optional();

export const claimActions = [
  withKeys('claim.submit', { purpose }),
  withKeys('claim.file', { purpose }),
  withKeys('claim.edit', { purpose }),
  withKeys('claim.cancel', { purpose }),
  withKeys('claim.show', { purpose, lineId }),
  withKeys('claim.editLine', { purpose, lineId }),
  withKeys('claim.saveLine', { purpose, lineId }),
  withKeys('claim.removeLine', { purpose, lineId }),
  onDraft('receipts.merge').extend({ batchId: z.string().optional() }),
] as const;
