/**
 * Everything the tab says, in bokmål, nynorsk and English. The page has its own small catalog
 * rather than the chat's (src/i18n): the chat's is large and would triple the page's bundle for
 * the few dozen phrases used here. Each language must have every key (the type says so).
 */
export type TabLang = 'nb' | 'nn' | 'en';

const nb = {
  title: 'Mine krav',
  devBanner:
    'Utviklingsmodus: innlogging er slått av, og fanen viser utviklingsbrukeren. Bruk dette bare lokalt.',
  loading: 'Henter kravene dine …',
  loadFailed: 'Klarte ikke å hente kravene dine. Prøv igjen om litt.',
  claimsUnavailable: 'Kravsystemet svarer ikke nå: bare utkast og kvitteringer vises.',
  filterStatus: 'Status',
  filterYear: 'År',
  allStatuses: 'Alle statuser',
  allYears: 'Alle år',
  downloadCsv: 'Last ned CSV',
  continueInChat: 'Fortsett i chatten',
  continued: 'Kortet er lagt i chatten med assistenten.',
  noChatYet: 'Skriv til assistenten i chatten først, så kan fanen sende kortet dit.',
  continueFailed: 'Klarte ikke å sende kortet til chatten. Prøv igjen.',
  noClaims: 'Ingen krav her ennå.',
  noMatch: 'Ingen krav passer filteret.',
  lines: 'Linjer',
  total: 'Sum',
  taxFree: 'Skattefritt',
  taxable: 'Skattepliktig',
  receipts: 'Kvitteringer',
  receipt: 'Kvittering',
  openReceipt: 'Åpne kvitteringen',
  inbox: 'Kvitteringer som ikke er på et krav',
  inboxEmpty: 'Ingen kvitteringer venter.',
  rejectedBecause: 'Avvist fordi: {reason}',
  timeline: 'Tidslinje',
  notYet: 'ikke ennå',
  date: 'Dato',
  what: 'Hva',
  amount: 'Beløp',
  km: '{km} km',
  'status.draft': 'Utkast',
  'status.queued': 'I kø',
  'status.submitted': 'Sendt inn',
  'status.approved': 'Godkjent',
  'status.rejected': 'Avvist',
  'status.paid': 'Utbetalt',
  'step.started': 'Startet',
  'step.submitted': 'Sendt inn',
  'step.approved': 'Godkjent',
  'step.rejected': 'Avvist',
  'step.paid': 'Utbetalt',
  'type.mileage': 'Kjøregodtgjørelse',
  'type.perDiem': 'Diett',
  'kind.parking': 'Parkering',
  'kind.ferry': 'Ferje',
  'kind.toll': 'Bompenger',
  'kind.taxi': 'Taxi',
  'kind.meal': 'Mat',
  'kind.hotel': 'Hotell',
  'kind.fuel': 'Drivstoff',
  'kind.transport': 'Transport',
  'kind.other': 'Annet',
};

export type TabKey = keyof typeof nb;

const nn: Record<TabKey, string> = {
  title: 'Mine krav',
  devBanner:
    'Utviklingsmodus: innlogging er slått av, og fana viser utviklingsbrukaren. Bruk dette berre lokalt.',
  loading: 'Hentar krava dine …',
  loadFailed: 'Klarte ikkje å hente krava dine. Prøv igjen om litt.',
  claimsUnavailable: 'Kravsystemet svarar ikkje no: berre utkast og kvitteringar blir viste.',
  filterStatus: 'Status',
  filterYear: 'År',
  allStatuses: 'Alle statusar',
  allYears: 'Alle år',
  downloadCsv: 'Last ned CSV',
  continueInChat: 'Hald fram i chatten',
  continued: 'Kortet er lagt i chatten med assistenten.',
  noChatYet: 'Skriv til assistenten i chatten først, så kan fana sende kortet dit.',
  continueFailed: 'Klarte ikkje å sende kortet til chatten. Prøv igjen.',
  noClaims: 'Ingen krav her enno.',
  noMatch: 'Ingen krav passar filteret.',
  lines: 'Linjer',
  total: 'Sum',
  taxFree: 'Skattefritt',
  taxable: 'Skattepliktig',
  receipts: 'Kvitteringar',
  receipt: 'Kvittering',
  openReceipt: 'Opne kvitteringa',
  inbox: 'Kvitteringar som ikkje er på eit krav',
  inboxEmpty: 'Ingen kvitteringar ventar.',
  rejectedBecause: 'Avvist fordi: {reason}',
  timeline: 'Tidsline',
  notYet: 'ikkje enno',
  date: 'Dato',
  what: 'Kva',
  amount: 'Beløp',
  km: '{km} km',
  'status.draft': 'Utkast',
  'status.queued': 'I kø',
  'status.submitted': 'Sendt inn',
  'status.approved': 'Godkjent',
  'status.rejected': 'Avvist',
  'status.paid': 'Utbetalt',
  'step.started': 'Starta',
  'step.submitted': 'Sendt inn',
  'step.approved': 'Godkjent',
  'step.rejected': 'Avvist',
  'step.paid': 'Utbetalt',
  'type.mileage': 'Køyregodtgjersle',
  'type.perDiem': 'Diett',
  'kind.parking': 'Parkering',
  'kind.ferry': 'Ferje',
  'kind.toll': 'Bompengar',
  'kind.taxi': 'Taxi',
  'kind.meal': 'Mat',
  'kind.hotel': 'Hotell',
  'kind.fuel': 'Drivstoff',
  'kind.transport': 'Transport',
  'kind.other': 'Anna',
};

const en: Record<TabKey, string> = {
  title: 'My claims',
  devBanner:
    'Development mode: sign-in is off and the tab shows the development user. Use this locally only.',
  loading: 'Fetching your claims …',
  loadFailed: 'Could not fetch your claims. Please try again shortly.',
  claimsUnavailable: 'The claims system is not answering: only drafts and receipts are shown.',
  filterStatus: 'Status',
  filterYear: 'Year',
  allStatuses: 'All statuses',
  allYears: 'All years',
  downloadCsv: 'Download CSV',
  continueInChat: 'Continue in chat',
  continued: 'The card is in your chat with the assistant.',
  noChatYet: 'Write to the assistant in the chat first, then the tab can send the card there.',
  continueFailed: 'Could not send the card to the chat. Please try again.',
  noClaims: 'No claims here yet.',
  noMatch: 'No claims match the filter.',
  lines: 'Lines',
  total: 'Total',
  taxFree: 'Tax-free',
  taxable: 'Taxable',
  receipts: 'Receipts',
  receipt: 'Receipt',
  openReceipt: 'Open the receipt',
  inbox: 'Receipts not on a claim',
  inboxEmpty: 'No receipts waiting.',
  rejectedBecause: 'Rejected because: {reason}',
  timeline: 'Timeline',
  notYet: 'not yet',
  date: 'Date',
  what: 'What',
  amount: 'Amount',
  km: '{km} km',
  'status.draft': 'Draft',
  'status.queued': 'Queued',
  'status.submitted': 'Submitted',
  'status.approved': 'Approved',
  'status.rejected': 'Rejected',
  'status.paid': 'Paid',
  'step.started': 'Started',
  'step.submitted': 'Submitted',
  'step.approved': 'Approved',
  'step.rejected': 'Rejected',
  'step.paid': 'Paid',
  'type.mileage': 'Mileage',
  'type.perDiem': 'Per diem',
  'kind.parking': 'Parking',
  'kind.ferry': 'Ferry',
  'kind.toll': 'Toll',
  'kind.taxi': 'Taxi',
  'kind.meal': 'Meal',
  'kind.hotel': 'Hotel',
  'kind.fuel': 'Fuel',
  'kind.transport': 'Transport',
  'kind.other': 'Other',
};

const CATALOGS: Record<TabLang, Record<TabKey, string>> = { nb, nn, en };

export function tr(lang: TabLang, key: TabKey, vars: Record<string, string | number> = {}): string {
  return CATALOGS[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
}

/** True when the catalog has the key (kinds and types come from data). */
export function hasKey(key: string): key is TabKey {
  return key in nb;
}

/** Teams reports e.g. "nb-no", "nn-NO", "en-us"; Norwegian without a variant is bokmål. */
export function langFromLocale(locale: string | undefined): TabLang {
  const tag = (locale ?? '').toLowerCase();
  if (tag.startsWith('nn')) return 'nn';
  if (tag.startsWith('nb') || tag.startsWith('no')) return 'nb';
  return tag.startsWith('en') || tag !== '' ? 'en' : 'nb';
}

/** The Intl locale for dates and money in each language. */
export const INTL_LOCALE: Record<TabLang, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };
