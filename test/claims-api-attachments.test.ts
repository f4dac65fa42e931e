import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ClaimsApiRejectedError,
  createClaimsClient,
  type ClaimsClient,
} from '../src/claims-api/claims-client.js';
import { startClaimsApi, type RunningClaimsApi } from './helpers/claims-api-server.js';

let api: RunningClaimsApi;
let client: ClaimsClient;
beforeAll(async () => {
  api = await startClaimsApi();
  client = createClaimsClient({ baseUrl: api.url, token: api.token, timeoutMs: 2000 });
});
afterAll(async () => api.close());

const png = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2e0c3ea0000000049454e44ae426082',
  'hex',
);
const sha = createHash('sha256').update(png).digest('hex');
const claim = {
  description: 'Utlegg: Parkering',
  purpose: 'Kundemøte',
  lines: [
    {
      type: 'outlay' as const,
      date: '2026-11-20',
      kind: 'parking' as const,
      amountMinor: 12000,
      currency: 'NOK' as const,
    },
  ],
};

describe('claims API attachments', () => {
  it('stores a receipt once, gives it back only to its owner, and files a claim that refers to it', async () => {
    await client.uploadAttachment('emp-a', { bytes: png, mime: 'image/png', sha256: sha });
    await client.uploadAttachment('emp-a', { bytes: png, mime: 'image/png', sha256: sha });
    expect(await client.getAttachment('emp-a', sha)).toEqual({ bytes: png, mime: 'image/png' });
    expect(await client.getAttachment('emp-b', sha)).toBeUndefined();
    const filed = await client.fileClaim(
      'emp-a',
      {
        ...claim,
        attachments: [{ sha256: sha, mime: 'image/png', name: 'p.png', role: 'receipt' }],
      },
      'key-att-1',
    );
    expect(filed.attachments).toEqual([
      { sha256: sha, mime: 'image/png', name: 'p.png', role: 'receipt' },
    ]);
  });

  it('refuses a claim that refers to a file not uploaded, a body with the wrong hash, and other file types', async () => {
    await expect(
      client.fileClaim(
        'emp-b',
        { ...claim, attachments: [{ sha256: sha, mime: 'image/png', role: 'receipt' }] },
        'key-att-2',
      ),
    ).rejects.toBeInstanceOf(ClaimsApiRejectedError);
    await expect(
      client.uploadAttachment('emp-a', { bytes: png, mime: 'image/png', sha256: 'a'.repeat(64) }),
    ).rejects.toMatchObject({ status: 422 });
    await expect(
      client.uploadAttachment('emp-a', {
        bytes: Buffer.from('<html>'),
        mime: 'text/html',
        sha256: createHash('sha256').update('<html>').digest('hex'),
      }),
    ).rejects.toMatchObject({ status: 415 });
  });

  it('requires the service token', async () => {
    const res = await fetch(`${api.url}/claims-api/v1/attachments/${sha}`, {
      headers: { 'x-acting-employee': 'emp-a' },
    });
    expect(res.status).toBe(401);
  });
});
