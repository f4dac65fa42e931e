/**
 * The vision reader against a local HTTP server that speaks the OpenAI chat-completions API,
 * so the real openai client, its request shape and its error handling are what is tested.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  LOW_CONFIDENCE,
  type ReceiptExtractor,
  type ReceiptFields,
  type ReceiptMime,
} from '../src/receipts/receipt-fields.js';
import {
  VisionExtractionError,
  createCombinedExtractor,
  createVisionExtractor,
  mergeReceiptFields,
  type VisionExtractor,
} from '../src/receipts/vision-extractor.js';

const API_KEY = 'sk-test-vision';

type Mode = 'ok' | 'error500' | 'slow' | 'notJson' | 'offSchema' | 'refusal' | 'notReceipt';

interface SeenCall {
  path: string;
  authorization: string | undefined;
  body: {
    model: string;
    messages: Array<{
      role: string;
      content:
        | string
        | Array<{ type: string; text?: string; image_url?: { url: string; detail?: string } }>;
    }>;
    response_format?: {
      type: string;
      json_schema?: { name: string; strict?: boolean; schema: Record<string, unknown> };
    };
  };
}

let server: Server;
let baseURL: string;
let mode: Mode = 'ok';
const calls: SeenCall[] = [];
const pending = new Set<ServerResponse>();

/** What a good model answers for a Fjord1 ferry ticket: amounts in kroner, nulls for what is not printed. */
const MODEL_ANSWER = {
  kind: 'ferry',
  merchant: 'Fjord1 AS',
  orgNo: '923 609 016',
  date: '2026-03-14',
  total: 145,
  currency: 'NOK',
  vat: 15.54,
  vatRate: 12,
  confidence: {
    kind: 0.95,
    merchant: 0.9,
    orgNo: 0.8,
    date: 0.9,
    total: 0.95,
    currency: 0.9,
    vat: 0.7,
    vatRate: 0.8,
  },
};

function completion(content: string | null, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: 'gpt-4o-mini-2024-07-18',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null, ...extra },
        finish_reason: 'stop',
        logprobs: null,
      },
    ],
    usage: { prompt_tokens: 1000, completion_tokens: 80, total_tokens: 1080 },
  });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The fake model server: records each call and answers as `mode` says. */
async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readBody(req);
  calls.push({
    path: req.url ?? '',
    authorization: req.headers.authorization,
    body: JSON.parse(body) as SeenCall['body'],
  });
  const json = (status: number, payload: string): void => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(payload);
  };
  if (req.method !== 'POST' || req.url !== '/v1/chat/completions')
    return json(404, '{"error":{"message":"not found"}}');
  switch (mode) {
    case 'ok':
      return json(200, completion(JSON.stringify(MODEL_ANSWER)));
    case 'notReceipt':
      return json(
        200,
        completion(
          JSON.stringify({
            kind: 'not_receipt',
            merchant: null,
            orgNo: null,
            date: null,
            total: null,
            currency: null,
            vat: null,
            vatRate: null,
            confidence: {
              kind: 0.9,
              merchant: 0,
              orgNo: 0,
              date: 0,
              total: 0,
              currency: 0,
              vat: 0,
              vatRate: 0,
            },
          }),
        ),
      );
    case 'error500':
      return json(
        500,
        '{"error":{"message":"The server had an error while processing your request.","type":"server_error"}}',
      );
    case 'slow':
      pending.add(res);
      res.on('close', () => pending.delete(res));
      return; // answers never; the client must give up on its own
    case 'notJson':
      return json(200, completion('Sure! The total is 145 kr.'));
    case 'offSchema':
      return json(200, completion(JSON.stringify({ ...MODEL_ANSWER, kind: 'banana' })));
    case 'refusal':
      return json(200, completion(null, { refusal: "I'm sorry, I can't help with that." }));
  }
}

beforeAll(async () => {
  server = createServer((req, res) => void answer(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});

afterAll(async () => {
  for (const res of pending) res.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  mode = 'ok';
  calls.length = 0;
});

let photo: Buffer;
beforeAll(async () => {
  // A large landscape photo, as a phone delivers it.
  photo = await sharp({
    create: { width: 3000, height: 2000, channels: 3, background: { r: 240, g: 238, b: 230 } },
  })
    .png()
    .toBuffer();
});

function vision(overrides: { model?: string; timeoutMs?: number } = {}): VisionExtractor {
  return createVisionExtractor({ apiKey: API_KEY, baseURL, ...overrides });
}

function imageOf(call: SeenCall | undefined): { url: string; detail?: string } | undefined {
  const user = call?.body.messages.find((m) => m.role === 'user');
  if (!user || typeof user.content === 'string') return undefined;
  return user.content.find((part) => part.type === 'image_url')?.image_url;
}

const ocrFields: ReceiptFields = {
  kind: 'ferry',
  merchant: 'FJORD1',
  date: '2026-03-14',
  totalMinor: 14_500,
  currency: 'NOK',
  confidence: {
    kind: 0.7,
    merchant: 0.6,
    orgNo: 0,
    date: 0.8,
    total: 0.7,
    currency: 0.9,
    vat: 0,
    vatRate: 0,
  },
};

/** Stands in for the tesseract reader, which has no network part a server could play. */
class FixedOcr implements ReceiptExtractor {
  closed = false;
  constructor(private readonly fields: ReceiptFields) {}
  extract(_bytes: Buffer, _mime: ReceiptMime): Promise<ReceiptFields> {
    return Promise.resolve(this.fields);
  }
  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}

describe('vision extractor', () => {
  it('sends the photo downscaled as a JPEG data URL, with the model and a strict JSON schema', async () => {
    const fields = await vision().extract(photo, 'image/png');
    expect(calls).toHaveLength(1);
    const call = calls[0];
    expect(call?.path).toBe('/v1/chat/completions');
    expect(call?.authorization).toBe(`Bearer ${API_KEY}`);
    expect(call?.body.model).toBe('gpt-4o-mini');
    expect(call?.body.response_format?.type).toBe('json_schema');
    expect(call?.body.response_format?.json_schema?.strict).toBe(true);
    expect(call?.body.response_format?.json_schema?.schema).toMatchObject({
      type: 'object',
      additionalProperties: false,
    });

    const image = imageOf(call);
    expect(image?.url).toMatch(/^data:image\/jpeg;base64,/);
    const sent = Buffer.from(image?.url.split(',')[1] ?? '', 'base64');
    const meta = await sharp(sent).metadata();
    expect(meta.format).toBe('jpeg');
    expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(1600);
    expect(meta.width).toBeGreaterThan(meta.height ?? 0);

    expect(fields).toEqual({
      kind: 'ferry',
      merchant: 'Fjord1 AS',
      orgNo: '923609016',
      date: '2026-03-14',
      totalMinor: 14_500,
      currency: 'NOK',
      vatMinor: 1_554,
      vatRate: 12,
      confidence: MODEL_ANSWER.confidence,
    });
  });

  it('uses the configured model name', async () => {
    await vision({ model: 'my-local-vision-model' }).extract(photo, 'image/png');
    expect(calls[0]?.body.model).toBe('my-local-vision-model');
  });

  it('turns an upright phone photo the right way (EXIF orientation) before sending it', async () => {
    // Stored 400×200 but tagged "rotate 90°": the receipt is really portrait.
    const tagged = await sharp({
      create: { width: 400, height: 200, channels: 3, background: '#ffffff' },
    })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    await vision().extract(tagged, 'image/jpeg');
    const meta = await sharp(
      Buffer.from(imageOf(calls[0])?.url.split(',')[1] ?? '', 'base64'),
    ).metadata();
    expect([meta.width, meta.height]).toEqual([200, 400]);
  });

  it('rejects on a server error, after a single attempt', async () => {
    mode = 'error500';
    await expect(vision().extract(photo, 'image/png')).rejects.toBeInstanceOf(
      VisionExtractionError,
    );
    expect(calls).toHaveLength(1);
  });

  it('rejects when the model is slower than the timeout', async () => {
    mode = 'slow';
    const started = Date.now();
    await expect(vision({ timeoutMs: 400 }).extract(photo, 'image/png')).rejects.toBeInstanceOf(
      VisionExtractionError,
    );
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('rejects output that is not JSON, breaks the schema, or is a refusal', async () => {
    for (const bad of ['notJson', 'offSchema', 'refusal'] as const) {
      mode = bad;
      await expect(vision().extract(photo, 'image/png'), bad).rejects.toBeInstanceOf(
        VisionExtractionError,
      );
    }
  });

  it('leaves PDFs to the offline reader without calling the model', async () => {
    await expect(
      vision().extract(Buffer.from('%PDF-1.4\n'), 'application/pdf'),
    ).rejects.toBeInstanceOf(VisionExtractionError);
    expect(calls).toHaveLength(0);
  });
});

describe('combined extractor', () => {
  it('merges OCR and vision when both read the receipt', async () => {
    const combined = createCombinedExtractor(new FixedOcr(ocrFields), vision());
    const fields = await combined.extract(photo, 'image/png');
    expect(fields).toMatchObject({
      kind: 'ferry',
      merchant: 'Fjord1 AS',
      totalMinor: 14_500,
      orgNo: '923609016',
      vatMinor: 1_554,
    });
    // Both read 145,00: more certain than either alone.
    expect(fields.confidence.total).toBeGreaterThan(0.95);
  });

  for (const failing of ['error500', 'slow', 'notJson', 'offSchema'] as const) {
    it(`falls back to the OCR fields when the vision model fails (${failing})`, async () => {
      mode = failing;
      const errors: unknown[] = [];
      const combined = createCombinedExtractor(
        new FixedOcr(ocrFields),
        vision({ timeoutMs: 400 }),
        { onVisionError: (e) => errors.push(e) },
      );
      expect(await combined.extract(photo, 'image/png')).toEqual(ocrFields);
      expect(errors).toHaveLength(1);
    });
  }

  it('is the OCR reader itself when no vision model is configured, and closes it', async () => {
    const ocr = new FixedOcr(ocrFields);
    const combined = createCombinedExtractor(ocr);
    expect(await combined.extract(photo, 'image/png')).toEqual(ocrFields);
    await createCombinedExtractor(ocr, vision()).close();
    expect(ocr.closed).toBe(true);
  });

  it('trusts a clear total from OCR over the model calling it no receipt', async () => {
    mode = 'notReceipt';
    const combined = createCombinedExtractor(new FixedOcr(ocrFields), vision());
    expect(await combined.extract(photo, 'image/png')).toEqual(ocrFields);
  });
});

describe('merging two readings', () => {
  const zero = {
    kind: 0,
    merchant: 0,
    orgNo: 0,
    date: 0,
    total: 0,
    currency: 0,
    vat: 0,
    vatRate: 0,
  };
  const reading = (
    over: Partial<ReceiptFields>,
    conf: Partial<ReceiptFields['confidence']>,
  ): ReceiptFields => ({
    kind: 'parking',
    ...over,
    confidence: { ...zero, kind: 0.8, ...conf },
  });

  it('keeps the OCR reading as it is when there is no vision reading', () => {
    expect(mergeReceiptFields(ocrFields, undefined)).toBe(ocrFields);
  });

  it('lets the more confident reader win a field, and flags the disagreement', () => {
    const ocr = reading({ totalMinor: 12_000, date: '2026-01-05' }, { total: 0.5, date: 0.9 });
    const model = reading({ totalMinor: 21_000, date: '2026-05-01' }, { total: 0.9, date: 0.4 });
    const merged = mergeReceiptFields(ocr, model);
    expect(merged.totalMinor).toBe(21_000);
    expect(merged.date).toBe('2026-01-05');
    expect(merged.confidence.total).toBeLessThan(LOW_CONFIDENCE);
  });

  it('raises confidence where both agree, and takes a field only one of them read', () => {
    const ocr = reading({ totalMinor: 4_000, merchant: 'EasyPark' }, { total: 0.6, merchant: 0.5 });
    const model = reading(
      { totalMinor: 4_000, merchant: 'EASYPARK AS', vatRate: 25 },
      { total: 0.7, merchant: 0.6, vatRate: 0.8 },
    );
    const merged = mergeReceiptFields(ocr, model);
    expect(merged.totalMinor).toBe(4_000);
    expect(merged.confidence.total).toBeGreaterThan(0.85);
    expect(merged.merchant).toBe('EASYPARK AS');
    expect(merged.confidence.merchant).toBeGreaterThan(0.6);
    expect(merged.vatRate).toBe(25);
    expect(merged.confidence.vatRate).toBe(0.8);
  });

  it('trusts a clear total from the model over OCR calling it no receipt', () => {
    const ocr: ReceiptFields = { kind: 'not_receipt', confidence: { ...zero, kind: 0.9 } };
    const model = reading(
      { kind: 'toll', totalMinor: 3_250, currency: 'NOK' },
      { kind: 0.7, total: 0.9, currency: 0.8 },
    );
    const merged = mergeReceiptFields(ocr, model);
    expect(merged).toMatchObject({ kind: 'toll', totalMinor: 3_250, currency: 'NOK' });
  });

  it('says no receipt, with no invented fields, when neither reader found a clear total', () => {
    const ocr = reading({ kind: 'other', merchant: 'Hotell Norge' }, { kind: 0.3, merchant: 0.3 });
    const model: ReceiptFields = { kind: 'not_receipt', confidence: { ...zero, kind: 0.9 } };
    const merged = mergeReceiptFields(ocr, model);
    expect(Object.keys(merged).sort()).toEqual(['confidence', 'kind']);
    expect(merged.kind).toBe('not_receipt');
    expect(merged.confidence).toEqual({ ...zero, kind: expect.closeTo(0.63, 5) as number });
  });
});
