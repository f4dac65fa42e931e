/**
 * The "Mine krav" tab: connects to Teams, asks the bot's server for the signed-in employee's
 * claims, drafts and receipts, and shows them with filters, a CSV download and "Continue in chat".
 */
import {
  continueResponseSchema,
  overviewSchema,
  TAB_STATUSES,
  type Overview,
  type TabClaim,
  type TabStatus,
} from '../tab/overview-schema.js';
import { h } from './dom.js';
import { connectHost, type Host, type TabTheme } from './teams.js';
import { langFromLocale, tr, type TabKey, type TabLang } from './strings.js';
import { renderClaims, renderInbox, type Filters } from './view.js';

function setTheme(theme: TabTheme) {
  document.documentElement.dataset.theme = theme;
}

async function api(host: Host, path: string, init: RequestInit = {}): Promise<Response> {
  const token = await host.token();
  const headers = new Headers(init.headers);
  if (token) headers.set('authorization', `Bearer ${token}`);
  return fetch(path, { ...init, headers });
}

async function boot() {
  const status = document.getElementById('status') as HTMLElement;
  const main = document.getElementById('main') as HTMLElement;
  let host: Host;
  try {
    host = await connectHost();
  } catch {
    status.textContent = tr(langFromLocale(navigator.language), 'loadFailed');
    return;
  }
  const lang = langFromLocale(host.locale);
  document.documentElement.lang = lang === 'en' ? 'en' : lang === 'nn' ? 'nn' : 'nb';
  setTheme(host.theme);
  host.onThemeChange(setTheme);
  document.title = tr(lang, 'title');
  (document.getElementById('title') as HTMLElement).textContent = tr(lang, 'title');
  status.textContent = tr(lang, 'loading');

  let overview: Overview;
  try {
    const response = await api(host, '/api/tab/overview');
    if (!response.ok) throw new Error(`overview ${response.status}`);
    overview = overviewSchema.parse(await response.json());
  } catch {
    status.textContent = tr(lang, 'loadFailed');
    return;
  }
  status.textContent = '';
  const page = new Page(host, lang, overview, main, status);
  page.render();
  document.body.dataset.ready = 'true';
}

class Page {
  private filters: Filters = { status: '', year: '' };
  private readonly list = h('div', { id: 'claims-list' });

  constructor(
    private readonly host: Host,
    private readonly lang: TabLang,
    private readonly overview: Overview,
    private readonly main: HTMLElement,
    private readonly status: HTMLElement,
  ) {}

  private say(key: TabKey) {
    this.status.textContent = tr(this.lang, key);
  }

  render() {
    const { lang, overview } = this;
    const notes = [
      overview.development
        ? h('p', { class: 'banner banner-dev', role: 'note' }, tr(lang, 'devBanner'))
        : undefined,
      overview.claimsUnavailable
        ? h('p', { class: 'banner banner-warn', role: 'note' }, tr(lang, 'claimsUnavailable'))
        : undefined,
    ];
    this.main.replaceChildren(
      ...notes.filter((n): n is HTMLParagraphElement => n !== undefined),
      this.toolbar(),
      this.list,
      renderInbox(lang, overview.inbox),
    );
    this.renderList();
  }

  private renderList() {
    this.list.replaceChildren(
      renderClaims(this.lang, this.overview, this.filters, {
        onContinue: (claim, button) => void this.continueInChat(claim, button),
      }),
    );
  }

  private toolbar(): HTMLElement {
    const { lang } = this;
    const statusSelect = h(
      'select',
      { id: 'filter-status' },
      h('option', { value: '' }, tr(lang, 'allStatuses')),
      ...TAB_STATUSES.map((s) => h('option', { value: s }, tr(lang, `status.${s}`))),
    );
    const years = [
      ...new Set(this.overview.claims.map((c) => c.year).filter((y) => y !== undefined)),
    ]
      .sort((a, b) => b - a)
      .map(String);
    const yearSelect = h(
      'select',
      { id: 'filter-year' },
      h('option', { value: '' }, tr(lang, 'allYears')),
      ...years.map((y) => h('option', { value: y }, y)),
    );
    const onChange = () => {
      this.filters = { status: statusSelect.value as TabStatus | '', year: yearSelect.value };
      this.renderList();
    };
    statusSelect.addEventListener('change', onChange);
    yearSelect.addEventListener('change', onChange);
    const csv = h('button', { type: 'button', id: 'download-csv' }, tr(lang, 'downloadCsv'));
    csv.addEventListener('click', () => void this.downloadCsv());
    return h(
      'div',
      { class: 'toolbar', role: 'group', 'aria-label': tr(lang, 'title') },
      h('label', { for: 'filter-status' }, tr(lang, 'filterStatus')),
      statusSelect,
      h('label', { for: 'filter-year' }, tr(lang, 'filterYear')),
      yearSelect,
      csv,
    );
  }

  private async downloadCsv() {
    const q = new URLSearchParams();
    if (this.filters.status) q.set('status', this.filters.status);
    if (this.filters.year) q.set('year', this.filters.year);
    const response = await api(this.host, `/api/tab/claims.csv?${q.toString()}`);
    if (!response.ok) return this.say('loadFailed');
    const url = URL.createObjectURL(await response.blob());
    const a = h('a', { href: url, download: 'mine-krav.csv' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private async continueInChat(claim: TabClaim, button: HTMLButtonElement) {
    button.disabled = true;
    try {
      const body = claim.draftKind ? { draftKind: claim.draftKind } : { claimId: claim.id };
      const response = await api(this.host, '/api/tab/continue', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok) return this.say('continueFailed');
      const answer = continueResponseSchema.parse(await response.json());
      if (!answer.posted) return this.say('noChatYet');
      this.say('continued');
      if (answer.chatLink) await this.host.openLink(answer.chatLink);
    } catch {
      this.say('continueFailed');
    } finally {
      button.disabled = false;
    }
  }
}

void boot();
