/**
 * CI's dependency check: runs `npm audit --omit=dev --json` (what a production install holds) and
 * fails on a high or critical advisory unless `.ci/audit-allowlist.json` names it with the reason
 * it cannot be fixed and what limits its reach. An audit that cannot reach the advisory service
 * (a registry mirror or a closed network answers 405 or nothing) gives no verdict: it says so
 * loudly and fails only with AUDIT_REQUIRED=1, since no answer is not a clean answer either.
 *
 *   npx tsx scripts/audit-gate.ts [--allowlist FILE] [--from FILE.json]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { runWhenMain } from './lib/cli.js';

/** One accepted advisory; every field is required, so an entry cannot go in without its reasons. */
const allowEntry = z.object({
  advisory: z.string().regex(/^GHSA-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/),
  package: z.string().min(1),
  why: z.string().min(20, 'say why it cannot be fixed'),
  reach: z.string().min(20, 'say what limits its reach in this bot'),
});
export const allowListSchema = z.object({ accepted: z.array(allowEntry) });
export type AllowList = z.infer<typeof allowListSchema>;

const advisorySchema = z.looseObject({
  name: z.string(),
  severity: z.string(),
  title: z.string().optional(),
  url: z.string().optional(),
});
const auditSchema = z.looseObject({
  vulnerabilities: z
    .record(z.string(), z.looseObject({ via: z.array(z.union([z.string(), advisorySchema])) }))
    .default({}),
});

export interface Finding {
  advisory: string;
  package: string;
  severity: string;
  title: string;
}

/** The high and critical advisories in an `npm audit --json` report, each once. */
export function seriousFindings(report: unknown): Finding[] {
  const audit = auditSchema.parse(report);
  const found = new Map<string, Finding>();
  for (const entry of Object.values(audit.vulnerabilities))
    for (const via of entry.via) {
      if (typeof via === 'string' || !['high', 'critical'].includes(via.severity)) continue;
      const advisory = /GHSA-[a-z0-9-]+/.exec(via.url ?? '')?.[0] ?? `${via.name}:${via.title}`;
      found.set(advisory, {
        advisory,
        package: via.name,
        severity: via.severity,
        title: via.title ?? '',
      });
    }
  return [...found.values()];
}

export interface GateResult {
  blocking: Finding[];
  accepted: Finding[];
  /** Allow-list entries no finding needs any more: remove them. */
  stale: string[];
}

export function gate(report: unknown, allow: AllowList): GateResult {
  const findings = seriousFindings(report);
  const allowed = new Set(allow.accepted.map((a) => a.advisory));
  return {
    blocking: findings.filter((f) => !allowed.has(f.advisory)),
    accepted: findings.filter((f) => allowed.has(f.advisory)),
    stale: [...allowed].filter((id) => !findings.some((f) => f.advisory === id)),
  };
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function main(args: string[]): Promise<void> {
  const root = path.resolve(import.meta.dirname, '..');
  const allowFile = option(args, '--allowlist') ?? path.join(root, '.ci/audit-allowlist.json');
  const allow = allowListSchema.parse(JSON.parse(readFileSync(allowFile, 'utf8')));
  const from = option(args, '--from');
  let report: unknown;
  if (from) report = JSON.parse(readFileSync(from, 'utf8'));
  else {
    const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], {
      cwd: root,
      encoding: 'utf8',
    });
    // npm audit exits 1 when it finds anything; only a report it could not produce is an error.
    try {
      report = JSON.parse(run.stdout);
    } catch {
      report = undefined;
    }
    if (typeof report !== 'object' || report === null || 'error' in report) {
      const why = (run.stderr || run.stdout).split('\n').find((l) => l.trim()) ?? 'no output';
      console.error(`npm audit could not run, so there is no verdict on advisories: ${why}`);
      if (process.env.AUDIT_REQUIRED === '1') process.exit(2);
      return Promise.resolve();
    }
  }
  const result = gate(report, allow);
  for (const f of result.accepted)
    console.log(`accepted (${allowFile}): ${f.severity} ${f.advisory} in ${f.package}`);
  for (const id of result.stale) console.log(`allow-list entry no longer needed: ${id}`);
  for (const f of result.blocking)
    console.error(`${f.severity}: ${f.advisory} in ${f.package}: ${f.title}`);
  if (result.blocking.length > 0) {
    console.error(
      `${result.blocking.length} high/critical advisories in production dependencies: update them, or add each to ${allowFile} with why and reach.`,
    );
    process.exit(1);
  }
  console.log('npm audit --omit=dev: no high or critical advisory outside the allow-list');
  return Promise.resolve();
}

runWhenMain(import.meta.url, main);
