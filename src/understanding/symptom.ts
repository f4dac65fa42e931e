/**
 * A complaint about how the product behaves ("bompengene kommer ikke med på kjøreregningen", "the
 * toll isn't in the mileage log", "jeg får ikke diett selv om …", "the receipt never showed up",
 * "står fast i utfyllinga"):
 * a problem for the guide, not a new claim, even when it names a kind of expense. Read on the
 * folded text. A money amount or a distance makes it a statement of a claim instead ("fikk ikke
 * kvittering på taxien, 250 kr").
 */
import { PREFIX_SRC, SUFFIX_SRC } from '../text/typed-amount.js';
import type { Message } from './message.js';
import { findDistance } from './trip-slots.js';

const NOT = String.raw`(?:ikke|ikkje|inte)`;
/** Norwegian puts the negation after the verb and its subject: "får jeg ikke", "kommer ikke med". */
const NB_VERB = String.raw`(?:kommer|kom|kjem|vises|visast|syns|synes|dukker|dukkar|fungerer|fungerar|funker|virker|verkar|gar|gjekk|gikk|far|fikk|fekk|finner|finn|fann|fant|klarer|greier|greidde|lar|let|tar|tek|passer|passar|finnes|fins|finst)`;
/** "er ikke med", "ligger ikke inne", "står ikke der": being, where something should be. */
const NB_BE = String.raw`(?:er|var|ligger|ligg|star|sto|stod)`;
const NB_WHERE = String.raw`(?:med|der|inne|her|lagt\s+til|registrert|kommet|komme|synleg|synlig|lagret|lagra|oppe|riktig|rett)`;
const NB_SYMPTOM = new RegExp(
  String.raw`\b(?:${NB_VERB}\s+(?:[\p{L}]+\s+){0,2}${NOT}|${NB_BE}\s+(?:[\p{L}]+\s+)?${NOT}\s+${NB_WHERE})\b`,
  'u',
);
const EN_NOT = String.raw`(?:is|are|was|were|does|do|did|will|wo|ca|can|could)(?:n'?t|\s+not)`;
const EN_WHAT = String.raw`(?:in|on|there|included|listed|showing|show|shown|appear\w*|work\w*|get|got|let|find|see|load\w*|sav\w*|added|come|came|count\w*|accept\w*|upload\w*|attach\w*)`;
const EN_SYMPTOM = new RegExp(
  String.raw`\b(?:${EN_NOT}\s+(?:[\p{L}]+\s+)?${EN_WHAT}|never\s+(?:came|arrived|showed|appeared|got|loaded|went))\b`,
  'u',
);
/** A figure marked as money, with the currency words the amount reader knows ("250 kr", "NOK 85", "89,-"). */
const MONEY = new RegExp(
  String.raw`\d[\d\s.,]*\s*(?:${SUFFIX_SRC})(?![\p{L}])|(?:^|[^\p{L}])(?:${PREFIX_SRC})\s*\d|\d\s*[.,:]-`,
  'u',
);

/** Something gone from where it was ("bompengene forsvant fra kjøreboka", "parking isn't an option"). */
const GONE =
  /\b(?:forsvant|forsvann|forsvunnet|forsvunne|disappeared|vanished|went\s+missing|(?:is|isn'?t|is\s+not|not)\s+an?\s+option|no\s+option)\b/u;

/** Being stuck in a form ("står fast i utfyllinga", "I'm stuck filling it in"): the help icon's. */
const STUCK =
  /\b(?:(?:star|sto|stod|sitter|sit|satt)\s+(?:helt\s+|heilt\s+)?fast|(?:i'?m|i\s+am|got|get|getting)\s+stuck|stuck\s+(?:on|in|with|filling|at))\b/u;

export function isSymptom(msg: Message): boolean {
  if (MONEY.test(msg.folded) || findDistance(msg) !== undefined) return false;
  return (
    NB_SYMPTOM.test(msg.folded) ||
    EN_SYMPTOM.test(msg.folded) ||
    STUCK.test(msg.folded) ||
    GONE.test(msg.folded)
  );
}
