import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { z } from 'zod';
import { parseDuration } from './duration';
import { environmentNameProblem } from './names';

/** Printable text only: a newline or other control character in a value is refused. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** @public */
export const environmentNameSchema = z.string().superRefine((name, ctx) => {
  const problem = environmentNameProblem(name);
  if (problem) {
    ctx.addIssue({ code: 'custom', message: `name ${problem}` });
  }
});

/**
 * A catalog User or Group ref, normalised to `kind:namespace/name`.
 *
 * @public
 */
export const ownerRefSchema = z.string().transform((text, ctx) => {
  try {
    const ref = parseEntityRef(text, { defaultNamespace: 'default' });
    const kind = ref.kind.toLocaleLowerCase('en-US');
    if (kind !== 'user' && kind !== 'group') {
      ctx.addIssue({
        code: 'custom',
        message: `owner must be a User or Group ref, got kind "${ref.kind}"`,
      });
      return z.NEVER;
    }
    return stringifyEntityRef({ ...ref, kind });
  } catch {
    ctx.addIssue({
      code: 'custom',
      message: `owner "${text}" is not an entity ref such as user:default/alice`,
    });
    return z.NEVER;
  }
});

/** @public */
export const durationSchema = z.string().refine(text => !!parseDuration(text), {
  message: 'must be a positive duration such as 30m, 8h or 7d',
});

const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/** @public */
export const weekdaySchema = z.enum([
  'mon',
  'tue',
  'wed',
  'thu',
  'fri',
  'sat',
  'sun',
]);

/**
 * A daily sleep window: asleep from sleepAt to wakeAt in timezone, on the given days.
 *
 * @public
 */
export const sleepScheduleSchema = z
  .object({
    sleepAt: z.string().regex(TIME_OF_DAY, 'sleepAt must be HH:MM'),
    wakeAt: z.string().regex(TIME_OF_DAY, 'wakeAt must be HH:MM'),
    timezone: z
      .string()
      .refine(isTimeZone, { message: 'timezone must be an IANA zone' })
      .default('UTC'),
    /** Days on which the environment wakes; it sleeps through the others. Default: every day. */
    days: z.array(weekdaySchema).max(7).optional(),
  })
  .strict()
  .refine(s => s.sleepAt !== s.wakeAt, {
    message: 'sleepAt and wakeAt must differ',
  });

function isTimeZone(zone: string): boolean {
  try {
    // Throws a RangeError for a zone the runtime does not know.
    return Boolean(new Intl.DateTimeFormat('en-US', { timeZone: zone }));
  } catch {
    return false;
  }
}

const parameterString = z
  .string()
  .max(253)
  .refine(v => !CONTROL_CHARACTERS.test(v), {
    message: 'must not contain newlines or control characters',
  });

/**
 * A parameter value; the class declares which names and types it accepts.
 *
 * @public
 */
export const parameterValueSchema = z.union([
  parameterString,
  z.number().finite(),
  z.boolean(),
  z.array(parameterString).max(50),
]);

/**
 * What a developer asks for. The class then checks size, TTL and parameters against its own rules.
 *
 * @public
 */
export const environmentRequestSchema = z
  .object({
    name: environmentNameSchema,
    owner: ownerRefSchema,
    class: z.string().min(1).max(63),
    cluster: z.string().min(1).max(253),
    size: z.string().min(1).max(63).optional(),
    ttl: durationSchema.optional(),
    sleepSchedule: sleepScheduleSchema.optional(),
    parameters: z.record(z.string().max(63), parameterValueSchema).optional(),
  })
  .strict();

/** @public */
export type EnvironmentRequestInput = z.input<typeof environmentRequestSchema>;
/** @public */
export type EnvironmentRequest = z.output<typeof environmentRequestSchema>;
/** @public */
export type SleepSchedule = z.output<typeof sleepScheduleSchema>;
/** @public */
export type ParameterValue = z.output<typeof parameterValueSchema>;

/**
 * The body of `PATCH /environments/:cluster/:name`.
 *
 * @public
 */
export const environmentPatchSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('extend'), ttl: durationSchema }).strict(),
  z.object({ action: z.literal('sleep') }).strict(),
  z.object({ action: z.literal('wake') }).strict(),
]);
/** @public */
export type EnvironmentPatch = z.output<typeof environmentPatchSchema>;

/**
 * Turns zod issues into one line a developer can act on.
 *
 * @public
 */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map(issue => {
      const path = issue.path.join('.');
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
