/** An error tied to a place in a file: `file:line:col: message`. */
export class LocatedError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number,
    readonly col: number,
  ) {
    super(`${file}:${line}:${col}: ${message}`);
    this.name = 'LocatedError';
  }
  get detail(): string {
    return this.message.slice(`${this.file}:${this.line}:${this.col}: `.length);
  }
}

/** A problem found in user input; the whole list is reported, not just the first one. */
export class InputErrors extends Error {
  constructor(readonly errors: LocatedError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'InputErrors';
  }
}
