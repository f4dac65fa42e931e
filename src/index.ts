/** The bot: chat turns over /api/messages, and the jobs (`npm start`, `npm run dev`). */
import { run } from './main.js';

run('bot');
