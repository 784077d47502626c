/**
 * A narrative scaffolded by `mtad new close`, written as a drafter writes it: the version in place
 * of `<version>`, and a paragraph of DCC's (here a fictional stand-in) in place of each instruction
 * marked !todo. Untagging an instruction is not writing it: check refuses it (NARRATIVE_PLACEHOLDER).
 */
export function writtenNarrative(scaffold: string): string {
  return scaffold
    .replace('!todo MTAD <version> Draft Redlined', 'MTAD 4.FOCBG Draft Redlined')
    .replace(/^!todo .*$/gm, 'DCC writes this paragraph (a fictional stand-in).');
}
