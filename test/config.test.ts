import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, MAX_FILE_BYTES: 10 * 1024 * 1024, MAX_PAGES: 20, API_KEYS: [] });
  });
  it('parses numbers and lists', () => {
    const c = loadConfig({ PORT: '8080', API_KEYS: 'a, b,,c', MAX_PAGES: '5' });
    expect(c.PORT).toBe(8080);
    expect(c.API_KEYS).toEqual(['a', 'b', 'c']);
    expect(c.MAX_PAGES).toBe(5);
  });
  it.each([
    ['PORT', 'eighty'],
    ['LOG_LEVEL', 'verbose'],
    ['MAX_PAGES', '0'],
    ['MAX_FILE_BYTES', '-1'],
  ])('stops on a bad %s naming the variable', (key, value) => {
    expect(() => loadConfig({ [key]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [key]: value })).toThrow(new RegExp(key));
  });
});
