/** The largest user count the planner accepts, in an input and in a growth projection's months. */
export const MAX_USERS = 10_000_000_000;
