import { afterEach, describe, expect, it, vi } from 'vitest';
import { available } from './requirements.js';

describe('a requirement a suite needs', () => {
  const ci = process.env.CI;
  afterEach(() => {
    if (ci === undefined) delete process.env.CI;
    else process.env.CI = ci;
    vi.restoreAllMocks();
  });

  it('is simply there when present', () => {
    process.env.CI = 'true';
    expect(available('sphinx-build', true, 'apt-get install python3-sphinx')).toBe(true);
  });

  it('skips loudly when missing on a developer machine', () => {
    delete process.env.CI;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(available('sphinx-build', false, 'apt-get install python3-sphinx')).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('SKIPPED: sphinx-build is missing'));
  });

  it('fails under CI=true, naming what is missing and how to get it', () => {
    process.env.CI = 'true';
    expect(() => available('sphinx-build', false, 'apt-get install python3-sphinx')).toThrow(
      /sphinx-build is missing, and CI=true does not allow skipping: apt-get install python3-sphinx/,
    );
  });
});
