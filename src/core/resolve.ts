import type { PlanInput } from './input.js';
import { PROFILES, type Profile } from './profiles.js';

/** The numbers the planner works from: the profile's defaults with the user's overrides applied. */
export interface Parameters extends Omit<Profile, 'description'> {
  users: number;
  profile: PlanInput['profile'];
  /** Which numbers the user set rather than took from the profile (for reasons and assumptions). */
  overridden: string[];
}

const OVERRIDES = {
  dauRatio: 'dauRatio',
  requestsPerUser: 'requestsPerUser',
  peakFactor: 'peakFactor',
  readRatio: 'readRatio',
  serviceTime: 'serviceTimeMs',
  payloadKb: 'payloadKb',
  storagePerUserMb: 'storagePerUserMb',
  latencyTarget: 'latencyTargetMs',
  requestDurations: 'requestDurations',
} as const satisfies Partial<Record<keyof PlanInput, keyof Profile>>;

export function resolveParameters(input: PlanInput): Parameters {
  const { description: _description, ...profile } = PROFILES[input.profile];
  const params: Parameters = { ...profile, users: input.users, profile: input.profile, overridden: [] };
  for (const [inputKey, profileKey] of Object.entries(OVERRIDES) as [keyof typeof OVERRIDES, keyof Profile][]) {
    const value = input[inputKey];
    if (value !== undefined) {
      (params as unknown as Record<string, unknown>)[profileKey] = value;
      params.overridden.push(inputKey);
    }
  }
  return params;
}
