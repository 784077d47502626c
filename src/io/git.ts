import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import type { GitProblem, GitRefusal } from '../domain/model/diagnostics.js';

/** What git says, or why it could not say it. */
type GitAnswer = { ok: true; text: string } | { ok: false; refusal: GitRefusal };

function runGit(args: readonly string[], cwd: string): Promise<GitAnswer> {
  return new Promise((done) => {
    execFile('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (!error) return done({ ok: true, text: stdout });
      const code = (error as NodeJS.ErrnoException).code;
      done({
        ok: false,
        refusal:
          code === 'ENOENT'
            ? { kind: 'not-installed' }
            : { kind: 'said', said: stderr.trim().split('\n')[0] || error.message },
      });
    });
  });
}

/**
 * The files changed since `ref` (absolute paths): those `git diff` lists between the commit and the
 * working tree, and the untracked files git does not ignore (a new amendment not yet added). The
 * ref is resolved first with --end-of-options, so that a value such as --output=FILE is a name git
 * looks up, never an option it obeys.
 */
export async function changedFilesSince(
  ref: string,
  cwd: string,
): Promise<{ files: ReadonlySet<string> } | { problem: GitProblem }> {
  const top = await runGit(['rev-parse', '--show-toplevel'], cwd);
  if (!top.ok) return { problem: { problem: 'no-repository', folder: cwd, git: top.refusal } };
  const root = top.text.replace(/\n$/, '');
  const commit = await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], cwd);
  if (!commit.ok) return { problem: { problem: 'no-commit', ref } };
  const sha = commit.text.trim();
  const [diff, untracked] = await Promise.all([
    runGit(['diff', '--name-only', '--no-renames', '-z', sha, '--'], root),
    runGit(['ls-files', '--others', '--exclude-standard', '-z'], root),
  ]);
  if (!diff.ok) return { problem: { problem: 'git-failed', git: diff.refusal } };
  if (!untracked.ok) return { problem: { problem: 'git-failed', git: untracked.refusal } };
  const names = `${diff.text}${untracked.text}`.split('\0').filter((name) => name !== '');
  return { files: new Set(names.map((name) => resolve(root, name))) };
}
