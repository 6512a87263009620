import { describe, expect, it } from '@jest/globals';
import { createUserInputSchema, toFieldErrors } from './index.js';

describe('createUserInputSchema', () => {
  it('normalises email and deduplicates roles', () => {
    const parsed = createUserInputSchema.parse({
      email: '  Li.Lei@Example.COM ',
      name: '李雷',
      password: 'correct horse',
      roles: ['staff', 'staff', 'viewer'],
    });
    expect(parsed.email).toBe('li.lei@example.com');
    expect(parsed.roles).toEqual(['staff', 'viewer']);
  });

  it.each([
    [
      { email: 'x', name: '', password: 'short', roles: ['root'] },
      ['/email', '/name', '/password', '/roles/0'],
    ],
    [{ email: 'a@b.co', name: 'A', password: 'long enough', roles: [] }, ['/roles']],
    [
      { email: 'a@b.co', name: 'A', password: 'long enough', roles: ['viewer'], isAdmin: true },
      ['/isAdmin'],
    ],
    [{ email: 'a@b.co', name: 'A', password: 12345678, roles: 'admin' }, ['/password', '/roles']],
  ])('reports every failing field of %j', (input, paths) => {
    const result = createUserInputSchema.safeParse(input);
    expect(result.success).toBe(false);
    if (!result.success)
      expect(
        toFieldErrors(result.error)
          .map((e) => e.path)
          .sort(),
      ).toEqual(paths.sort());
  });

  it('escapes JSON pointer segments', () => {
    const result = createUserInputSchema.safeParse({
      email: 'a@b.co',
      name: 'A',
      password: 'long enough',
      roles: ['viewer'],
      'a/b~c': 1,
    });
    expect(!result.success && toFieldErrors(result.error, '/data')).toEqual([
      { path: '/data/a~1b~0c', message: 'is not allowed' },
    ]);
  });
});
