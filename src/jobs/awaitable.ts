/**
 * Work that runs inside a transaction of either backend. SQLite's transactions are synchronous
 * (better-sqlite3 commits when the callback returns), PostgreSQL's are asynchronous, so a step
 * that must run in the caller's transaction cannot simply be `await`ed: an `await` of a value
 * that is already there still defers the rest to after the SQLite commit. These helpers go on at
 * once when a step answered synchronously and chain on the promise only when it did not.
 */
import type { Awaitable } from './job-queue.js';

export function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/** `next(value)`, synchronously when `value` is not a promise. */
export function andThen<T, U>(value: Awaitable<T>, next: (value: T) => Awaitable<U>): Awaitable<U> {
  return isPromiseLike(value) ? Promise.resolve(value).then(next) : next(value);
}

/** Runs the steps in order, each after the one before has finished; synchronous when they are. */
export function inOrder(steps: ReadonlyArray<() => Awaitable<unknown>>): Awaitable<void> {
  for (const [i, step] of steps.entries()) {
    const done = step();
    if (isPromiseLike(done)) return Promise.resolve(done).then(() => inOrder(steps.slice(i + 1)));
  }
  return undefined;
}

/**
 * For a synchronous transaction: work that answered with a promise would run on after the
 * commit, so it is refused (and the transaction rolls back with the throw).
 */
export function mustBeSync(value: unknown, where: string): void {
  if (!isPromiseLike(value)) return;
  // The promise's own outcome no longer matters; keep it from becoming an unhandled rejection.
  Promise.resolve(value).catch(() => undefined);
  throw new Error(`${where}: work inside a SQLite transaction must finish synchronously`);
}
