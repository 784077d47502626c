/**
 * Why the system refused to read or write a path, in mtad's words. Node's own messages
 * ("EACCES: permission denied, open '/x'") repeat the path and the system call; the code says it.
 */
export function describeSystemError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'it does not exist';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
      return 'a part of its path is not a folder';
    case 'ELOOP':
      return 'its symbolic links loop';
    case 'ENAMETOOLONG':
      return 'its name is too long';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'the disk is full';
    case 'EROFS':
      return 'the file system is read-only';
    case 'EEXIST':
      return 'it already exists';
    case 'EBUSY':
    case 'ETXTBSY':
      return 'it is in use';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open';
    case 'EIO':
      return 'an input/output error of the device';
    case 'ENXIO':
    case 'ENODEV':
      return 'it is a device that cannot be read as a file';
    default:
      return code ? `the system refused it (${code})` : 'the system refused it';
  }
}
