/**
 * What a status ledger (the status tracker's memory of what it told) promises, run against SQLite
 * and PostgreSQL.
 */
import { describe, expect, it } from 'vitest';
import type { Awaitable } from '../../src/jobs/job-queue.js';
import type { ClaimProgress } from '../../src/notifications/status-ledger.js';

export interface ContractLedger {
  advance(seen: ClaimProgress, onNews: () => Awaitable<boolean>): Promise<boolean>;
  known(claimId: string): Promise<boolean>;
}

export interface LedgerHarness {
  /** A ledger on an empty store. */
  fresh(): Promise<ContractLedger>;
  /** Another on the same store through a connection of its own (another instance). */
  another(): Promise<ContractLedger>;
}

const at = (progress: number): ClaimProgress => ({ claimId: 'c-1', employeeId: 'ola', progress });

export function statusLedgerContract(name: string, h: LedgerHarness): void {
  describe(`${name}: status ledger contract`, () => {
    it('tells a change once, and only when it goes further than what was told', async () => {
      const ledger = await h.fresh();
      const told: number[] = [];
      const tell = (n: number) => () => (told.push(n), true);
      expect(await ledger.known('c-1')).toBe(false);
      expect(await ledger.advance(at(2), tell(2))).toBe(true);
      expect(await ledger.advance(at(2), tell(2))).toBe(false);
      expect(await ledger.advance(at(1), tell(1))).toBe(false);
      expect(await ledger.advance(at(3), tell(3))).toBe(true);
      expect(told).toEqual([2, 3]);
      expect(await ledger.known('c-1')).toBe(true);
    });

    it("records a quiet change (onNews says false) and keeps onNews' answer", async () => {
      const ledger = await h.fresh();
      expect(await ledger.advance(at(1), () => false)).toBe(false);
      expect(await ledger.known('c-1')).toBe(true);
      expect(await ledger.advance(at(1), () => true)).toBe(false);
    });

    it('a change whose telling fails is not recorded: the next sighting tells it', async () => {
      const ledger = await h.fresh();
      await expect(
        ledger.advance(at(1), () => {
          throw new Error('queue down');
        }),
      ).rejects.toThrow('queue down');
      expect(await ledger.known('c-1')).toBe(false);
      expect(await ledger.advance(at(1), () => true)).toBe(true);
    });

    it('of two instances seeing the same change at once, one tells it', async () => {
      const [a, b] = [await h.fresh(), await h.another()];
      const results = await Promise.all([
        a.advance(at(4), () => true),
        b.advance(at(4), () => true),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
    });
  });
}
