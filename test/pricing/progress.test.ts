import { describe, expect, it } from 'vitest';
import { progressReporter } from '../../src/pricing/refresh/progress.js';

const sink = (isTTY: boolean) => {
  const out: string[] = [];
  return { stream: { write: (s: string) => out.push(s), isTTY }, out };
};

describe('download progress on stderr', () => {
  it('plain lines, one per tenth, when stderr is not a terminal', () => {
    const { stream, out } = sink(false);
    const task = progressReporter(stream, false).start('AmazonEC2 us-east-1');
    task.total(100e6);
    for (let i = 0; i < 100; i++) task.advance(1e6);
    task.done('9 products, 4 matched');
    expect(out[0]).toBe('AmazonEC2 us-east-1: downloading 100.0 MB\n');
    expect(out.filter((l) => /: \d0% /.test(l))).toHaveLength(9);
    expect(out.every((l) => !l.includes('\r'))).toBe(true);
    expect(out.at(-1)).toBe('AmazonEC2 us-east-1: 100.0 MB, 9 products, 4 matched\n');
  });
  it('a bar redrawn in place on a terminal', () => {
    const { stream, out } = sink(true);
    const task = progressReporter(stream, false).start('offer');
    task.total(10e6);
    task.advance(5e6);
    expect(out[0]).toMatch(/^\roffer \[#{15}-{15}\] 50% 5\.0 MB of 10\.0 MB/);
  });
  it('-q keeps it silent', () => {
    const { stream, out } = sink(false);
    const task = progressReporter(stream, true).start('offer');
    task.total(10);
    task.advance(10);
    task.done('ok');
    expect(out).toEqual([]);
  });
});
