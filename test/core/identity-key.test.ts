import { describe, expect, it } from 'vitest';
import { identity } from '../../src/core/identity-key.js';

describe('an object identity for memo keys', () => {
  it('is the same number for the same object and a different one for another, even an equal one', () => {
    const a = { servers: 3 };
    const b = { servers: 3 };
    expect(identity(a)).toBe(identity(a));
    expect(identity(b)).not.toBe(identity(a));
    const many = Array.from({ length: 1000 }, () => ({}));
    expect(new Set(many.map(identity)).size).toBe(1000);
  });
});
