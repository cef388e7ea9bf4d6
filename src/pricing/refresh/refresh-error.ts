/** A refresh that could not finish: the previous catalog stays exactly as it was. */
export class RefreshError extends Error {
  override readonly name = 'RefreshError';
  constructor(
    message: string,
    /** 2 when the user must change something (a missing API key), 1 when the source failed. */
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}
