/** SHA-256 of a text's UTF-8 bytes, as lowercase hex: the checksums of the lock file. */
export function sha256(text: string): string {
  // Loaded on first use: most runs hash nothing, and node:crypto costs start-up time.
  const { createHash } = process.getBuiltinModule('node:crypto');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
