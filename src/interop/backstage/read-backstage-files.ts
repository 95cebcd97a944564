/**
 * Reading Backstage catalog files: every PATH (a file or a directory, walked for .yaml/.yml), and
 * every local file a Location entity points to, each file once. Remote Location targets are
 * reported, never fetched.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Finding } from '../../core/finding.js';
import { classifyTarget, expandGlob } from './location-targets.js';
import { finding, own } from './json-access.js';
import { readEnvelope, type EnvelopeEntity } from './read-envelope.js';
import { parseSourceFile, type SourceDocument } from './source-document.js';
import { readTextFile, walkDirectory } from './read-text-file.js';

export interface ReadOptions {
  /** Paths are shown relative to this directory (default: process.cwd()). */
  cwd?: string;
  /** Files larger than this are refused (default 5 MiB). */
  maxFileBytes?: number;
}

export interface SkippedDocument {
  file: string;
  line: number;
  reason: string;
}

export interface LocationReport {
  file: string;
  line: number;
  column: number;
  location: string;
  target: string;
  status: 'followed' | 'remote' | 'missing' | 'optional-missing';
  /** Files the target resolved to (followed targets). */
  files: string[];
}

export interface ReadResult {
  entities: EnvelopeEntity[];
  findings: Finding[];
  /** Every file read, in reading order, as shown to the user. */
  files: string[];
  skipped: SkippedDocument[];
  locations: LocationReport[];
}

const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;
class Reader {
  readonly result: ReadResult = {
    entities: [],
    findings: [],
    files: [],
    skipped: [],
    locations: [],
  };
  private readonly visited = new Set<string>();
  private readonly queue: string[] = [];

  constructor(
    private readonly cwd: string,
    private readonly maxBytes: number,
  ) {}

  show(abs: string): string {
    const rel = path.relative(this.cwd, abs);
    const shown = rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel;
    return shown.split(path.sep).join('/');
  }

  async addPath(given: string): Promise<void> {
    const abs = path.resolve(this.cwd, given);
    let info;
    try {
      info = await stat(abs);
    } catch {
      this.result.findings.push({
        severity: 'error',
        code: 'file.not_found',
        message: `${given}: no such file or directory`,
      });
      return;
    }
    if (info.isDirectory()) this.enqueue(...(await walkDirectory(abs)));
    else this.enqueue(abs);
  }

  private enqueue(...files: string[]): void {
    for (const file of files) {
      if (!this.visited.has(file)) {
        this.visited.add(file);
        this.queue.push(file);
      }
    }
  }

  async drain(): Promise<void> {
    for (let next = this.queue.shift(); next !== undefined; next = this.queue.shift()) {
      await this.readOne(next);
    }
  }

  private async readOne(abs: string): Promise<void> {
    const shown = this.show(abs);
    this.result.files.push(shown);
    const loaded = await readTextFile(abs, shown, this.maxBytes);
    if (typeof loaded !== 'string') {
      this.result.findings.push(loaded);
      return;
    }
    const text = loaded;
    const parsed = parseSourceFile(text, shown, abs);
    this.result.findings.push(...parsed.findings);
    for (const doc of parsed.documents) {
      const outcome = readEnvelope(doc);
      if (outcome.status === 'skipped') {
        this.result.skipped.push({
          file: shown,
          line: doc.locate([]).line,
          reason: outcome.reason,
        });
      } else if (outcome.status === 'invalid') {
        this.result.findings.push(...outcome.findings);
      } else {
        this.result.findings.push(...outcome.findings);
        this.result.entities.push(outcome.entity);
        if (outcome.entity.kind === 'Location') await this.follow(outcome.entity);
      }
    }
  }

  private targetsOf(entity: EnvelopeEntity): { target: string; path: (string | number)[] }[] {
    const out: { target: string; path: (string | number)[] }[] = [];
    const single = own(entity.spec, 'target');
    if (typeof single === 'string') out.push({ target: single, path: ['spec', 'target'] });
    else if (single !== undefined) {
      this.result.findings.push(
        finding(
          entity.doc,
          ['spec', 'target'],
          'error',
          'backstage.field_type',
          'spec.target must be a string',
          entity.ref,
        ),
      );
    }
    const many = own(entity.spec, 'targets');
    if (Array.isArray(many)) {
      many.forEach((t, i) => {
        if (typeof t === 'string') out.push({ target: t, path: ['spec', 'targets', i] });
        else
          this.result.findings.push(
            finding(
              entity.doc,
              ['spec', 'targets', i],
              'error',
              'backstage.field_type',
              'each Location target must be a string',
              entity.ref,
            ),
          );
      });
    } else if (many !== undefined) {
      this.result.findings.push(
        finding(
          entity.doc,
          ['spec', 'targets'],
          'error',
          'backstage.field_type',
          'spec.targets must be a list of strings',
          entity.ref,
        ),
      );
    }
    return out;
  }

  private async follow(entity: EnvelopeEntity): Promise<void> {
    const doc: SourceDocument = entity.doc;
    const optional = own(entity.spec, 'presence') === 'optional';
    for (const { target, path: fieldPath } of this.targetsOf(entity)) {
      const pos = doc.locate(fieldPath);
      const report: LocationReport = {
        file: doc.file,
        line: pos.line,
        column: pos.column,
        location: entity.ref,
        target,
        status: 'followed',
        files: [],
      };
      this.result.locations.push(report);
      const where = classifyTarget(target, path.dirname(doc.absPath));
      if (where.kind === 'remote') {
        report.status = 'remote';
        this.result.findings.push(
          finding(
            doc,
            fieldPath,
            'warning',
            'location.remote',
            `remote target ${where.url} is not fetched; import it separately`,
            entity.ref,
          ),
        );
        continue;
      }
      const files = where.glob ? await expandGlob(where.path) : await this.existing(where.path);
      if (files.length === 0) {
        report.status = optional ? 'optional-missing' : 'missing';
        if (!optional) {
          this.result.findings.push(
            finding(
              doc,
              fieldPath,
              where.glob ? 'warning' : 'error',
              'location.target_missing',
              where.glob
                ? `no file matches ${target}`
                : `target ${target} does not exist (${this.show(where.path)})`,
              entity.ref,
            ),
          );
        }
        continue;
      }
      report.files = files.map((f) => this.show(f));
      this.enqueue(...files);
    }
  }

  private async existing(abs: string): Promise<string[]> {
    try {
      const info = await stat(abs);
      return info.isDirectory() ? await walkDirectory(abs) : [abs];
    } catch {
      return [];
    }
  }
}

/** Read every PATH and every local file their Locations point to. */
export async function readBackstageSources(
  paths: readonly string[],
  options: ReadOptions = {},
): Promise<ReadResult> {
  const reader = new Reader(
    options.cwd ?? process.cwd(),
    options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
  );
  for (const given of paths) await reader.addPath(given);
  await reader.drain();
  return reader.result;
}
