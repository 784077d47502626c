/** The code of the error start.cjs throws when a bundle it loads on first use is not in dist/. */
export const BUNDLE_MISSING = 'MTAD_BUNDLE_MISSING';

/** That error: the missing file, and the package's folder to build in. */
export interface BundleMissing {
  code: typeof BUNDLE_MISSING;
  file: string;
  root: string;
}

export function isBundleMissing(error: unknown): error is BundleMissing {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === BUNDLE_MISSING;
}
