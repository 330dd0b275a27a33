// `attest anchor`: placeholder until the anchor command lands.
export async function anchorCommand(_args: string[]): Promise<number> {
  process.stderr.write("attest anchor: not available in this build\n");
  return 2;
}
