/** CI's dependency check decides from an `npm audit --json` report and the committed allow-list. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allowListSchema, gate, seriousFindings } from '../scripts/audit-gate.js';

/** The shape `npm audit --omit=dev --json` writes (npm 7 and later), trimmed to what is read. */
const report = {
  auditReportVersion: 2,
  vulnerabilities: {
    axios: {
      name: 'axios',
      severity: 'high',
      via: [
        {
          source: 1,
          name: 'axios',
          severity: 'high',
          title: 'Server-Side Request Forgery',
          url: 'https://github.com/advisories/GHSA-jr5f-v2jv-69x6',
        },
      ],
    },
    'botframework-connector': { name: 'botframework-connector', severity: 'high', via: ['axios'] },
    debug: {
      name: 'debug',
      severity: 'low',
      via: [
        {
          name: 'debug',
          severity: 'low',
          title: 'ReDoS',
          url: 'https://github.com/advisories/GHSA-gxpj-cx7g-858c',
        },
      ],
    },
  },
};

const entry = {
  advisory: 'GHSA-jr5f-v2jv-69x6',
  package: 'axios',
  why: 'pinned inside botframework-connector 4.23.3, which has no release with a newer axios',
  reach:
    'axios only calls the Bot Connector service at the serviceUrl of an authenticated activity',
};

describe('the npm audit gate', () => {
  it('counts high and critical advisories once, and ignores low ones and the paths to them', () => {
    expect(seriousFindings(report)).toEqual([
      {
        advisory: 'GHSA-jr5f-v2jv-69x6',
        package: 'axios',
        severity: 'high',
        title: 'Server-Side Request Forgery',
      },
    ]);
  });

  it('blocks a serious advisory that is not on the allow-list', () => {
    expect(gate(report, { accepted: [] }).blocking).toHaveLength(1);
  });

  it('lets an allow-listed advisory through and names entries no longer needed', () => {
    const result = gate(report, { accepted: [entry] });
    expect(result.blocking).toEqual([]);
    expect(result.accepted.map((f) => f.advisory)).toEqual(['GHSA-jr5f-v2jv-69x6']);
    expect(gate({ vulnerabilities: {} }, { accepted: [entry] }).stale).toEqual([
      'GHSA-jr5f-v2jv-69x6',
    ]);
  });

  it('refuses an allow-list entry without its reason or its reach', () => {
    expect(allowListSchema.safeParse({ accepted: [{ ...entry, why: '' }] }).success).toBe(false);
    expect(allowListSchema.safeParse({ accepted: [{ ...entry, reach: 'n/a' }] }).success).toBe(
      false,
    );
  });

  it('reads the committed allow-list', () => {
    const file = path.resolve(import.meta.dirname, '../.ci/audit-allowlist.json');
    expect(allowListSchema.safeParse(JSON.parse(readFileSync(file, 'utf8'))).success).toBe(true);
  });
});
