/** Plain-text tables for the terminal: left-aligned first column, the rest right-aligned. */

export const fmtMs = (ms) =>
  ms === undefined || ms === null || Number.isNaN(ms)
    ? '—'
    : ms >= 1000
      ? `${(ms / 1000).toFixed(2)} s`
      : ms >= 100
        ? `${ms.toFixed(0)} ms`
        : `${ms.toFixed(2)} ms`;

export const fmtMiB = (bytes) =>
  bytes === undefined ? '—' : `${Math.round(bytes / (1024 * 1024)).toLocaleString('en-US')} MiB`;

export const fmtInt = (n) =>
  n === undefined || Number.isNaN(n) ? '—' : Math.round(n).toLocaleString('en-US');

/**
 * `rows` are arrays of cells; the first row is the header. `text` pads columns for a terminal;
 * `markdown` writes a GitHub table under a bold title (for docs/benchmarks.md).
 */
export function renderTable(title, rows, format = 'text') {
  if (format === 'markdown') {
    const line = (r) =>
      `| ${r.map((cell) => String(cell ?? '').replaceAll('|', '\\|')).join(' | ')} |`;
    const rule = `|${rows[0].map((_, c) => (c === 0 ? ' --- ' : ' ---: ')).join('|')}|`;
    return [`**${title}**`, '', line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
  }
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c] ?? '').length)));
  const line = (r) =>
    r
      .map((cell, c) =>
        c === 0 ? String(cell ?? '').padEnd(widths[c]) : String(cell ?? '').padStart(widths[c]),
      )
      .join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [title, line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
}
