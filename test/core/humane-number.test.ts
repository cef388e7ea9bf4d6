import { describe, expect, it } from 'vitest';
import { formatUsers, parseHumaneNumber } from '../../src/core/humane-number.js';

describe('humane numbers', () => {
  it.each([
    ['250000', 250_000],
    ['250k', 250_000],
    ['250K', 250_000],
    ['1.5M', 1_500_000],
    ['2b', 2e9],
    ['50,000', 50_000],
    ['1,500,000', 1_500_000],
    ['50_000', 50_000],
    [' 42 ', 42],
    ['99.95', 99.95],
    ['-5', -5],
  ])('reads %s as %d', (text, value) => {
    expect(parseHumaneNumber(text)).toBe(value);
  });

  it.each(['abc', '', '5x', '1.2.3', 'k', '5,00'])('rejects %j', (text) => {
    expect(parseHumaneNumber(text)).toBeNaN();
  });

  it.each([
    [250_000, '250k'],
    [1_500_000, '1.5M'],
    [99_999, '99,999'],
    [10_000, '10k'],
    [950, '950'],
  ])('writes %d as %s', (users, text) => {
    expect(formatUsers(users)).toBe(text);
  });
});
