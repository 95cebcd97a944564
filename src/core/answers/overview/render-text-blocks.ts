/**
 * The block structure Markdown and reStructuredText share: a paragraph is one line of inline
 * text, a list is one `- ` line per item, and the table of contents is left out (their readers
 * make their own). Each format supplies its headings and its inline text.
 */
import type { Block, Inline } from './overview-document.js';

export interface TextMarkup {
  heading(block: Extract<Block, { type: 'heading' }>): string;
  /** A run of inline pieces as one line of markup. */
  inlines(content: readonly Inline[]): string;
}

/** The `renderBlock` of a text markup (undefined: the format leaves the block out). */
export function textBlockRenderer(markup: TextMarkup): (block: Block) => string | undefined {
  return (block) => {
    switch (block.type) {
      case 'heading':
        return markup.heading(block);
      case 'paragraph':
        return markup.inlines(block.content);
      case 'list':
        return block.items.map((item) => `- ${markup.inlines(item)}`).join('\n');
      case 'toc':
        return undefined;
    }
  };
}
