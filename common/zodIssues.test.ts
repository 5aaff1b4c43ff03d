import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeZodIssues } from './zodIssues.ts';

const schema = z.object({ connections: z.number().int().min(1), url: z.string() }).refine((value) => value.connections < 100, 'too many');

function failureOf(input: unknown): z.ZodError {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error('expected a failure');
  return parsed.error;
}

describe('describeZodIssues', () => {
  it('names the field of each issue', () => {
    expect(describeZodIssues(failureOf({ connections: 0, url: 1 }))).toEqual(['connections: Too small: expected number to be >=1', 'url: Invalid input: expected string, received number']);
  });

  it('gives an issue on the whole value as its bare message, or under the given name', () => {
    const error = failureOf({ connections: 200, url: 'x' });
    expect(describeZodIssues(error)).toEqual(['too many']);
    expect(describeZodIssues(error, { wholeValue: '(record)' })).toEqual(['(record): too many']);
  });

  it('keeps the first `limit` issues', () => {
    expect(describeZodIssues(failureOf({ connections: 0, url: 1 }), { limit: 1 })).toHaveLength(1);
  });
});
