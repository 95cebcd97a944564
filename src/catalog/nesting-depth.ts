/**
 * A linear, parser-free estimate of how deeply a YAML text nests, so that hostile files (100,000
 * `[`, a million `- `) are refused before a recursive parser sees them. It follows block
 * indentation (compact `- - x` counts each level), flow brackets, quotes, comments and block
 * scalars; it may over-count odd plain text, which only matters far above any real catalog's depth.
 */

const BLOCK_SCALAR_HEADER = /(?:^|[ \t])[|>][-+0-9]*[ \t]*(?:#.*)?$/;

/** A block indicator (`- `, `? `, `: `) at `pos`: it opens one more level on the same line. */
function isIndicator(line: string, pos: number): boolean {
  const c = line[pos];
  const next = line[pos + 1];
  return (
    (c === '-' || c === '?' || c === ':') && (next === undefined || next === ' ' || next === '\t')
  );
}

/** The 1-based line where nesting first goes deeper than `limit`, or undefined. */
export function lineTooDeep(text: string, limit: number): number | undefined {
  const indents: number[] = [];
  let flow = 0;
  let quote: '"' | "'" | undefined;
  let blockScalarParent = -1;
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.replace(/\r$/, '');
    const indent = line.length - line.trimStart().length;
    if (blockScalarParent >= 0) {
      if (line.trim() === '' || indent > blockScalarParent) continue;
      blockScalarParent = -1;
    }
    let pos = indent;
    if (
      flow === 0 &&
      quote === undefined &&
      line.trim() !== '' &&
      !line.trimStart().startsWith('#')
    ) {
      while (true) {
        while (indents.length > 0 && indents[indents.length - 1]! > pos) indents.pop();
        if (indents.length === 0 || indents[indents.length - 1]! < pos) indents.push(pos);
        if (!isIndicator(line, pos) || indents.length > limit) break;
        pos += 1;
        while (line[pos] === ' ' || line[pos] === '\t') pos++;
        if (pos >= line.length) break;
      }
      if (BLOCK_SCALAR_HEADER.test(line)) blockScalarParent = indent;
    }
    for (let i = pos; i < line.length; i++) {
      const c = line[i];
      const prev = i === 0 ? ' ' : line[i - 1]!;
      // Quotes and brackets open only where a token may start: after a space in block context,
      // also after a flow indicator inside brackets.
      const tokenStart = flow > 0 ? /[\s,[\]{}:]/.test(prev) : /\s/.test(prev);
      if (quote !== undefined) {
        if (c === '\\' && quote === '"') i++;
        else if (c === quote) quote = undefined;
      } else if (c === '#' && /\s/.test(prev)) {
        break;
      } else if ((c === '"' || c === "'") && tokenStart) {
        quote = c;
      } else if ((c === '[' || c === '{') && (flow > 0 || tokenStart)) {
        flow++;
      } else if ((c === ']' || c === '}') && flow > 0) {
        flow--;
      }
      if (indents.length + flow > limit) return n + 1;
    }
    if (indents.length + flow > limit) return n + 1;
  }
  return undefined;
}
