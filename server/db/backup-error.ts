// An error that stops a backup or a restore, with its cause and the fix, printed as one line.

/** A backup or restore that cannot go ahead; `fix` says what to do. */
export class BackupError extends Error {
  readonly fix: string;

  constructor(message: string, fix: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "BackupError";
    this.fix = fix;
  }

  /** One line naming the cause and the fix. */
  toLine(): string {
    return `attest: ${this.message} — ${this.fix}`;
  }
}
