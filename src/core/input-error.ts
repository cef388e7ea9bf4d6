/**
 * An input the planner cannot honour, naming the input field (the CLI turns the field into a flag or a
 * file key). Thrown only for inputs that pass the schema but contradict the catalog or each other.
 */
export class PlanInputError extends Error {
  override readonly name = 'PlanInputError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
