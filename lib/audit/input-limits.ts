import * as fs from 'fs';
import { isUtf8 } from 'buffer';
import { AuditInputError, firstLine } from './input-error';

/**
 * What `election-audit` will read. A template comes from a vendor the
 * auditor need not trust, so every limit bounds the time and memory a hostile
 * file can cost, and each is far above what CloudFormation itself accepts
 * (a template body of at most 1 MB, alphanumeric logical ids).
 */
export const INPUT_LIMITS = {
  /** Bytes in one file: 10 times CloudFormation's own 1 MB ceiling. */
  maxBytes: 10 * 1024 * 1024,
  /** Objects and arrays nested in one another (CloudFormation templates rarely pass 20). */
  maxDepth: 100,
  /**
   * Values (keys, items, scalars) in one template: a 1 MB template holds some
   * 50,000; the YAML reader needs about half a kilobyte for each.
   */
  maxValues: 200_000,
  /** YAML anchors and aliases in one file (each alias costs a scan of the others when resolved). */
  maxYamlAnchors: 1000,
  /** Nodes that YAML aliases may add when expanded ("billion laughs" adds billions). */
  maxYamlAliasNodes: 100_000,
} as const;

/** `10 MB` */
function megabytes(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/**
 * Reads a file as UTF-8 text, refusing what is not a bounded regular text
 * file: a FIFO, a device such as /dev/zero, a socket or a directory (which
 * would block or never end), a file over `INPUT_LIMITS.maxBytes`, a symbolic
 * link loop, binary data, UTF-16 or bytes that are not UTF-8. The FIFO is
 * opened without blocking, and checked on the descriptor that is read, so no
 * file can be swapped in between.
 */
export function readInputFile(file: string, display: string): string {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (error) {
    throw openError(error, display);
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new AuditInputError(`${display}: not a regular file (${kindOf(stat)}), so not a template`);
    if (stat.size > INPUT_LIMITS.maxBytes) throw tooLarge(display, stat.size);
    const bytes = readAtMost(fd, INPUT_LIMITS.maxBytes + 1);
    if (bytes.length > INPUT_LIMITS.maxBytes) throw tooLarge(display, bytes.length);
    return decodeText(bytes, display);
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads until end of file or `limit` bytes, whichever comes first (a file may grow after fstat). */
function readAtMost(fd: number, limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < limit) {
    const chunk = Buffer.alloc(Math.min(1024 * 1024, limit - total));
    const read = fs.readSync(fd, chunk, 0, chunk.length, null);
    if (read === 0) break;
    chunks.push(chunk.subarray(0, read));
    total += read;
  }
  return Buffer.concat(chunks, total);
}

function decodeText(bytes: Buffer, display: string): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    throw new AuditInputError(`${display}: UTF-16 text; save the template as UTF-8`);
  }
  if (bytes.includes(0)) throw new AuditInputError(`${display}: a binary file (it holds NUL bytes), not a JSON or YAML template`);
  if (!isUtf8(bytes)) throw new AuditInputError(`${display}: not UTF-8 text (byte ${firstNonUtf8Byte(bytes)} is not valid UTF-8), so not a template`);
  return bytes.toString('utf8');
}

/** The 0-based offset of the first byte that breaks UTF-8: the longest valid prefix, found by bisection. */
function firstNonUtf8Byte(bytes: Buffer): number {
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const middle = Math.floor((good + bad) / 2);
    // A prefix cut inside a valid multi-byte character is invalid too: allow up to 3 more bytes to finish it.
    if (isUtf8(bytes.subarray(0, middle)) || [1, 2, 3].some((extra) => middle + extra <= bytes.length && isUtf8(bytes.subarray(0, middle + extra)))) good = middle;
    else bad = middle;
  }
  return good;
}

function tooLarge(display: string, size: number): AuditInputError {
  const what = size > INPUT_LIMITS.maxBytes + 1 ? `${megabytes(size)}` : `over ${megabytes(INPUT_LIMITS.maxBytes)}`;
  return new AuditInputError(`${display}: too large (${what}; the limit is ${megabytes(INPUT_LIMITS.maxBytes)}, and CloudFormation accepts templates of at most 1 MB)`);
}

function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}

/** A clear reason for a path that cannot be opened or examined. */
export function openError(error: unknown, display: string): AuditInputError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new AuditInputError(`${display}: no such file or directory`);
  if (code === 'ELOOP') return new AuditInputError(`${display}: a loop of symbolic links`);
  if (code === 'EACCES' || code === 'EPERM') return new AuditInputError(`${display}: cannot read the file (permission denied)`);
  if (code === 'ENOTDIR') return new AuditInputError(`${display}: a path through something that is not a directory`);
  return new AuditInputError(`${display}: cannot read the file: ${firstLine(error)}`);
}

/**
 * Walks a parsed template without recursion (so a hostile depth cannot
 * overflow the stack) and refuses more than `INPUT_LIMITS.maxValues` values,
 * nesting deeper than `INPUT_LIMITS.maxDepth`, and any `__proto__` key:
 * JSON.parse and the YAML reader keep it as an own key, but any later copy by
 * assignment would turn it into a prototype and let a template add
 * properties no one can see in it.
 */
export function checkParsedShape(value: unknown, display: string): void {
  const stack: ShapeItem[] = [{ value, depth: 1 }];
  let values = 1;
  const more = (count: number) => {
    values += count;
    if (values > INPUT_LIMITS.maxValues) throw tooManyValues(display);
  };
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item.value !== 'object' || item.value === null) continue;
    if (item.depth > INPUT_LIMITS.maxDepth) throw tooDeep(display);
    if (Array.isArray(item.value)) {
      more(item.value.length);
      item.value.forEach((child, index) => stack.push({ value: child, depth: item.depth + 1, parent: item, key: String(index) }));
      continue;
    }
    const keys = Object.keys(item.value);
    more(2 * keys.length);
    for (const key of keys) {
      const child: ShapeItem = { value: (item.value as Record<string, unknown>)[key], depth: item.depth + 1, parent: item, key };
      if (key === '__proto__') throw new AuditInputError(`${display}: key '__proto__' at ${pathOf(child)}: a name JavaScript reserves, which no template needs`);
      stack.push(child);
    }
  }
}

/** The error for a template of more values than the limit. */
export function tooManyValues(display: string): AuditInputError {
  return new AuditInputError(`${display}: more than ${INPUT_LIMITS.maxValues} values (keys and items), far more than any template CloudFormation deploys`);
}

/** A value met in the walk, linked to its parent so that a message can name where it is. */
interface ShapeItem {
  readonly value: unknown;
  readonly depth: number;
  readonly parent?: ShapeItem;
  readonly key?: string;
}

/** `Resources.Bucket.Metadata.__proto__`, built only for a message. */
function pathOf(item: ShapeItem): string {
  const keys: string[] = [];
  for (let at: ShapeItem | undefined = item; at?.parent !== undefined; at = at.parent) {
    keys.unshift(Array.isArray(at.parent.value) ? `[${at.key}]` : `.${at.key}`);
  }
  return keys.join('').replace(/^\./, '');
}

/** The error for a template nested deeper than the limit. */
export function tooDeep(display: string): AuditInputError {
  return new AuditInputError(`${display}: nested more than ${INPUT_LIMITS.maxDepth} levels deep (objects and lists within one another)`);
}
