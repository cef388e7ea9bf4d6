export const SIM_STRATEGIES = [
  'round-robin',
  'least-connections',
  'power-of-two',
  'ip-hash',
  'weighted',
  'random',
] as const;
export type SimStrategy = (typeof SIM_STRATEGIES)[number];
