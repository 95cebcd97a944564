/**
 * Turn the figures of a run into tables (one per group) and a list of verdicts against the
 * targets. Verdicts are judged at every size; the targets themselves are stated for 100,000.
 */
import { fmtInt, fmtMiB, fmtMs, renderTable } from './format-table.js';
import {
  CORE_TARGETS,
  GiB,
  HEALTHZ_BESIDE_HEAVY_P99_MS,
  LOOP_BLOCK_MS,
  OVERVIEW_FIRST_MS,
  READ_P99_TARGETS,
  SERVER_TARGETS,
  TARGET_SIZE,
  verdict,
} from './targets.js';

const sizeLabel = (n) => n.toLocaleString('en-US');

/** Catalog-core rows: [label, target text, pick(size) → step figures, limit]. */
const CORE_ROWS = [
  ['validate', '< 5 s', (s) => s.core.validate, CORE_TARGETS.validate],
  ['apply → SQLite', '< 15 s', (s) => s.core.sqlite?.apply, CORE_TARGETS.apply],
  ['re-apply → SQLite (no-op)', '< 5 s', (s) => s.core.sqlite?.reapply, CORE_TARGETS.reapply],
  ['apply → PostgreSQL', '< 15 s', (s) => s.core.postgres?.apply, CORE_TARGETS.apply],
  ['re-apply → PostgreSQL (no-op)', '< 5 s', (s) => s.core.postgres?.reapply, CORE_TARGETS.reapply],
];

/** Whole-process rows (the real CLI, output to a file): [label, target text, pick, limit]. */
const WHOLE_ROWS = [
  ['validate, whole process', '< 5 s', (s) => s.core.wholeProcess?.validate, CORE_TARGETS.validate],
  [
    're-apply → SQLite (no-op), whole process',
    '< 5 s',
    (s) => s.core.wholeProcess?.sqlite?.reapply,
    CORE_TARGETS.reapply,
  ],
  [
    're-apply → PostgreSQL (no-op), whole process',
    '< 5 s',
    (s) => s.core.wholeProcess?.postgres?.reapply,
    CORE_TARGETS.reapply,
  ],
];

function corePeak(size) {
  const steps = CORE_ROWS.map(([, , pick]) => pick(size)).filter(Boolean);
  return Math.max(...steps.map((s) => s.peakRss));
}

/** Every judged figure of the run: { size, group, measure, value, unit, limit, verdict }. */
export function verdicts(run) {
  const out = [];
  const add = (size, group, measure, value, limit, unit) =>
    out.push({ size, group, measure, value, unit, limit, verdict: verdict(value, limit) });
  for (const s of run.sizes) {
    for (const [label, , pick, limit] of CORE_ROWS) {
      const step = pick(s);
      if (step) add(s.n, 'core', label, step.ms, limit, 'ms');
    }
    for (const [label, , pick, limit] of WHOLE_ROWS) {
      const step = pick(s);
      if (step) add(s.n, 'core', label, step.ms, limit, 'ms');
    }
    add(s.n, 'core', 'peak RSS (any step)', corePeak(s), CORE_TARGETS.peakRss, 'bytes');
    const read = s.read.sqlite;
    for (const [key, limit] of Object.entries(READ_P99_TARGETS)) {
      const route =
        read.routes[key] ?? (key === 'impactNear10k' ? read.routes.impactLargest : undefined);
      if (route) add(s.n, 'read', `p99 ${route.label}`, route.p99Ms, limit, 'ms');
    }
    for (const [key, r] of Object.entries(read.routes)) {
      if (r.loop)
        add(s.n, 'stalls', `longest block, ${r.label}`, r.loop.maxMs, LOOP_BLOCK_MS, 'ms');
      if (r.heavy && r.healthz) {
        const limit = HEALTHZ_BESIDE_HEAVY_P99_MS;
        add(s.n, 'stalls', `/healthz p99 beside ${r.label}`, r.healthz.p99Ms, limit, 'ms');
      }
      for (const c of r.cold ?? []) {
        add(s.n, 'stalls', `longest block, first ${c.path}`, c.loopMaxMs, LOOP_BLOCK_MS, 'ms');
        add(
          s.n,
          'stalls',
          `/healthz p99 beside first ${c.path}`,
          c.healthz.p99Ms,
          HEALTHZ_BESIDE_HEAVY_P99_MS,
          'ms',
        );
        if (key.startsWith('overview'))
          add(s.n, 'stalls', `first ${c.path}`, c.ms, OVERVIEW_FIRST_MS, 'ms');
      }
    }
    add(s.n, 'server', 'start-up, SQLite', read.startupMs, SERVER_TARGETS.startup, 'ms');
    const rss = Math.max(read.afterStart.rss, read.afterLoad.rss);
    add(s.n, 'server', 'RSS, SQLite (after start/load)', rss, SERVER_TARGETS.rss, 'bytes');
    const pg = s.read.postgres;
    if (pg) {
      add(s.n, 'server', 'start-up, PostgreSQL', pg.startupMs, SERVER_TARGETS.startup, 'ms');
      add(
        s.n,
        'server',
        'RSS after start, PostgreSQL',
        pg.afterStart.rss,
        SERVER_TARGETS.rss,
        'bytes',
      );
    }
  }
  return out;
}

export function coreTable(run, format = 'text') {
  const sizes = run.sizes;
  const last = sizes[sizes.length - 1];
  const header = [
    'measure',
    'target',
    ...sizes.map((s) => sizeLabel(s.n)),
    `@${sizeLabel(last.n)}`,
  ];
  const rows = CORE_ROWS.map(([label, target, pick, limit]) => [
    label,
    target,
    ...sizes.map((s) => {
      const step = pick(s);
      if (!step) return 'skipped';
      const cpu = step.cpuMs === undefined ? '' : `CPU ${fmtMs(step.cpuMs)}, `;
      return `${fmtMs(step.ms)} (${cpu}${fmtMiB(step.peakRss)})`;
    }),
    pick(last) ? verdict(pick(last).ms, limit) : 'n/a',
  ]);
  for (const [label, target, pick, limit] of WHOLE_ROWS) {
    if (!sizes.some((s) => pick(s))) continue;
    rows.push([
      label,
      target,
      ...sizes.map((s) => {
        const step = pick(s);
        if (!step) return 'skipped';
        return `${fmtMs(step.ms)} (${fmtMs(step.minMs)}–${fmtMs(step.maxMs)}, load ${step.loadAverage?.[0] ?? '?'})`;
      }),
      pick(last) ? verdict(pick(last).ms, limit) : 'n/a',
    ]);
  }
  rows.push([
    'peak RSS (any step)',
    '< 1 GiB',
    ...sizes.map((s) => fmtMiB(corePeak(s))),
    verdict(corePeak(last), GiB),
  ]);
  const note = last.n === TARGET_SIZE ? '' : ` — targets are stated for ${sizeLabel(TARGET_SIZE)}`;
  // Validation is one process's CPU work: wall time well above its CPU time means it waited for
  // the cores, i.e. other processes were busy (the figure is then pessimistic).
  const starved = sizes
    .filter((s) => s.core.validate.ms > 1.3 * (s.core.validate.cpuMs ?? Infinity))
    .map(
      (s) =>
        `note: validate at ${sizeLabel(s.n)} took ${fmtMs(s.core.validate.ms)} for ${fmtMs(s.core.validate.cpuMs)} of CPU (load average ${s.core.validate.loadAverage?.[0] ?? '?'} as it started): other processes were busy.`,
    );
  const table = renderTable(
    `Catalog core: time of the operation (its CPU time, peak RSS of its own process); whole process: the real CLI from spawn to exit, output to a file (median of 3, min–max, 1-minute load average)${note}`,
    [header, ...rows],
    format,
  );
  const printed = sizes
    .filter((s) => s.core.wholeProcess)
    .map(
      (s) =>
        `note: at ${sizeLabel(s.n)} the catalog has ${fmtInt(s.core.validate.warnings)} warnings (reviews dated back from ${s.catalog?.today ?? 'the run day'}); validate printed ${(s.core.wholeProcess.validate.outputBytes / 1e6).toFixed(1)} MB.`,
    );
  return [table, ...starved, ...printed].join(format === 'markdown' ? '\n\n' : '\n');
}

export function readTable(size, options, format = 'text') {
  const read = size.read.sqlite;
  const ceiling = read.routes.healthz?.requestsPerSec;
  const header = [
    'route',
    'conns',
    'p50',
    'p99',
    'req/s',
    '÷ ceiling',
    'p99 alone',
    'p99 target',
    'verdict',
  ];
  const rows = Object.entries(read.routes).map(([key, r]) => {
    const limit =
      READ_P99_TARGETS[key] ??
      (key === 'impactLargest' && !read.routes.impactNear10k
        ? READ_P99_TARGETS.impactNear10k
        : undefined);
    return [
      r.label,
      r.connections,
      fmtMs(r.p50Ms),
      fmtMs(r.p99Ms),
      fmtInt(r.requestsPerSec),
      key === 'healthz' || !ceiling ? '' : `${((100 * r.requestsPerSec) / ceiling).toFixed(1)}%`,
      r.alone ? fmtMs(r.alone.p99Ms) : '',
      limit === undefined ? '—' : `< ${limit} ms`,
      limit === undefined ? '' : verdict(r.p99Ms, limit),
    ];
  });
  // Issue #8: no request stalls the server.
  const stallHeader = [
    'route',
    'longest block',
    'target',
    'verdict',
    '/healthz p99 beside',
    'target',
    'verdict',
  ];
  const stallRows = Object.values(read.routes)
    .filter((r) => r.loop)
    .map((r) => [
      r.label,
      fmtMs(r.loop.maxMs),
      `< ${LOOP_BLOCK_MS} ms`,
      verdict(r.loop.maxMs, LOOP_BLOCK_MS),
      fmtMs(r.healthz?.p99Ms),
      r.heavy ? `< ${HEALTHZ_BESIDE_HEAVY_P99_MS} ms` : '',
      r.heavy ? verdict(r.healthz?.p99Ms, HEALTHZ_BESIDE_HEAVY_P99_MS) : '',
    ]);
  const coldHeader = [
    'first answer (nothing kept)',
    'time',
    'size',
    'longest block',
    'verdict',
    '/healthz p99 beside',
    'verdict',
    'time target',
    'verdict',
  ];
  const coldRows = Object.entries(read.routes).flatMap(([key, r]) =>
    (r.cold ?? []).map((c) => {
      const timed = key.startsWith('overview');
      return [
        c.path,
        fmtMs(c.ms),
        c.bytes >= 1e6 ? `${(c.bytes / 1e6).toFixed(1)} MB` : `${(c.bytes / 1e3).toFixed(1)} kB`,
        fmtMs(c.loopMaxMs),
        verdict(c.loopMaxMs, LOOP_BLOCK_MS),
        fmtMs(c.healthz.p99Ms),
        verdict(c.healthz.p99Ms, HEALTHZ_BESIDE_HEAVY_P99_MS),
        timed ? `< ${OVERVIEW_FIRST_MS / 1000} s` : '',
        timed ? verdict(c.ms, OVERVIEW_FIRST_MS) : '',
      ];
    }),
  );
  const serverRows = [
    [
      'start-up, SQLite (spawn → /readyz 200)',
      fmtMs(read.startupMs),
      '< 10 s',
      verdict(read.startupMs, SERVER_TARGETS.startup),
    ],
    [
      'RSS after start, SQLite',
      fmtMiB(read.afterStart.rss),
      '< 1 GiB',
      verdict(read.afterStart.rss, GiB),
    ],
    [
      'RSS after the load, SQLite',
      fmtMiB(read.afterLoad.rss),
      '< 1 GiB',
      verdict(read.afterLoad.rss, GiB),
    ],
  ];
  if (read.afterLoadCollected) {
    serverRows.push([
      '  … after a full GC (heap in use)',
      `${fmtMiB(read.afterLoadCollected.rss)} (${fmtMiB(read.afterLoadCollected.heapUsed)})`,
      '',
      '',
    ]);
  }
  const pg = size.read.postgres;
  if (pg) {
    serverRows.push(
      [
        'start-up, PostgreSQL',
        fmtMs(pg.startupMs),
        '< 10 s',
        verdict(pg.startupMs, SERVER_TARGETS.startup),
      ],
      [
        'RSS after start, PostgreSQL',
        fmtMiB(pg.afterStart.rss),
        '< 1 GiB',
        verdict(pg.afterStart.rss, GiB),
      ],
    );
  } else {
    serverRows.push(['PostgreSQL', 'skipped', '', '']);
  }
  return [
    renderTable(
      `HTTP read path at ${sizeLabel(size.n)} entities (server on SQLite; ${options.durationSec} s per route after ${options.warmupSec} s warm-up; "alone": ${options.aloneSec} s on one connection)`,
      [header, ...rows],
      format,
    ),
    ...(stallRows.length > 0
      ? [
          renderTable(
            `No request stalls the server at ${sizeLabel(size.n)} entities: the longest event-loop block in the server while each route is under load (monitorEventLoopDelay), and /healthz p99 beside it (one request every 10 ms from another process; judged beside the heavy routes)`,
            [stallHeader, ...stallRows],
            format,
          ),
        ]
      : []),
    ...(coldRows.length > 0
      ? [
          renderTable(
            `First answers at ${sizeLabel(size.n)} entities (computed in slices, then kept for the catalog version), with the longest block and /healthz p99 meanwhile`,
            [coldHeader, ...coldRows],
            format,
          ),
        ]
      : []),
    renderTable(
      `Server at ${sizeLabel(size.n)} entities`,
      [['measure', 'figure', 'target', 'verdict'], ...serverRows],
      format,
    ),
  ].join('\n\n');
}
