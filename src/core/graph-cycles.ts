/**
 * Cycles in a directed graph of numbered nodes: one per strongly connected component (Tarjan,
 * iterative, so a 100,000-long dependency chain cannot overflow the stack), given as the shortest
 * circle through the component's lowest-numbered node.
 */

/** Each cycle as [start, ..., start], start being the lowest node of its component. */
export function findCycles(size: number, edges: (node: number) => readonly number[]): number[][] {
  const cycles: number[][] = [];
  for (const component of stronglyConnected(size, edges)) {
    const start = component.reduce((a, b) => Math.min(a, b));
    const cycle = shortestCycle(start, new Set(component), edges);
    if (cycle) cycles.push(cycle);
  }
  return cycles.sort((a, b) => a[0]! - b[0]!);
}

function stronglyConnected(size: number, edges: (n: number) => readonly number[]): number[][] {
  const indexOf = new Int32Array(size).fill(-1);
  const low = new Int32Array(size);
  const onStack = new Uint8Array(size);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  for (let root = 0; root < size; root++) {
    if (indexOf[root] !== -1 || edges(root).length === 0) continue;
    const work: { node: number; next: number; out: readonly number[] }[] = [];
    const open = (node: number) => {
      indexOf[node] = low[node] = counter++;
      stack.push(node);
      onStack[node] = 1;
      work.push({ node, next: 0, out: edges(node) });
    };
    open(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      if (frame.next < frame.out.length) {
        const to = frame.out[frame.next++]!;
        if (indexOf[to] === -1) open(to);
        else if (onStack[to]) low[frame.node] = Math.min(low[frame.node]!, indexOf[to]!);
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent.node] = Math.min(low[parent.node]!, low[frame.node]!);
      if (low[frame.node] !== indexOf[frame.node]) continue;
      const component: number[] = [];
      let member: number;
      do {
        member = stack.pop()!;
        onStack[member] = 0;
        component.push(member);
      } while (member !== frame.node);
      const selfLoop = component.length === 1 && edges(frame.node).includes(frame.node);
      if (component.length > 1 || selfLoop) components.push(component);
    }
  }
  return components;
}

/** The shortest path start → … → start inside the component (breadth-first). */
function shortestCycle(
  start: number,
  inside: Set<number>,
  edges: (n: number) => readonly number[],
): number[] | undefined {
  const parent = new Map<number, number>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const to of edges(node)) {
      if (!inside.has(to)) continue;
      if (to === start) {
        const path = [start];
        for (let n = node; n !== start; n = parent.get(n)!) path.push(n);
        return [start, ...path.slice(1).reverse(), start];
      }
      if (!parent.has(to)) {
        parent.set(to, node);
        queue.push(to);
      }
    }
  }
  return undefined;
}
