// Test helper: the real reports under testdata/ (see testdata/SOURCES.md), read and imported.
import { readdirSync, readFileSync } from 'node:fs';
import { importText, type ImportResult } from './importText.ts';
import { splitLines, type SourceLine } from './sourceLines.ts';

const DIR = new URL('./testdata/', import.meta.url);

export const IMPORTED_AT = '2026-11-27T12:00:00.000Z';

export function testdataNames(): string[] {
  return readdirSync(DIR)
    .filter((name) => name !== 'SOURCES.md')
    .sort();
}

export function readTestdata(name: string): string {
  return readFileSync(new URL(name, DIR), 'utf8');
}

export function testdataLines(name: string): SourceLine[] {
  return splitLines(readTestdata(name));
}

export function importTestdata(name: string, fileName = name): ImportResult {
  return importText(readTestdata(name), { fileName, importedAt: IMPORTED_AT });
}

/** Collects warnings for parser-level tests. */
export function warningsSink(): { warnings: string[]; diagnostics: { warn(line: number | null, message: string): void } } {
  const warnings: string[] = [];
  return { warnings, diagnostics: { warn: (line, message) => warnings.push(`${line ?? '-'}: ${message}`) } };
}
