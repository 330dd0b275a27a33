// The table of `attest` subcommands; each returns its process exit code.

/** A subcommand: receives its arguments, resolves to an exit code. */
export type Command = (args: string[]) => Promise<number>;

/** Subcommands are loaded lazily so that one command never pays for another's start-up. */
export const commands: Record<string, Command> = {
  align: async (args) => (await import("./align-command.ts")).alignCommand(args),
  anchor: async (args) => (await import("./anchor-command.ts")).anchorCommand(args),
  check: async (args) => (await import("./check-command.ts")).checkCommand(args),
};
