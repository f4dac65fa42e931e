/** The single outlay's buttons: start a form, check it, edit, file, cancel. */
import { onDraft } from './schema-kit.js';

export const outlayActions = [
  onDraft('outlay.start'),
  onDraft('outlay.submit'),
  onDraft('outlay.edit'),
  onDraft('outlay.file'),
  onDraft('outlay.cancel'),
] as const;
