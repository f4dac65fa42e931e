/**
 * Who an employee is to the reference claims API: name and the accounting dimensions (the guide's
 * "black frame") that a new claim starts with. Identity itself comes from Teams, so a profile is
 * only looked up, never logged into; an employee without an entry still gets the defaults.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { dimensionsSchema, type Dimensions } from '../claims/claim.js';

/**
 * Entra object ids are GUIDs, but other identity sources (tests, other tenants' tooling) use other
 * shapes; the allowed characters keep the value safe in a header, a log line and a SQL parameter.
 */
export const employeeIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9\-_:.]{1,100}$/, 'expected 1–100 characters of A–Z, a–z, 0–9, -, _, : or .');

export const profileSchema = z.object({
  employeeId: z.string(),
  name: z.string().optional(),
  company: z.string().optional(),
  department: z.string().optional(),
  project: z.string().optional(),
});
export type Profile = z.infer<typeof profileSchema>;

export interface ProfileSource {
  get(employeeId: string): Profile;
}

const employeeEntrySchema = dimensionsSchema
  .extend({ name: z.string().max(200).optional() })
  .strict();

// Strict objects so a misspelt "departmnet" fails at start-up instead of silently leaving every
// claim without a department.
const profilesFileSchema = z
  .object({
    default: dimensionsSchema.strict().default({}),
    employees: z.record(employeeIdSchema, employeeEntrySchema).default({}),
  })
  .strict();

export class ProfilesFileError extends Error {
  override name = 'ProfilesFileError';
}

const FIELDS = ['name', 'company', 'department', 'project'] as const;

/** Later sources win; blank strings count as "not set" so they never hide a default. */
function merge(
  employeeId: string,
  ...sources: ReadonlyArray<Partial<Record<(typeof FIELDS)[number], string>>>
): Profile {
  const profile: Profile = { employeeId };
  for (const source of sources) {
    for (const field of FIELDS) {
      const value = source[field]?.trim();
      if (value) profile[field] = value;
    }
  }
  return profile;
}

/**
 * Reads the profile file once, at start-up, so a broken file stops the service with a message
 * naming it rather than failing on the first claim. Without a path every employee gets `defaults`.
 */
export function loadProfiles(path?: string, defaults: Dimensions = {}): ProfileSource {
  if (!path) return { get: (employeeId) => merge(employeeId, defaults) };

  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ProfilesFileError(
      `Cannot read the profiles file ${path}: ${(err as Error).message}`,
      { cause: err },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw new ProfilesFileError(
      `The profiles file ${path} is not valid JSON: ${(err as Error).message}`,
      { cause: err },
    );
  }
  const parsed = profilesFileSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new ProfilesFileError(`The profiles file ${path} is invalid:\n${lines.join('\n')}`);
  }

  // GUIDs are case-insensitive and Teams and admin tools disagree on the case they print.
  const employees = new Map(
    Object.entries(parsed.data.employees).map(([id, entry]) => [id.toLowerCase(), entry]),
  );
  const fileDefault = parsed.data.default;
  return {
    get: (employeeId) =>
      merge(employeeId, defaults, fileDefault, employees.get(employeeId.toLowerCase()) ?? {}),
  };
}
