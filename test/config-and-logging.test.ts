import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { createLogger } from '../src/logger.js';

describe('configuration', () => {
  it('runs on the embedded defaults with an empty environment, auth off', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      PORT: 3978,
      DATA_DIR: './data',
      DEFAULT_LOCALE: 'nb',
      MicrosoftAppType: 'MultiTenant',
      authEnabled: false,
    });
    expect(c.CLAIMS_API_URL).toBeUndefined();
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ DEFAULT_LOCALE: 'sv' }, 'DEFAULT_LOCALE'],
    [{ MicrosoftAppType: 'Everyone' }, 'MicrosoftAppType'],
    [
      { MicrosoftAppId: 'id', MicrosoftAppPassword: 'pw', MicrosoftAppType: 'SingleTenant' },
      'MicrosoftAppTenantId',
    ],
    [{ MicrosoftAppId: 'id' }, 'MicrosoftAppPassword'],
    [{ CLAIMS_API_URL: 'ftp://claims.example.com' }, 'CLAIMS_API_URL'],
    [{ CLAIMS_API_URL: 'https://claims.example.com/claims-api/v1' }, 'CLAIMS_API_TOKEN'],
    [{ CLAIMS_API_TIMEOUT_MS: '10' }, 'CLAIMS_API_TIMEOUT_MS'],
  ])('a wrong setting %j stops start-up naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^  ${name}: `, 'm'));
  });

  it('accepts SingleTenant and UserAssignedMSI settings and turns auth on', () => {
    const single = loadConfig({
      MicrosoftAppId: 'a',
      MicrosoftAppPassword: 'p',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: 't',
    });
    expect(single.authEnabled).toBe(true);
    const msi = loadConfig({
      MicrosoftAppId: 'a',
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: 't',
    });
    expect(msi).toMatchObject({ authEnabled: true, MicrosoftAppType: 'UserAssignedMSI' });
  });

  it('treats empty values as unset, as .env.example leaves them', () => {
    expect(
      loadConfig({ MicrosoftAppId: '', MicrosoftAppType: '', CLAIMS_API_URL: '' }).authEnabled,
    ).toBe(false);
  });
});

describe('logging', () => {
  it('never writes secrets', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write: (chunk, _enc, done) => (lines.push(String(chunk)), done()),
    });
    const log = createLogger('info', sink);
    log.info(
      {
        MicrosoftAppPassword: 'hunter2-app',
        config: { CLAIMS_API_TOKEN: 'tok-123' },
        req: { headers: { authorization: 'Bearer abc.def' } },
      },
      'start',
    );
    const text = lines.join('');
    expect(text).toContain('start');
    for (const secret of ['hunter2-app', 'tok-123', 'abc.def']) expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });
});

describe('safe defaults', () => {
  const LONG = 'x'.repeat(32);

  it('listens on this machine only while auth is off, and on all interfaces once it is on', () => {
    expect(loadConfig({}).HOST).toBe('127.0.0.1');
    expect(loadConfig({}).warnings).toEqual([]);
    expect(loadConfig({ MicrosoftAppId: 'a', MicrosoftAppPassword: 'p' }).HOST).toBe('0.0.0.0');
  });

  it('warns when HOST is set wider while anyone reaching the port could act as anyone', () => {
    const wide = loadConfig({ HOST: '0.0.0.0' });
    expect(wide.HOST).toBe('0.0.0.0');
    expect(wide.warnings.join('\n')).toMatch(/HOST=0\.0\.0\.0 with authentication off/);
    expect(loadConfig({ HOST: '127.0.0.1' }).warnings).toEqual([]);
    expect(
      loadConfig({ HOST: '0.0.0.0', MicrosoftAppId: 'a', MicrosoftAppPassword: 'p' }).warnings,
    ).toEqual([]);
  });

  it.each([
    [{ CLAIMS_API_TOKEN: 'x' }, 'CLAIMS_API_TOKEN', /at least 32 characters/],
    [{ CLAIMS_API_TOKEN: 'x'.repeat(31) }, 'CLAIMS_API_TOKEN', /at least 32 characters/],
    [{ CLAIMS_API_ADMIN_TOKEN: 'short-admin' }, 'CLAIMS_API_ADMIN_TOKEN', /at least 32/],
    [{ CLAIMS_API_TOKEN: LONG, CLAIMS_API_ADMIN_TOKEN: LONG }, 'CLAIMS_API_ADMIN_TOKEN', /differ/],
  ])('refuses weak claims API tokens %j (%s)', (env, name, message) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(`^  ${name}: `, 'm'));
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('accepts two different tokens of 32 characters', () => {
    const c = loadConfig({ CLAIMS_API_TOKEN: LONG, CLAIMS_API_ADMIN_TOKEN: 'y'.repeat(32) });
    expect(c.CLAIMS_API_ADMIN_TOKEN).toBe('y'.repeat(32));
  });
});
