/** Cytoscape's style sheet, coloured from the page's CSS custom properties (so dark mode works). */
import type cytoscape from 'cytoscape';
import { KIND_ORDER, KINDS } from '../../../src/core/kinds/registry.js';

function cssVar(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

export function graphStyle(): cytoscape.StylesheetJson {
  const text = cssVar('--text', '#1f2937');
  const surface = cssVar('--surface', '#ffffff');
  const edge = cssVar('--graph-edge', '#9ca3af');
  const accent = cssVar('--accent', '#1d4ed8');
  const danger = cssVar('--danger', '#b91c1c');
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        'font-size': 12,
        'font-family': 'system-ui, sans-serif',
        color: text,
        'text-valign': 'center',
        'text-halign': 'center',
        'text-wrap': 'ellipsis',
        'text-max-width': '220px',
        width: 'data(w)',
        height: 28,
        'border-width': 2,
        'background-color': surface,
        'background-opacity': 1,
      },
    },
    // Each kind's shape is declared with the kind (src/core/kinds); colours come from CSS.
    ...KIND_ORDER.map((kind) => ({
      selector: `node[kind = "${kind}"]`,
      style: {
        shape: KINDS[kind].graph.shape satisfies cytoscape.Css.NodeShape,
        'border-color': cssVar(`--kind-${kind.toLowerCase()}`, '#6b7280'),
        'background-color': cssVar(`--kind-${kind.toLowerCase()}-bg`, surface),
      },
    })),
    {
      selector: 'edge',
      style: {
        width: 1.2,
        'line-color': edge,
        'target-arrow-color': edge,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
      },
    },
    { selector: 'node[kind = "root"], edge[minLen]', style: { visibility: 'hidden' } },
    { selector: 'edge[type = "dependsOn"]', style: { 'line-style': 'dashed' } },
    { selector: 'edge[type = "frontedBy"]', style: { 'line-style': 'dotted', width: 1.6 } },
    { selector: '.faded', style: { opacity: 0.18 } },
    {
      selector: 'node.impact',
      style: { 'border-color': danger, 'border-width': 3, opacity: 1 },
    },
    {
      selector: 'edge.impact',
      style: { 'line-color': danger, 'target-arrow-color': danger, opacity: 1, width: 2 },
    },
    {
      selector: 'node.selected',
      style: { 'border-color': accent, 'border-width': 4, 'font-weight': 'bold', opacity: 1 },
    },
    {
      selector: 'node.focus',
      style: { 'border-width': 4, 'font-weight': 'bold' },
    },
  ];
}
