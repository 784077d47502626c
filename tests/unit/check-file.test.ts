import { describe, expect, it } from 'vitest';
import {
  checkAmendmentFile,
  checkTableFile,
  type FileKind,
  type FileMemo,
  type FileRecord,
  type SourceText,
} from '../../src/domain/check/file-rules.js';
import { checkSources } from '../../src/domain/check/check-sources.js';
import { parseYaml } from '../../src/domain/parse/yaml-source.js';
import { sha256 } from '../../src/io/hash.js';
import { readRepoFile } from '../helpers/data.js';
import { valueOf } from '../helpers/result.js';

/** A memo in memory that keeps its records as JSON, as the cache file does. */
function jsonMemo(): FileMemo & { records: Map<string, string> } {
  const records = new Map<string, string>();
  const key = (kind: FileKind, source: SourceText) => `${kind}\0${source.file}\0${source.text}`;
  return {
    records,
    recall: (kind, source) => {
      const json = records.get(key(kind, source));
      return json === undefined ? undefined : (JSON.parse(json) as FileRecord);
    },
    remember: (kind, source, record) => void records.set(key(kind, source), JSON.stringify(record)),
  };
}

const file = (path: string): SourceText => ({ file: path, text: readRepoFile(path) });

describe('the first stage of mtad check, recorded and recalled', () => {
  it('recalls an amendment equal to the parsed one, with the same positions, parsed only when asked', () => {
    const memo = jsonMemo();
    const source = file('data/amendments/mdust-close-foc-np.yaml');
    const parsed = checkAmendmentFile(source, sha256, memo);
    const recalled = checkAmendmentFile(source, sha256, memo);
    expect(memo.records.size).toBe(1);
    const { origin: parsedOrigin, ...parsedData } = parsed.data ?? { origin: undefined };
    const { origin: recalledOrigin, ...recalledData } = recalled.data ?? { origin: undefined };
    expect(recalledData).toEqual(parsedData);
    expect(recalled.findings).toEqual(parsed.findings);
    // A made amendment's checksum is recorded, so the lock needs no parse.
    expect(recalledOrigin?.contentChecksum).toMatch(/^[0-9a-f]{64}$/);
    for (const path of [['id'], ['changes', 0, 'to'], ['consultation', 'questions'], ['no', 'such', 'path']]) {
      expect(recalledOrigin?.locate(path)).toEqual(parsedOrigin?.locate(path));
    }
    expect(recalledOrigin?.locateKey(['consultation'], 'issued')).toEqual(
      parsedOrigin?.locateKey(['consultation'], 'issued'),
    );
    expect(recalledOrigin?.document.toJS()).toEqual(valueOf(parseYaml(source.text, source.file)).data);
  });

  it('records a file that does not parse, and gives the same findings', () => {
    const memo = jsonMemo();
    const source = { file: 'data/table-17.6.yaml', text: 'cohorts: [\n' };
    const first = checkTableFile(source, memo);
    expect(first.findings.map((d) => d.code)).toEqual(['YAML_SYNTAX']);
    expect(checkTableFile(source, memo)).toEqual(first);
  });

  it('checks the whole sequence the same over recalled files as over parsed ones', () => {
    const memo = jsonMemo();
    const input = {
      table: file('data/table-17.6.yaml'),
      amendments: ['mdust-close-foc-np', 'mdust-close-ioc-moc-mds', 'mdust-close-moc-secure'].map((id) =>
        file(`data/amendments/${id}.yaml`),
      ),
      lock: file('data/amendments.lock'),
      lockFile: 'data/amendments.lock',
      hash: sha256,
    };
    const plain = checkSources(input);
    checkSources({ ...input, memo });
    const recalled = checkSources({ ...input, memo });
    expect(recalled.diagnostics).toEqual(plain.diagnostics);
    expect(recalled.complete).toBe(true);
  });
});
