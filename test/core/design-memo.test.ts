import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/render/json.js';
import { planOf } from '../helpers.js';
import type { RawInput } from '../../src/core/input.js';

/**
 * Plans of one input at several availability targets share the designs already priced (src/core/price-on.ts,
 * the last input per catalog): a plan made after the same input's other targets must be byte for byte
 * the plan made with nothing remembered.
 */
describe('designs shared between plans of the same input', () => {
  const inputs: RawInput[] = [
    { users: 800, profile: 'api', provider: 'gcp' },
    { users: 250_000, profile: 'saas', provider: 'aws' },
    { users: 3_000_000, profile: 'media', provider: 'azure', stateful: true },
    { users: 40_000, profile: 'ecommerce', provider: 'aws', regions: 'us-east-1=60,eu-west-1=40' },
  ];
  const targets = [undefined, 99.9, 99.95, 99.99, 99.999];
  /** Plans other inputs on the provider, so nothing of `input` is remembered any more. */
  const forget = (input: RawInput) => {
    for (let i = 1; i <= 3; i++) planOf({ ...input, users: 7_777 * i, simulate: false });
  };
  it('give the same document as a plan made with nothing remembered', () => {
    for (const input of inputs) {
      for (const target of targets) {
        const plain = { ...input, simulate: false };
        for (const other of targets) if (other !== target) planOf({ ...plain, availability: other });
        const afterOthers = renderJson(planOf({ ...plain, availability: target }));
        forget(plain);
        const alone = renderJson(planOf({ ...plain, availability: target }));
        expect(afterOthers).toBe(alone);
      }
    }
  });
});
