/**
 * Invisible and control characters in an entity's free text (descriptions, notes, roles, titles,
 * contact values...): a warning for each field that holds one. Names are checked by the schema
 * (an error: `name.invisible`), ids and references by their patterns (`id.invalid`).
 */
import type { Entity } from './schema/entity.schema.js';
import { describeCharacter, escapeCharacter, findInvisible, visibleText } from './visible-text.js';

export interface InvisibleTextFinding {
  path: (string | number)[];
  message: string;
}

/** Tabs and line breaks are text (a block scalar makes them in any field); names refuse them. */
const LINE_BREAKS_ALLOWED = { keepLineBreaks: true };
/** Checked elsewhere: ids by their pattern, names by the schema. */
const TOP_LEVEL_SKIPPED = new Set(['id', 'name']);

function excerpt(value: string, index: number): string {
  const start = Math.max(0, index - 20);
  const shown = visibleText(value.slice(start, index + 20), { keepLineBreaks: true });
  return `${start > 0 ? '…' : ''}${shown.replace(/\s+/g, ' ')}${index + 20 < value.length ? '…' : ''}`;
}

/** One finding per string field of `entity` that holds an invisible or control character. */
export function invisibleTextFindings(entity: Entity): InvisibleTextFinding[] {
  const out: InvisibleTextFinding[] = [];
  // One path, pushed and popped: copied only for a finding (this runs on every entity).
  const path: (string | number)[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      const found = findInvisible(value, LINE_BREAKS_ALLOWED);
      if (found === undefined) return;
      const field = path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`));
      out.push({
        path: [...path],
        message: `${field.join('')} holds ${describeCharacter(found.character)}, an invisible or control character (outputs show it as ${escapeCharacter(found.character)}): "${excerpt(value, found.index)}"`,
      });
    } else if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        visit(value[i]);
        path.pop();
      }
    } else if (value !== null && typeof value === 'object') {
      for (const k in value) {
        path.push(k);
        visit((value as Record<string, unknown>)[k]);
        path.pop();
      }
    }
  };
  for (const key in entity) {
    if (TOP_LEVEL_SKIPPED.has(key)) continue;
    path.push(key);
    visit((entity as Record<string, unknown>)[key]);
    path.pop();
  }
  return out;
}
