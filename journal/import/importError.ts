// Errors and warnings of the importers. Parsers work on lines of one file and throw a
// ReportError with the file's line number; importText adds the file name (ImportError).

/** What an import could not read: "seed.txt:42: truncated wrk report …". */
export class ImportError extends Error {
  readonly fileName: string;
  /** 1-based line in the file, or null when the problem is the file as a whole. */
  readonly line: number | null;

  constructor(fileName: string, line: number | null, reason: string) {
    super(line === null ? `${fileName}: ${reason}` : `${fileName}:${line}: ${reason}`);
    this.name = 'ImportError';
    this.fileName = fileName;
    this.line = line;
  }
}

/** A parser's failure at a line of the file, before the file name is known. */
export class ReportError extends Error {
  readonly line: number | null;

  constructor(line: number | null, reason: string) {
    super(reason);
    this.name = 'ReportError';
    this.line = line;
  }
}

/** Collects odd-but-readable things: the run is imported, the person is told. */
export interface Diagnostics {
  warn(line: number | null, message: string): void;
}

/** Diagnostics that prefix each warning with the file name and line, like ImportError. */
export function collectWarnings(fileName: string, into: string[]): Diagnostics {
  return {
    warn(line, message) {
      into.push(line === null ? `${fileName}: ${message}` : `${fileName}:${line}: ${message}`);
    },
  };
}
