/**
 * Values written into plain-text queries (src/store/pg/pg-database.ts `inlineValues`): what a
 * user typed must arrive as the same text, never as SQL. On a real server where one answers, and
 * the text form alone everywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineValues, openPool } from '../src/store/pg/pg-database.js';
import { describePg, testDatabaseUrl } from './helpers/pg-test-database.js';
import type pg from 'pg';

const AWKWARD = [
  "O'Brien",
  "'); DROP TABLE bot_state; --",
  'back\\slash \\x41',
  '$1 and $2 inside a value',
  'linje 1\nlinje 2\tog æøå 🧾',
  '',
];

describe('inlineValues', () => {
  it('puts each value in its place, quoted, and numbers as they are', () => {
    expect(inlineValues('SELECT $1, $2, $1', ["it's", 42])).toBe("SELECT 'it''s', 42, 'it''s'");
  });

  it('does not read placeholders inside the values it put in', () => {
    expect(inlineValues('SELECT $1, $2', ['$2', 'x'])).toBe("SELECT '$2', 'x'");
  });

  it('refuses what it cannot write safely', () => {
    expect(() => inlineValues('SELECT $1', [Number.NaN])).toThrow(RangeError);
    expect(() => inlineValues('SELECT $2', ['only one'])).toThrow(RangeError);
  });
});

describePg('inlineValues on PostgreSQL', () => {
  let pool: pg.Pool;
  beforeAll(() => {
    pool = openPool(testDatabaseUrl(), { max: 1 });
  });
  afterAll(() => pool?.end());

  it.each(AWKWARD)('%j comes back as the same text', async (text) => {
    const { rows } = await pool.query<{ v: string }>(inlineValues('SELECT $1::text AS v', [text]));
    expect(rows[0]?.v).toBe(text);
  });
});
