import { describe, expect, it } from 'vitest';
import { findCycles } from './graph-cycles.js';

const graph = (adjacency: number[][]) => (node: number) => adjacency[node] ?? [];

describe('findCycles', () => {
  const cases: { name: string; adjacency: number[][]; cycles: number[][] }[] = [
    { name: 'no cycle in a chain', adjacency: [[1], [2], []], cycles: [] },
    { name: 'a self-loop', adjacency: [[0]], cycles: [[0, 0]] },
    {
      name: 'a triangle, from its lowest node',
      adjacency: [[], [2], [3], [1]],
      cycles: [[1, 2, 3, 1]],
    },
    {
      name: 'the shortest circle through the lowest node of a tangled component',
      adjacency: [[1], [2, 0], [0]],
      cycles: [[0, 1, 0]],
    },
    {
      name: 'two separate cycles',
      adjacency: [[1], [0], [3], [2]],
      cycles: [
        [0, 1, 0],
        [2, 3, 2],
      ],
    },
  ];
  it.each(cases)('$name', ({ adjacency, cycles }) => {
    expect(findCycles(adjacency.length, graph(adjacency))).toEqual(cycles);
  });

  it('walks a 200,000-node chain without overflowing the stack', () => {
    const size = 200_000;
    const adjacency = Array.from({ length: size }, (_, i) => [(i + 1) % size]);
    const [cycle] = findCycles(size, graph(adjacency));
    expect(cycle).toHaveLength(size + 1);
    expect(cycle?.[0]).toBe(0);
    expect(cycle?.[size]).toBe(0);
  });
});
