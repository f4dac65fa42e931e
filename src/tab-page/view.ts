/**
 * Renders the overview as plain, semantic HTML: a heading per status, an article per claim with
 * its timeline (an ordered list), its lines (a table with headers), totals, the tax split and its
 * receipts, then the receipt inbox. Colour is never the only signal: every status is also a word.
 */
import type { InboxReceipt, Overview, TabClaim, TabStatus } from '../tab/overview-schema.js';
import { TAB_STATUSES } from '../tab/overview-schema.js';
import { h } from './dom.js';
import { day, money } from './format.js';
import { hasKey, tr, type TabLang } from './strings.js';

export interface Filters {
  status: TabStatus | '';
  year: string;
}

export interface ViewActions {
  onContinue(claim: TabClaim, button: HTMLButtonElement): void;
}

export function matchesFilters(claim: TabClaim, f: Filters): boolean {
  return (!f.status || claim.status === f.status) && (!f.year || String(claim.year) === f.year);
}

export function renderClaims(
  lang: TabLang,
  overview: Overview,
  filters: Filters,
  actions: ViewActions,
): HTMLElement {
  const shown = overview.claims.filter((c) => matchesFilters(c, filters));
  const root = h('div', { class: 'claims' });
  if (overview.claims.length === 0) root.append(h('p', { class: 'empty' }, tr(lang, 'noClaims')));
  else if (shown.length === 0) root.append(h('p', { class: 'empty' }, tr(lang, 'noMatch')));
  for (const status of TAB_STATUSES) {
    const group = shown.filter((c) => c.status === status);
    if (group.length === 0) continue;
    const id = `group-${status}`;
    root.append(
      h(
        'section',
        { class: 'group', 'aria-labelledby': id },
        h(
          'h2',
          { id },
          tr(lang, `status.${status}`),
          ' ',
          h('span', { class: 'count' }, `(${group.length})`),
        ),
        ...group.map((c) => claimCard(lang, c, actions)),
      ),
    );
  }
  return root;
}

function claimCard(lang: TabLang, c: TabClaim, actions: ViewActions): HTMLElement {
  const headingId = `claim-${c.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const card = h(
    'article',
    { class: `claim status-${c.status}`, 'aria-labelledby': headingId },
    h(
      'header',
      { class: 'claim-head' },
      h(
        'h3',
        { id: headingId },
        c.number ? h('span', { class: 'number' }, `${c.number} `) : undefined,
        c.description || tr(lang, `status.${c.status}`),
      ),
      h('span', { class: `badge badge-${c.status}` }, tr(lang, `status.${c.status}`)),
    ),
    c.purpose && c.purpose !== c.description ? h('p', { class: 'purpose' }, c.purpose) : undefined,
    c.rejectionReason
      ? h('p', { class: 'reason' }, tr(lang, 'rejectedBecause', { reason: c.rejectionReason }))
      : undefined,
    timeline(lang, c),
    c.lines.length > 0 ? linesTable(lang, c) : undefined,
    totals(lang, c),
    c.receipts.length > 0 ? receiptStrip(lang, c) : undefined,
  );
  if (c.canContinue) {
    const button = h('button', { type: 'button', class: 'primary' }, tr(lang, 'continueInChat'));
    button.addEventListener('click', () => actions.onContinue(c, button));
    card.append(h('div', { class: 'claim-actions' }, button));
  }
  return card;
}

const STEPS = ['started', 'submitted', 'approved', 'paid'] as const;

function timeline(lang: TabLang, c: TabClaim): HTMLElement {
  const done = new Map(c.timeline.map((s) => [s.step, s]));
  // A rejected claim ends at the rejection; the others show what is still to come, greyed.
  const steps = c.status === 'rejected' ? (['started', 'submitted', 'rejected'] as const) : STEPS;
  return h(
    'ol',
    { class: 'timeline', 'aria-label': tr(lang, 'timeline') },
    ...steps.map((step) => {
      const reached = done.get(step);
      return h(
        'li',
        { class: reached ? `reached step-${step}` : 'pending' },
        h('span', { class: 'dot', 'aria-hidden': 'true' }),
        h('span', { class: 'step' }, tr(lang, `step.${step}`)),
        h(
          'span',
          { class: 'when' },
          reached ? (reached.at ? day(lang, reached.at) : '') : tr(lang, 'notYet'),
        ),
      );
    }),
  );
}

function lineText(lang: TabLang, line: TabClaim['lines'][number]): string {
  const label =
    line.type === 'outlay'
      ? line.kind && hasKey(`kind.${line.kind}`)
        ? tr(lang, `kind.${line.kind}` as 'kind.other')
        : tr(lang, 'kind.other')
      : tr(lang, line.type === 'mileage' ? 'type.mileage' : 'type.perDiem');
  const km = line.km !== undefined ? tr(lang, 'km', { km: line.km.toLocaleString(lang) }) : '';
  return [label, line.text, km].filter(Boolean).join(' – ');
}

function linesTable(lang: TabLang, c: TabClaim): HTMLElement {
  return h(
    'table',
    { class: 'lines' },
    h('caption', {}, tr(lang, 'lines')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, tr(lang, 'date')),
        h('th', { scope: 'col' }, tr(lang, 'what')),
        h('th', { scope: 'col', class: 'num' }, tr(lang, 'amount')),
      ),
    ),
    h(
      'tbody',
      {},
      ...c.lines.map((l) =>
        h(
          'tr',
          {},
          h('td', {}, /^\d{4}-/.test(l.date) ? day(lang, l.date) : l.date),
          h('td', {}, lineText(lang, l)),
          h(
            'td',
            { class: 'num' },
            l.amountMinor !== undefined && l.currency ? money(lang, l.amountMinor, l.currency) : '',
          ),
        ),
      ),
    ),
  );
}

function totals(lang: TabLang, c: TabClaim): HTMLElement | undefined {
  if (c.totals.length === 0 && !c.taxSplit) return undefined;
  const rows: Array<[string, string]> = c.totals.map((t) => [
    `${tr(lang, 'total')} ${t.currency}`,
    money(lang, t.amountMinor, t.currency),
  ]);
  if (c.taxSplit) {
    rows.push([tr(lang, 'taxFree'), money(lang, c.taxSplit.taxFreeMinor, 'NOK')]);
    rows.push([tr(lang, 'taxable'), money(lang, c.taxSplit.taxableMinor, 'NOK')]);
  }
  return h(
    'dl',
    { class: 'totals' },
    ...rows.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]),
  );
}

function thumbnail(lang: TabLang, url: string, mime: string, label: string): HTMLElement {
  const content =
    mime === 'application/pdf'
      ? h('span', { class: 'pdf', 'aria-hidden': 'true' }, 'PDF')
      : h('img', { src: url, alt: '', loading: 'lazy', width: '72', height: '96' });
  return h(
    'a',
    {
      class: 'thumb',
      href: url,
      target: '_blank',
      rel: 'noopener noreferrer',
      'aria-label': `${tr(lang, 'openReceipt')}: ${label}`,
    },
    content,
  );
}

function receiptStrip(lang: TabLang, c: TabClaim): HTMLElement {
  return h(
    'div',
    { class: 'receipts' },
    h('h4', {}, tr(lang, 'receipts')),
    h(
      'ul',
      { class: 'thumbs' },
      ...c.receipts.map((r, i) =>
        h('li', {}, thumbnail(lang, r.url, r.mime, r.name ?? `${tr(lang, 'receipt')} ${i + 1}`)),
      ),
    ),
  );
}

export function renderInbox(lang: TabLang, inbox: readonly InboxReceipt[]): HTMLElement {
  const section = h(
    'section',
    { class: 'inbox', 'aria-labelledby': 'inbox-heading' },
    h('h2', { id: 'inbox-heading' }, tr(lang, 'inbox')),
  );
  if (inbox.length === 0) {
    section.append(h('p', { class: 'empty' }, tr(lang, 'inboxEmpty')));
    return section;
  }
  section.append(
    h(
      'ul',
      { class: 'inbox-grid' },
      ...inbox.map((r) => {
        const what =
          [
            r.merchant,
            r.kind && hasKey(`kind.${r.kind}`) ? tr(lang, `kind.${r.kind}` as 'kind.other') : '',
          ]
            .filter(Boolean)
            .join(' – ') || tr(lang, 'receipt');
        const details = [
          r.date ? day(lang, r.date) : day(lang, r.createdAt),
          r.amountMinor !== undefined && r.currency ? money(lang, r.amountMinor, r.currency) : '',
        ].filter(Boolean);
        return h(
          'li',
          { class: 'inbox-item' },
          thumbnail(lang, r.url, r.mime, what),
          h(
            'div',
            {},
            h('p', { class: 'merchant' }, what),
            h('p', { class: 'details' }, details.join(' · ')),
          ),
        );
      }),
    ),
  );
  return section;
}
