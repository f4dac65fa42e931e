/**
 * Company-form words written after a business's name ("Circle K Norge AS", "Uno-X Norge ASA",
 * "Kedai Sdn Bhd"), folded to lower case. They say nothing about which business it was, and OCR,
 * the vision model and a person disagree about whether to write them, so names are compared
 * without them and a receipt line ending in one is likely a name.
 */
export const COMPANY_FORMS: readonly string[] = [
  // Norway, Sweden, Denmark, Finland
  'as',
  'asa',
  'ans',
  'da',
  'ab',
  'aps',
  'a/s',
  'oy',
  // German-speaking countries
  'gmbh',
  'ag',
  'kg',
  'ug',
  // English-speaking countries, Malaysia
  'ltd',
  'limited',
  'inc',
  'llc',
  'plc',
  'co',
  'sdn bhd',
  'sdn',
  'bhd',
  's/b',
  // France, Italy, Spain, the Low Countries
  'sa',
  'sarl',
  'srl',
  'bv',
  'nv',
];

/** Forms that are also everyday words ("da" is "then"): no cue on a line of their own. */
const EVERYDAY_WORDS = new Set(['da', 'co']);

/** The single words among the forms, for comparing names word by word. */
export const COMPANY_FORM_WORDS: ReadonlySet<string> = new Set(
  COMPANY_FORMS.filter((f) => !/[\s/]/.test(f)),
);

/**
 * A company form as a whole word in (unfolded) text: "Uno-X Norge AS", "Kedai Sdn. Bhd.".
 * Case-insensitive; "Sdn Bhd" may carry a full stop.
 */
export const COMPANY_FORM_SUFFIX = new RegExp(
  `\\b(?:${COMPANY_FORMS.filter((f) => !EVERYDAY_WORDS.has(f) && f !== 'sdn')
    .map((f) => f.replace('/', '\\/').replace(' ', '\\.? '))
    .join('|')})\\b\\.?`,
  'i',
);
