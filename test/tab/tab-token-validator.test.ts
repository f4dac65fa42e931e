import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenValidator, type TokenValidator } from '../../src/tab/token-validator.js';
import {
  CLIENT_ID,
  DOMAIN,
  TENANT,
  goodClaims,
  makeKey,
  signToken,
  startJwksServer,
  type JwksServer,
} from '../helpers/sso-tokens.js';

const KARI = '6f1c2a3b-0000-4000-8000-000000000001';
const first = makeKey('key-1');
const rolled = makeKey('key-2');
let jwks: JwksServer;
let clock = Date.now();
let validator: TokenValidator;

beforeAll(async () => {
  jwks = await startJwksServer([first]);
  validator = createTokenValidator({
    clientId: CLIENT_ID,
    domain: DOMAIN,
    tenantId: TENANT,
    multiTenant: false,
    jwksUrl: jwks.url,
    now: () => clock,
  });
});
afterAll(() => jwks.close());

const nowS = () => Math.floor(clock / 1000);

describe('the tab token validator', () => {
  it('accepts a good token and names the employee by oid', async () => {
    const id = await validator.validate(signToken(first, goodClaims(KARI, nowS())));
    expect(id).toEqual({ employeeId: KARI, tenantId: TENANT, name: 'Kari Nordmann' });
    // The bare client id is the other audience form Teams may issue.
    const bare = signToken(first, { ...goodClaims(KARI, nowS()), aud: CLIENT_ID });
    await expect(validator.validate(bare)).resolves.toMatchObject({ employeeId: KARI });
    // The v1 issuer form of the same tenant.
    const v1 = signToken(first, {
      ...goodClaims(KARI, nowS()),
      iss: `https://sts.windows.net/${TENANT}/`,
    });
    await expect(validator.validate(v1)).resolves.toMatchObject({ employeeId: KARI });
  });

  it('refuses a token for another app', async () => {
    const token = signToken(first, { ...goodClaims(KARI, nowS()), aud: 'api://other/123' });
    await expect(validator.validate(token)).rejects.toThrow('wrong audience');
  });

  it('refuses a token from another tenant or issuer', async () => {
    const other = '11111111-0000-4000-8000-000000000000';
    const otherTenant = signToken(first, {
      ...goodClaims(KARI, nowS()),
      tid: other,
      iss: `https://login.microsoftonline.com/${other}/v2.0`,
    });
    await expect(validator.validate(otherTenant)).rejects.toThrow('wrong issuer');
    const forged = signToken(first, { ...goodClaims(KARI, nowS()), iss: 'https://evil.example/' });
    await expect(validator.validate(forged)).rejects.toThrow('wrong issuer');
  });

  it('accepts any tenant when the app is multi-tenant', async () => {
    const multi = createTokenValidator({
      clientId: CLIENT_ID,
      multiTenant: true,
      jwksUrl: jwks.url,
      now: () => clock,
    });
    const other = '11111111-0000-4000-8000-000000000000';
    const token = signToken(first, {
      ...goodClaims(KARI, nowS()),
      aud: CLIENT_ID,
      tid: other,
      iss: `https://login.microsoftonline.com/${other}/v2.0`,
    });
    await expect(multi.validate(token)).resolves.toMatchObject({ tenantId: other });
  });

  it('refuses an expired token', async () => {
    const claims = { ...goodClaims(KARI, nowS() - 7200), exp: nowS() - 3600 };
    await expect(validator.validate(signToken(first, claims))).rejects.toThrow('expired');
  });

  it('refuses a token without the access_as_user scope', async () => {
    const token = signToken(first, { ...goodClaims(KARI, nowS()), scp: 'User.Read' });
    await expect(validator.validate(token)).rejects.toThrow('access_as_user');
  });

  it('refuses alg none and a token whose signature does not match', async () => {
    const good = signToken(first, goodClaims(KARI, nowS()));
    const [, body] = good.split('.');
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', kid: 'key-1' })).toString('base64url')}.${body}.`;
    await expect(validator.validate(none)).rejects.toThrow('algorithm none');
    const tampered = signToken(first, { ...goodClaims(KARI, nowS()), oid: 'someone-else' });
    const spliced = `${good.split('.')[0]}.${tampered.split('.')[1]}.${good.split('.')[2]}`;
    await expect(validator.validate(spliced)).rejects.toThrow('bad signature');
  });

  it('fetches the keys again for an unknown key id, once the key set has rolled', async () => {
    const before = jwks.fetches();
    const token = signToken(rolled, goodClaims(KARI, nowS()));
    // Not published yet: refused, after one fetch that found no such key.
    clock += 120_000;
    await expect(validator.validate(token)).rejects.toThrow('unknown signing key');
    expect(jwks.fetches()).toBe(before + 1);
    // Another try at once does not fetch again: forged kids cannot make us hammer Entra.
    await expect(validator.validate(token)).rejects.toThrow('unknown signing key');
    expect(jwks.fetches()).toBe(before + 1);
    jwks.publish([first, rolled]);
    clock += 120_000;
    await expect(
      validator.validate(signToken(rolled, goodClaims(KARI, nowS()))),
    ).resolves.toMatchObject({
      employeeId: KARI,
    });
    expect(jwks.fetches()).toBe(before + 2);
    // Known keys are served from the cache.
    await validator.validate(signToken(first, goodClaims(KARI, nowS())));
    expect(jwks.fetches()).toBe(before + 2);
  });
});
