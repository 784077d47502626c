import { describe, expect, it } from 'vitest';
import {
  checkAmendmentFile,
  checkTableFile,
  readDepartmentsRecalled,
  readLockRecalled,
  readNarrativeRecalled,
  type FileKind,
  type FileMemo,
  type FileRecord,
  type SourceText,
} from '../../src/domain/check/file-rules.js';
import { checkSources } from '../../src/domain/check/check-sources.js';
import { parseYaml } from '../../src/domain/parse/yaml-source.js';
import { locateLockEntry, parseLock } from '../../src/domain/history/amendment-lock.js';
import { parseNarrative } from '../../src/domain/parse/narrative-source.js';
import { parseDepartments } from '../../src/domain/parse/departments.js';
import { findingsOf } from '../../src/domain/model/result.js';
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

  it('recalls the lock, a narrative and the departments as parsing gives them, from what it recorded', () => {
    const memo = jsonMemo();
    const lock = file('data/amendments.lock');
    const narrative = file('data/consultations/mdust-close-moc-secure.md');
    const departments = file('data/departments.yaml');
    readLockRecalled(lock, memo);
    readNarrativeRecalled(narrative, memo);
    readDepartmentsRecalled(departments, memo);
    expect([...memo.records.keys()].map((key) => key.split('\0')[0]).sort()).toEqual([
      'departments',
      'lock',
      'narrative',
    ]);

    const parsedLock = valueOf(parseLock(lock.text, lock.file));
    const recalledLock = valueOf(readLockRecalled(lock, memo));
    expect(recalledLock.lock).toEqual(parsedLock.lock);
    expect(recalledLock.source.text).toBe(lock.text);
    // The parsed file behind a recalled lock still points at its entries, parsed when asked.
    for (const id of ['mdust-close-foc-np', 'mdust-close-ioc-moc-mds', 'not-recorded'])
      expect(locateLockEntry(recalledLock)(id)).toEqual(locateLockEntry(parsedLock)(id));
    expect(readNarrativeRecalled(narrative, memo)).toEqual(parseNarrative(narrative.text, narrative.file));
    expect(readDepartmentsRecalled(departments, memo)).toEqual(parseDepartments(departments.text, departments.file));
  });

  it('recalls what a record holds, and reads a file again once its text changed', () => {
    const memo = jsonMemo();
    const lock = file('data/amendments.lock');
    readLockRecalled(lock, memo);
    // A record that says something else than the file shows it is what a run with it recalls.
    const [key = '', json = ''] = [...memo.records][0] ?? [];
    const record = JSON.parse(json) as FileRecord;
    record.lock!.amendments[0]!.id = 'recalled-from-the-record';
    memo.records.set(key, JSON.stringify(record));
    expect(valueOf(readLockRecalled(lock, memo)).lock.amendments[0]?.id).toBe('recalled-from-the-record');

    const edited = { ...lock, text: `${lock.text}# edited\n` };
    expect(valueOf(readLockRecalled(edited, memo)).lock).toEqual(valueOf(parseLock(lock.text, lock.file)).lock);
    expect(memo.records.size).toBe(2);
  });

  it('records a lock or a narrative that does not read, and gives the same findings', () => {
    const memo = jsonMemo();
    const cases = [
      { file: 'data/amendments.lock', text: 'version: 2\nalgorithm: sha256\namendments: []\n', read: readLockRecalled },
      { file: 'data/amendments.lock', text: 'amendments: [\n', read: readLockRecalled },
      { file: 'data/consultations/x.md', text: 'no front matter\n', read: readNarrativeRecalled },
      {
        file: 'data/consultations/x.md',
        text: '---\nredlineAttachment: 1\nother: 2\n---\nBody\n',
        read: readNarrativeRecalled,
      },
    ];
    for (const { read, ...source } of cases) {
      const first = read(source, memo);
      expect(first.ok, source.text).toBe(false);
      const again = read(source, memo);
      expect(again, source.text).toEqual(first);
      expect(findingsOf(again).length, source.text).toBeGreaterThan(0);
    }
    expect(memo.records.size).toBe(cases.length);
  });

  it('checks narratives, departments and the lock the same over recalled files as over parsed ones', () => {
    const memo = jsonMemo();
    const narrative = file('data/consultations/mdust-close-moc-secure.md');
    const input = {
      table: file('data/table-17.6.yaml'),
      amendments: ['mdust-close-foc-np', 'mdust-close-ioc-moc-mds', 'mdust-close-moc-secure'].map((id) =>
        file(`data/amendments/${id}.yaml`),
      ),
      departments: [file('data/departments.yaml')],
      // A cohort named that is not the amendment's, a TODO and a stale entry in the lock: findings with positions.
      narratives: [{ ...narrative, text: `${narrative.text}\nAs for IOC, !todo decide.\n` }],
      lock: {
        file: 'data/amendments.lock',
        text: `${readRepoFile('data/amendments.lock')}  - id: "gone"\n    checksum: "${'0'.repeat(64)}"\n    fields: {}\n`,
      },
      lockFile: 'data/amendments.lock',
      hash: sha256,
    };
    const plain = checkSources(input);
    expect(plain.diagnostics.map((d) => d.code)).toEqual(
      expect.arrayContaining(['NARRATIVE_COHORT', 'NARRATIVE_TODO', 'LOCK_STALE']),
    );
    checkSources({ ...input, memo });
    const recalled = checkSources({ ...input, memo });
    expect(recalled.diagnostics).toEqual(plain.diagnostics);
    expect(recalled.lock).toEqual(plain.lock);
  });
});
