// An error that stops the app at start-up, with its cause and the fix, printed as one line.

/** A start-up failure the user can fix; `fix` says how. */
export class StartupError extends Error {
  readonly fix: string;

  constructor(message: string, fix: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StartupError";
    this.fix = fix;
  }

  /** One line naming the cause and the fix. */
  toLine(): string {
    return `attest: ${this.message} — ${this.fix}`;
  }
}
