import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { describe, expect, it } from 'vitest';
import { compileTemplate, TemplateSyntaxError } from '../src/bot/card-binder.js';
import { CARD_TEMPLATES, CARDS_DIR, CardRenderer } from '../src/bot/card-renderer.js';
import { sampleViews } from '../scripts/sample-cards.js';
import { LANGS } from '../src/i18n/translate.js';
import type { CardTemplate } from '../src/conversation/types.js';

// adaptivecards-templating is the definition of the language: every binding here must come out
// as the library's, including where data is missing, empty, null or of another type.
const source = (name: CardTemplate): unknown =>
  JSON.parse(readFileSync(path.join(CARDS_DIR, `${name}.json`), 'utf8'));

/** Both bindings of `template` (or of its two prepared forms, to bind many data in a loop). */
function both(
  template: unknown,
  data: unknown,
  prepared = { library: new ACData.Template(template), binder: compileTemplate(template) },
): { library: unknown; binder: unknown } {
  const outcome = (bind: () => unknown) => {
    try {
      return { value: JSON.parse(JSON.stringify(bind() ?? null)) as unknown };
    } catch (error) {
      return { threw: error instanceof TypeError ? 'TypeError' : 'Error' };
    }
  };
  return {
    library: outcome(() => prepared.library.expand({ $root: data })),
    binder: outcome(() => prepared.binder(data)),
  };
}

/** Every value in `data` replaced, one at a time, by each of a few others (and removed). */
function* variations(data: unknown): Generator<[string, unknown]> {
  const replacements: unknown[] = ['', 'x', true, false, 0, 1234.5, [], {}, null, undefined];
  function* walk(node: unknown, at: string[]): Generator<[string, unknown]> {
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      const here = [...at, key];
      for (const r of replacements)
        yield [`${here.join('.')} = ${JSON.stringify(r)}`, set(data, here, r)];
      if (Array.isArray(value) && value.length > 0)
        yield [`${here.join('.')} twice`, set(data, here, [value[0], value[0]])];
      yield* walk(value, here);
    }
  }
  yield* walk(data, []);
}

function set(data: unknown, at: string[], value: unknown): unknown {
  const copy = structuredClone(data) as Record<string, unknown>;
  let node = copy;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = at[at.length - 1] as string;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

describe('the compiled card binder', () => {
  const samples = LANGS.flatMap((lang) =>
    sampleViews(lang).map(([variant, view]) => ({ lang, variant, view })),
  );

  it('binds every sample card as adaptivecards-templating does', () => {
    expect(samples.length).toBeGreaterThan(30);
    for (const { lang, variant, view } of samples) {
      if (view.kind !== 'card') continue;
      const { library, binder } = both(source(view.template), view.data);
      expect(binder, `${variant}.${lang}`).toEqual(library);
      expect(library, `${variant}.${lang}`).toHaveProperty('value.type', 'AdaptiveCard');
    }
  });

  it('binds as the library does when a value is missing, empty, null or of another type', () => {
    let compared = 0;
    const differing: string[] = [];
    for (const { variant, view } of samples.filter((s) => s.lang === 'nb')) {
      if (view.kind !== 'card') continue;
      const template = source(view.template);
      const prepared = {
        library: new ACData.Template(template),
        binder: compileTemplate(template),
      };
      for (const [change, data] of variations(view.data)) {
        const { library, binder } = both(template, data, prepared);
        compared++;
        if (JSON.stringify(binder) !== JSON.stringify(library))
          differing.push(`${variant}: ${change}`);
      }
    }
    expect(compared).toBeGreaterThan(5000);
    expect(differing).toEqual([]);
  });

  it('follows the language on templates written for it', () => {
    const template = {
      type: 'AdaptiveCard',
      title: '${title}',
      count: '${n}',
      text: 'Hei ${name}, du har ${string(n)} krav (${missing})',
      gone: { $when: '${n == 0}', a: 1 },
      items: [
        { $data: '${rows}', t: '${label} ${$index} av ${$root.title}' },
        { $when: '${!flag && title != ""}', t: 'flag off' },
        { $when: 'not an expression', t: 'dropped' },
        { $when: '${flag || (n == 3)}', t: 'or' },
      ],
    };
    const data = {
      title: 'Krav',
      n: 3,
      name: 'Kari',
      flag: false,
      rows: [{ label: 'a' }, { label: 'b' }],
    };
    const { library, binder } = both(template, data);
    expect(binder).toEqual(library);
    expect(binder).toEqual({
      value: {
        type: 'AdaptiveCard',
        title: 'Krav',
        count: 3,
        text: 'Hei Kari, du har 3 krav (${missing})',
        gone: null,
        items: [{ t: 'a 0 av Krav' }, { t: 'b 1 av Krav' }, { t: 'flag off' }, { t: 'or' }],
      },
    });
    for (const rows of [[], [{ label: 'only' }], 'text', null]) {
      const r = both(template, { ...data, rows });
      expect(r.binder, JSON.stringify(rows)).toEqual(r.library);
    }
    const big = both({ s: '${string(n)}' }, { n: 12345.25 });
    expect(big.binder).toEqual(big.library);
  });

  it('refuses, naming it, a template feature it does not bind', () => {
    for (const text of [
      '${count(items)}',
      '${a + 1}',
      '${a[0]}',
      '${a ? b : c}',
      '`${a}`',
      '${a',
    ]) {
      expect(() => compileTemplate({ t: text }), text).toThrow(TemplateSyntaxError);
    }
    expect(() => compileTemplate({ $data: 'rows', t: 'x' })).toThrow(/\$data must be one/);
  });

  it('compiles every template at construction, so a broken one stops start-up', () => {
    expect(() => new CardRenderer()).not.toThrow();
    expect(CARD_TEMPLATES.length).toBeGreaterThan(10);
    expect(() => new CardRenderer(path.join(CARDS_DIR, 'no-such-dir'))).toThrow(
      /card template .*welcome\.json/,
    );
  });
});
