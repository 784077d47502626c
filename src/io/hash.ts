/**
 * SHA-256 of bytes, or of a text's UTF-8 bytes, as lowercase hex: the checksums of the lock file
 * and of the files a pack's marker lists.
 */
export function sha256(content: string | Uint8Array): string {
  // Loaded on first use: most runs hash nothing, and node:crypto costs start-up time.
  const { createHash } = process.getBuiltinModule('node:crypto');
  const hash = createHash('sha256');
  return (typeof content === 'string' ? hash.update(content, 'utf8') : hash.update(content)).digest('hex');
}

/** SHA-256 of bytes (a Word document), as lowercase hex: the fingerprint a value imported from it is sourced to. */
export function sha256Bytes(bytes: Uint8Array): string {
  const { createHash } = process.getBuiltinModule('node:crypto');
  return createHash('sha256').update(bytes).digest('hex');
}
