import type { Job, JobKind } from './job-queue.js';

/** A job as a backend stored it: the payload not yet checked, no error as null. */
export type StoredJob = Omit<Job<unknown>, 'lastError'> & { lastError: string | null };

export type ReadJob<P> = { ok: true; job: Job<P> } | { ok: false; error: string };

/**
 * A stored job as the queue gives it out, its payload checked against its kind's schema. One that
 * no longer reads (written by an older version) is an error for the caller to set aside, not a job.
 */
export function readJob<P>(kind: JobKind<P>, stored: StoredJob): ReadJob<P> {
  const parsed = kind.schema.safeParse(stored.payload);
  if (!parsed.success)
    return { ok: false, error: `job ${stored.id} (${kind.name}): payload does not match its kind` };
  const { lastError, ...job } = stored;
  return {
    ok: true,
    job: { ...job, payload: parsed.data, ...(lastError !== null ? { lastError } : {}) },
  };
}

/** `readJob` where a job that does not read is an error to throw (looking a job up). */
export function jobOrThrow<P>(kind: JobKind<P>, stored: StoredJob): Job<P> {
  const read = readJob(kind, stored);
  if (!read.ok) throw new Error(read.error);
  return read.job;
}
