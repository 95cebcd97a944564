/**
 * The overview page as a small document model: headings, paragraphs and bullet lists of inline
 * text and links. The prose is written once (build-overview.ts); each renderer only escapes and
 * formats, so Markdown, reStructuredText and HTML always say the same thing.
 */

export type Inline = { type: 'text'; text: string } | { type: 'link'; text: string; url: string };

export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string; anchor?: string }
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'list'; items: Inline[][] }
  /** HTML only: a short table of contents (Markdown and RST readers have their own). */
  | { type: 'toc'; items: { text: string; anchor: string }[] };

export interface OverviewDocument {
  title: string;
  blocks: Block[];
}

/** Blocks written one at a time; `undefined` between them marks a point to pause at (core/sliced.ts). */
export type BlockStream = Generator<Block | undefined, void, undefined>;

export const text = (value: string): Inline => ({ type: 'text', text: value });
export const link = (label: string, url: string): Inline => ({ type: 'link', text: label, url });

/** A run of inline pieces: strings become text, arrays are flattened. */
export type InlineLike = string | Inline | readonly InlineLike[];

export function inlines(...parts: InlineLike[]): Inline[] {
  const out: Inline[] = [];
  const walk = (part: InlineLike) => {
    if (typeof part === 'string') {
      if (part !== '') out.push(text(part));
    } else if (Array.isArray(part)) (part as readonly InlineLike[]).forEach(walk);
    else out.push(part as Inline);
  };
  parts.forEach(walk);
  return out;
}

/** "a", "a and b", "a, b, and c" (or "or"), keeping links as links. */
export function joinList(items: readonly InlineLike[], conjunction = 'and'): Inline[] {
  if (items.length <= 2) {
    return inlines(...items.flatMap((item, i) => (i === 0 ? [item] : [` ${conjunction} `, item])));
  }
  const head = items.slice(0, -1).flatMap((item, i) => (i === 0 ? [item] : [', ', item]));
  return inlines(...head, `, ${conjunction} `, items[items.length - 1] ?? '');
}

/** Plain text of inline pieces (for tests and titles). */
export function plainText(content: readonly Inline[]): string {
  return content.map((i) => i.text).join('');
}

/** Only these URL schemes become links (IRC for chat channels); anything else is shown as text. */
export function isLinkable(url: string): boolean {
  return /^(https?:\/\/|ircs?:\/\/|mailto:)/i.test(url);
}

/** Render each block and join them as paragraphs (blocks a format leaves out render undefined). */
export function renderBlocks(
  doc: OverviewDocument,
  render: (block: Block) => string | undefined,
): string {
  const parts = doc.blocks.map(render).filter((b): b is string => b !== undefined && b !== '');
  return `${parts.join('\n\n')}\n`;
}
