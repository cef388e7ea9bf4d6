// With --mixed-hardware the summary counts the mixed fleet as it is (each size and its count), and the
// reasons say that the sizing's figures are in small-server equivalents.
import { describe, expect, it } from 'vitest';
import { renderTable } from '../../src/render/table.js';
import { planOf } from '../helpers.js';

describe('the mixed fleet in the summary', () => {
  it('250k users: "6 servers: 3 × m7g.large … + 3 × m7g.xlarge …", and the equivalents named', async () => {
    const plan = planOf({ users: 250_000, mixedHardware: true, simulate: false });
    const [small, large] = plan.compute.sizes!;
    const text = await renderTable(plan, { color: false, reasons: true, width: 200, ascii: false });
    expect(text).toContain(
      `${plan.compute.instances.expected} servers: ${small!.instances.expected} × ${small!.instanceType} (${small!.vcpus} vCPU, ${small!.memoryGb} GiB) + ${large!.instances.expected} × ${large!.instanceType}`,
    );
    expect(plan.compute.reasons.at(-1)).toMatch(
      new RegExp(
        `the mixed fleet itself is ${plan.compute.instances.expected} servers at peak, auto-scaling ${plan.compute.instances.min}–${plan.compute.instances.max}$`,
      ),
    );
  });
});
