/** Small writing helpers the overview sections share. */
import type { Entity } from '../../schema/entity.schema.js';
import {
  inlines,
  joinList,
  type Block,
  type Inline,
  type InlineLike,
} from './overview-document.js';

/** Names listed in one sentence before "and N more". */
export const MAX_NAMED = 20;

export const collator = new Intl.Collator('en', { sensitivity: 'base' });
export const byName = (a: Entity, b: Entity) =>
  collator.compare(a.name, b.name) || (a.id < b.id ? -1 : 1);

/** 12,345 (one formatter: `toLocaleString` makes a new one at every call). */
export const count = (n: number): string => NUMBERS.format(n);
const NUMBERS = new Intl.NumberFormat('en-US');

export const plural = (n: number, one: string, many = `${one}s`) =>
  `${count(n)} ${n === 1 ? one : many}`;

export function namedList(names: readonly string[]): Inline[] {
  if (names.length <= MAX_NAMED) return joinList(names);
  const rest = names.length - MAX_NAMED + 1;
  return joinList([...names.slice(0, MAX_NAMED - 1), `${count(rest)} more`]);
}

export const paragraph = (...parts: InlineLike[]): Block => ({
  type: 'paragraph',
  content: inlines(...parts),
});

/** Trimmed, ending with a full stop unless it already ends a sentence. */
export function sentence(s: string): string {
  const t = s.trim();
  return /[.!?…]["')\]]?$/.test(t) ? t : `${t}.`;
}

export function lowerFirst(s: string): string {
  return /^The\b/.test(s) ? `t${s.slice(1)}` : s;
}
