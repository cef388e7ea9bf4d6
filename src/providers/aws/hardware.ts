import { hardwareReader } from '../hardware.js';

/** Graviton families carry a "g" after the generation: m7g, m7gd, c7gn, t4g, db.r7g, cache.r7g. */
export const awsHardware = hardwareReader((id) =>
  /^[a-z]+\d+[a-z]*g[a-z]*$/.test(id.replace(/^(db|cache)\./, '').split('.')[0] ?? ''),
);
