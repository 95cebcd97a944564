/**
 * reStructuredText rendering that builds under Sphinx with `-W` (warnings as errors): catalog text
 * is backslash-escaped, links are anonymous (`text <url>`__, so two links with the same text never
 * clash), titles get underlines at least as wide as they are, and lists have blank lines around.
 */
import {
  isLinkable,
  oneLine,
  renderBlocks,
  type Inline,
  type OverviewDocument,
} from './overview-document.js';
import { collapse } from './render-markdown.js';
import { textBlockRenderer } from './render-text-blocks.js';

/**
 * Backslash-escape inline markup characters; `atStart` also guards what could start a block.
 * Every ":" and "@" is escaped too: docutils (and so Sphinx) makes a link of any known URI scheme
 * (`javascript:alert(1)`, `file:///`) and of anything shaped like an e-mail address in plain text,
 * and an escaped character breaks both patterns. It also keeps "::" from announcing a literal
 * block and ":role:" from being read as a role.
 */
export function escapeRst(value: string, atStart = false): string {
  const out = RST_SPECIAL.test(value) ? value.replace(RST_SPECIALS, '\\$&') : value;
  // Lists, enumerators ("1.", "A.", "(a)"), comments (".."), tables and transitions all start
  // with something other than a letter, or with a short enumerator: escape their first character.
  if (atStart && (NOT_LETTER_FIRST.test(out) || ENUMERATOR_FIRST.test(out))) return `\\${out}`;
  return out;
}

const RST_SPECIAL = /[\\`*_|[\]<>:@]/;
const RST_SPECIALS = new RegExp(RST_SPECIAL.source, 'g');
const NOT_LETTER_FIRST = /^[^\p{L}\\]/u;
const ENUMERATOR_FIRST = /^\p{L}{1,4}[.)](\s|$)/u;

/** A URL safe inside `<...>`: characters docutils would read otherwise are percent-encoded. */
export function rstUrl(url: string): string {
  const encoded = url.replace(
    /[\s<>`\\"]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  // A trailing underscore would make the target a reference name.
  return encoded.replace(/_$/, '%5F');
}

/** Columns a line takes, counting East Asian wide characters twice (as docutils does). */
export function columnWidth(value: string): number {
  let width = 0;
  for (const ch of value) {
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u.test(
        ch,
      )
        ? 2
        : 1;
  }
  return width;
}

/** What inline markup may follow (white space or some punctuation). */
const OPENS_MARKUP = /[\s(['"<{/:-]$/;
/** Text that may not follow inline markup without a "\ " between. */
const NOT_AFTER_MARKUP = /^[^\s.,;:!?)\]}'"/\\-]/;

function renderInlines(content: readonly Inline[]): string {
  let out = '';
  // The last piece added that was not empty (what `out` ends with), and whether it was a link:
  // tested instead of `out`, which would be flattened at every test.
  let last = '';
  let afterLink = false;
  for (const piece of content) {
    const atStart = out === '';
    if (piece.type === 'link' && isLinkable(piece.url)) {
      const label = escapeRst(collapse(piece.text) || piece.url);
      // Inline markup must follow white space or punctuation; "\ " is an invisible separator.
      if (out !== '' && !OPENS_MARKUP.test(last)) out += '\\ ';
      last = `\`${label} <${rstUrl(piece.url)}>\`__`;
      out += last;
      afterLink = true;
    } else {
      const value = oneLine(piece.text);
      let escaped = escapeRst(atStart ? value.trimStart() : value, atStart);
      if (escaped === '') continue;
      // Escaped text never ends as a link does ("`" and "_" are escaped).
      if (afterLink && NOT_AFTER_MARKUP.test(escaped)) escaped = `\\ ${escaped}`;
      out += escaped;
      last = escaped;
      afterLink = false;
    }
  }
  return out.trim();
}

const ADORNMENT = { 1: '=', 2: '-', 3: '~' } as const;

/** One block (undefined: the format leaves it out). */
export const renderBlock = textBlockRenderer({
  heading: (block) => {
    const title = escapeRst(collapse(block.text), true) || 'Untitled';
    const line = ADORNMENT[block.level].repeat(Math.max(columnWidth(title), 3));
    return block.level === 1 ? `${line}\n${title}\n${line}` : `${title}\n${line}`;
  },
  inlines: renderInlines,
});

export function renderRst(doc: OverviewDocument): string {
  return renderBlocks(doc, renderBlock);
}
