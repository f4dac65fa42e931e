/**
 * A process that only works jobs (`npm run worker`): reading receipt photos, filing claims from
 * the outbox, sending notifications and reminders. It answers no chat turn, so the chat instances
 * stay light while OCR runs here; it shares the bot instances' PostgreSQL (DATABASE_URL).
 */
import { run } from './main.js';

run('worker');
