/**
 * Days of the month written as ordinal words, folded: "tredje desember", "den tjueførste", "the
 * twenty-first of May". The Norwegian eighth and eighteenth fold to the same word ("åttende" /
 * "attende"), so neither is read; the form asks instead of guessing by ten days.
 */
const NO_UNITS: ReadonlyArray<[number, string[]]> = [
  [1, ['forste', 'fyrste']],
  [2, ['andre']],
  [3, ['tredje']],
  [4, ['fjerde']],
  [5, ['femte']],
  [6, ['sjette']],
  [7, ['sjuende', 'sjuande', 'syvende']],
  [9, ['niende', 'niande']],
];
const NO_TEENS: ReadonlyArray<[number, string[]]> = [
  [10, ['tiende', 'tiande']],
  [11, ['ellevte']],
  [12, ['tolvte']],
  [13, ['trettende', 'trettande']],
  [14, ['fjortende', 'fjortande']],
  [15, ['femtende', 'femtande']],
  [16, ['sekstende', 'sekstande']],
  [17, ['syttende', 'syttande']],
  [19, ['nittende', 'nittande']],
  [20, ['tjuende', 'tjuande', 'tyvende']],
  [30, ['trettiende', 'trettiande']],
];
const EN_UNITS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
];
const EN_TEENS = [
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
];

function build(): Record<string, number> {
  const days: Record<string, number> = {};
  for (const [n, forms] of [...NO_UNITS, ...NO_TEENS]) for (const f of forms) days[f] = n;
  for (const [n, forms] of NO_UNITS) {
    for (const f of forms) {
      for (const tens of ['tjue', 'tyve']) days[`${tens}${f}`] = 20 + n;
    }
  }
  for (const f of NO_UNITS[0]?.[1] ?? []) days[`tretti${f}`] = 31;
  EN_UNITS.forEach((w, i) => {
    days[w] = i + 1;
    days[`twenty-${w}`] = 21 + i;
    days[`twenty ${w}`] = 21 + i;
  });
  EN_TEENS.forEach((w, i) => (days[w] = 10 + i));
  Object.assign(days, { twentieth: 20, thirtieth: 30, 'thirty-first': 31, 'thirty first': 31 });
  return days;
}

export const ORDINAL_DAYS: Readonly<Record<string, number>> = build();
/** Longest first, so "tjueforste" is not read as "tjue…". */
export const ORDINAL_DAY_SRC = Object.keys(ORDINAL_DAYS)
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/ /g, '\\s+'))
  .join('|');
