// `attest align`: placeholder until the align command lands.
export async function alignCommand(_args: string[]): Promise<number> {
  process.stderr.write("attest align: not available in this build\n");
  return 2;
}
