/** The travel form and summary buttons, and adding an outlay or mileage to the trip. */
import { onDraft } from './schema-kit.js';

export const travelActions = [
  onDraft('travel.start'),
  onDraft('travel.submit'),
  onDraft('travel.edit'),
  onDraft('travel.file'),
  onDraft('travel.cancel'),
  onDraft('travel.addOutlay'),
  onDraft('travel.addMileage'),
] as const;
