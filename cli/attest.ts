// The `attest` command line: batch work on texts that other tools can drive without a browser.
import { commands } from "./commands/index.ts";

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    const known = Object.keys(commands).sort().join(", ");
    process.stderr.write(
      name ? `attest: unknown command "${name}" (known: ${known})\n` : `usage: attest <command> [options] (commands: ${known})\n`,
    );
    return 2;
  }
  return command(rest);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`attest: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
