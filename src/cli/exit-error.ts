export const EXIT = { ok: 0, failure: 1, usage: 2, gate: 3, interrupted: 130 } as const;

/** The one error type that carries an exit code; the top-level catch in run() turns it into one line on stderr. */
export class ExitError extends Error {
  override readonly name = 'ExitError';
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

export const usageError = (message: string) => new ExitError(EXIT.usage, message);
