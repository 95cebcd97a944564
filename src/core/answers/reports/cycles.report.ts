import type { CatalogIndex } from '../catalog-index.js';
import type { ReportRow, ReportSpec } from './report-types.js';
import { runToEnd, sortSliced, ticker, type Sliced } from '../../sliced.js';
import { summarize } from './ownership.js';

/** Strongly connected components of the dependsOn graph (Tarjan, iterative: no deep recursion). */
function* components(index: CatalogIndex): Sliced<string[][]> {
  const tick = ticker(1024);
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let counter = 0;
  const deps = (id: string) => index.references(id, 'dependsOn').filter((d) => index.has(d));
  for (const start of index.each()) {
    if (tick()) yield;
    if (order.has(start.id)) continue;
    const work: { id: string; next: number; targets: string[] }[] = [];
    const open = (id: string) => {
      order.set(id, counter);
      low.set(id, counter++);
      stack.push(id);
      onStack.add(id);
      work.push({ id, next: 0, targets: deps(id) });
    };
    open(start.id);
    while (work.length > 0) {
      if (tick()) yield;
      const frame = work[work.length - 1] as (typeof work)[number];
      const target = frame.targets[frame.next++];
      if (target !== undefined) {
        if (!order.has(target)) open(target);
        else if (onStack.has(target)) {
          low.set(frame.id, Math.min(low.get(frame.id) ?? 0, order.get(target) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id) ?? 0, low.get(frame.id) ?? 0));
      if (low.get(frame.id) !== order.get(frame.id)) continue;
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.id);
      const selfLoop = component.length === 1 && deps(frame.id).includes(frame.id);
      if (component.length > 1 || selfLoop) out.push(component.sort());
    }
  }
  return out;
}

/** A shortest cycle through `start`, staying inside its component: [start, ..., start]. */
function cycleThrough(index: CatalogIndex, start: string, members: ReadonlySet<string>): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head] as string;
    for (const next of index.references(id, 'dependsOn')) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [id];
        while (path[0] !== start) path.unshift(previous.get(path[0] as string) as string);
        return [...path, start];
      }
      if (previous.has(next)) continue;
      previous.set(next, id);
      queue.push(next);
    }
  }
  return [start, start];
}

export function cycles(index: CatalogIndex): ReportRow[] {
  return runToEnd(cyclesSliced(index));
}

function* cyclesSliced(index: CatalogIndex): Sliced<ReportRow[]> {
  const rows: ReportRow[] = [];
  for (const members of yield* components(index)) {
    const first = members[0] as string;
    const entity = index.get(first);
    const cycle = cycleThrough(index, first, new Set(members));
    const others = members.length - (cycle.length - 1);
    rows.push({
      id: first,
      name: entity?.name ?? first,
      kind: entity?.kind ?? 'Service',
      reason: `${cycle.join(' → ')}${others > 0 ? ` (${others} more in the same tangle)` : ''}`,
      related: members.flatMap((id) => {
        const e = index.get(id);
        return e ? [summarize(e)] : [];
      }),
      counts: { members: members.length },
    });
    yield;
  }
  return yield* sortSliced(rows, (a, b) => (a.id < b.id ? -1 : 1));
}

export const cyclesReport: ReportSpec = {
  name: 'cycles',
  title: 'Dependency cycles',
  description:
    'Groups of services and hosts that depend on each other in a circle (dependsOn), each with one concrete cycle.',
  rows: (index) => cyclesSliced(index),
};
