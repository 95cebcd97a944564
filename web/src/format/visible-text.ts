/**
 * Catalog text shows as it is stored: invisible and control characters (a right-to-left override
 * in `evil\u202Egnp.exe`, zero-width spaces, escape sequences) are written out as `\u202E`
 * wherever the UI renders text. One hook on Preact's vnode creation does it for every element,
 * so no component can forget; the graph's canvas labels and the page title call `visibleText`.
 * The escaping itself is the core's (src/core/visible-text.ts), shared with the CLI and overview.
 */
import { options, type VNode } from 'preact';
import { visibleText as coreVisibleText } from '../../../src/core/visible-text.js';

/** Text as shown: line breaks and tabs kept (CSS decides), every other invisible written out. */
export function visibleText(text: string): string {
  return coreVisibleText(text, { keepLineBreaks: true });
}

/** Attributes that people read (tooltips, accessible names) as well as children. */
const TEXT_ATTRIBUTES = ['title', 'aria-label', 'aria-description', 'alt', 'placeholder'];

function visibleChildren(children: unknown): unknown {
  if (typeof children === 'string') return visibleText(children);
  if (!Array.isArray(children)) return children;
  let changed = false;
  const out = children.map((child: unknown) => {
    const shown = visibleChildren(child);
    if (shown !== child) changed = true;
    return shown;
  });
  return changed ? out : children;
}

let installed = false;

/** Makes every text child and readable attribute of every DOM element show invisibles escaped. */
export function installVisibleText(): void {
  if (installed) return;
  installed = true;
  // Another hook (preact/debug, devtools) may already be there: it runs after this one.
  const previous = options.vnode?.bind(options);
  options.vnode = (vnode: VNode) => {
    if (typeof vnode.type === 'string' && vnode.type !== 'style' && vnode.type !== 'script') {
      const props = vnode.props as Record<string, unknown>;
      if (props.children !== undefined) props.children = visibleChildren(props.children);
      for (const name of TEXT_ATTRIBUTES) {
        const value = props[name];
        if (typeof value === 'string') props[name] = visibleText(value);
      }
    }
    previous?.(vnode);
  };
}
