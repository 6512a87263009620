import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './config.js';
import { parseIsoDuration } from './iso-duration.js';

describe('loadConfig', () => {
  it('has defaults for everything', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      FORMWORK_SESSION_TTL: 12 * 3600_000,
      FORMWORK_COOKIE_SECURE: false,
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('names every bad variable on its own line, hiding secrets', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'abc',
        DATABASE_URL: 'mysql://u:secret@h/db',
        FORMWORK_SESSION_TTL: '12h',
        LOG_LEVEL: 'loud',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems } = error as ConfigError;
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/^PORT: .*"abc"/m);
    expect(problems.join('\n')).toMatch(/^DATABASE_URL: .*value hidden/m);
    expect(problems.join('\n')).not.toContain('secret');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).PORT).toBe(3000);
  });
});

describe('parseIsoDuration', () => {
  it.each([
    ['PT2S', 2000],
    ['P2D', 2 * 86_400_000],
    ['P1DT1H30M', 86_400_000 + 5_400_000],
    ['PT12H', 43_200_000],
  ])('%s is %i ms', (text, ms) => expect(parseIsoDuration(text)).toBe(ms));

  it.each(['', 'P', 'PT', '12h', 'P1Y', '-PT1S'])('refuses %j', (text) =>
    expect(parseIsoDuration(text)).toBeUndefined(),
  );
});
