/** A file calibrate cannot read, naming the file (the CLI exits 2 with it). */
export class CalibrationError extends Error {
  override readonly name = 'CalibrationError';
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}
