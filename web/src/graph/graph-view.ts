/**
 * The graph drawing: cytoscape with a layered dagre layout that reads left to right as providers →
 * hosts → services → the services that depend on them (people and teams after what they own).
 * Pan and zoom with the mouse or touch; click selects, double-click opens.
 */
import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { isEntityKind, KINDS } from '../../../src/core/kinds/registry.js';
import type { GraphAnswer } from '../api/api-types.js';
import { visibleText } from '../format/visible-text.js';
import { graphStyle } from './graph-style.js';

cytoscape.use(dagre);

/**
 * Cytoscape adds a <style> element for `position: relative` unless one with this id exists; the
 * CSP blocks inline styles, and graph.css already positions the container, so claim the id.
 */
function claimCytoscapeStylesheet(): void {
  const id = '__________cytoscape_stylesheet';
  if (document.getElementById(id)) return;
  const marker = document.createElement('meta');
  marker.id = id;
  document.head.appendChild(marker);
}

/** Edges drawn against their reference, so that what something needs comes before it. */
const REVERSED = new Set(['runsOn', 'frontedBy', 'dependsOn']);
const HIDDEN = new Set(['reviewedBy']);

export interface GraphViewOptions {
  onSelect: (id: string | undefined) => void;
  onOpen: (id: string) => void;
  focus?: string;
}

export interface RenderedBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface GraphView {
  select(id: string | undefined): void;
  highlight(ids: ReadonlySet<string> | undefined): void;
  /** Positions of nodes in the container, in CSS pixels (used by the browser tests). */
  renderedPositions(): Record<string, { x: number; y: number }>;
  /** Outlines of nodes in the container, in CSS pixels (used by the browser tests). */
  renderedBoxes(): Record<string, RenderedBox>;
  fit(): void;
  zoomBy(factor: number): void;
  destroy(): void;
}

const shorten = (name: string) => (name.length > 30 ? `${name.slice(0, 29)}…` : name);
/** Roughly the label's width at 11px, so that nodes fit their names. */
const labelWidth = (name: string) => Math.max(84, Math.min(30, name.length) * 7 + 28);

/** An invisible root the layout pulls every node toward, so that each kind lines up in its
 * column (the kind registry's `graph.column`): providers first, hosts next, services after
 * (later when they depend on others). */
const ROOT = '__layout_root__';

function layoutAnchors(data: GraphAnswer): cytoscape.ElementDefinition[] {
  const anchors: cytoscape.ElementDefinition[] = [
    { group: 'nodes', data: { id: ROOT, kind: 'root', label: '', w: 1 } },
  ];
  for (const node of data.nodes) {
    const column = isEntityKind(node.kind) ? KINDS[node.kind].graph.column : null;
    if (column === null) continue;
    anchors.push({
      group: 'edges',
      data: { id: `${ROOT}-${node.id}`, source: ROOT, target: node.id, minLen: column, weight: 50 },
    });
  }
  return anchors;
}

function elements(data: GraphAnswer): cytoscape.ElementDefinition[] {
  const ids = new Set(data.nodes.map((n) => n.id));
  const nodes = data.nodes.map((n) => {
    // A canvas label is drawn, not rendered by Preact: invisible characters are written out here.
    const name = visibleText(n.name);
    return {
      group: 'nodes' as const,
      data: { id: n.id, kind: n.kind, label: shorten(name), name, w: labelWidth(name) },
    };
  });
  const edges = data.edges
    .filter(
      (e) => !HIDDEN.has(e.type) && ids.has(e.source) && ids.has(e.target) && e.source !== e.target,
    )
    .map((e, i) => {
      const [source, target] = REVERSED.has(e.type) ? [e.target, e.source] : [e.source, e.target];
      return { group: 'edges' as const, data: { id: `e${i}`, source, target, type: e.type } };
    });
  return [...nodes, ...edges, ...layoutAnchors(data)];
}

const PADDING = 24;
/** A small graph is not blown up past this zoom when it is fitted. */
const MAX_FIT_ZOOM = 1.5;

interface Viewport {
  zoom: number;
  pan: { x: number; y: number };
}

/** The zoom and pan that show `eles` whole, centred, never closer than `maxZoom`. */
function fitting(
  cy: cytoscape.Core,
  eles: cytoscape.Collection | cytoscape.NodeCollection,
  maxZoom: number,
): Viewport {
  const box = eles.boundingBox();
  const width = cy.width();
  const height = cy.height();
  const zoom = Math.max(
    cy.minZoom(),
    Math.min(
      maxZoom,
      (width - 2 * PADDING) / Math.max(1, box.w),
      (height - 2 * PADDING) / Math.max(1, box.h),
    ),
  );
  return {
    zoom,
    pan: {
      x: width / 2 - (zoom * (box.x1 + box.x2)) / 2,
      y: height / 2 - (zoom * (box.y1 + box.y2)) / 2,
    },
  };
}

/** Whether `eles` lie wholly inside the visible part of the drawing. */
function inView(
  cy: cytoscape.Core,
  eles: cytoscape.Collection | cytoscape.NodeCollection,
): boolean {
  const view = cy.extent();
  const box = eles.boundingBox();
  return box.x1 >= view.x1 && box.x2 <= view.x2 && box.y1 >= view.y1 && box.y2 <= view.y2;
}

function moveTo(cy: cytoscape.Core, to: Viewport): void {
  cy.stop(true);
  if (window.matchMedia('(prefers-reduced-motion: reduce)').matches) cy.viewport(to);
  else cy.animate(to, { duration: 250 });
}

/** Brings `eles` into view: a pan when they fit at this zoom, zooming out only when they do not. */
function reveal(cy: cytoscape.Core, eles: cytoscape.Collection | cytoscape.NodeCollection): void {
  if (eles.empty() || inView(cy, eles)) return;
  moveTo(cy, fitting(cy, eles, cy.zoom()));
}

export function createGraphView(
  container: HTMLElement,
  data: GraphAnswer,
  options: GraphViewOptions,
): GraphView {
  claimCytoscapeStylesheet();
  const cy = cytoscape({
    container,
    elements: elements(data),
    style: graphStyle(),
    minZoom: 0.05,
    maxZoom: 3,
    boxSelectionEnabled: false,
    autoungrabify: true,
  });
  cy.layout({
    name: 'dagre',
    rankDir: 'LR',
    nodeSep: 4,
    rankSep: 70,
    edgeSep: 6,
    ranker: 'network-simplex',
    minLen: (edge: cytoscape.EdgeSingular) => (edge.data('minLen') as number | undefined) ?? 1,
    edgeWeight: (edge: cytoscape.EdgeSingular) => (edge.data('weight') as number | undefined) ?? 1,
    stop: () => {
      cy.getElementById(ROOT).remove();
      cy.viewport(fitting(cy, cy.elements(), MAX_FIT_ZOOM));
      container.dataset.ready = 'true';
    },
    fit: false,
    padding: PADDING,
  } as cytoscape.LayoutOptions).run();
  if (options.focus) cy.getElementById(options.focus).addClass('focus');
  cy.on('tap', 'node', (event) => options.onSelect((event.target as cytoscape.NodeSingular).id()));
  cy.on('tap', (event) => {
    if (event.target === cy) options.onSelect(undefined);
  });
  cy.on('dbltap', 'node', (event) => options.onOpen((event.target as cytoscape.NodeSingular).id()));
  cy.on('mouseover', 'node', () => (container.style.cursor = 'pointer'));
  cy.on('mouseout', 'node', () => (container.style.cursor = ''));

  return {
    select(id) {
      cy.nodes().removeClass('selected');
      if (id === undefined) return;
      const node = cy.getElementById(id);
      if (node.empty()) return;
      node.addClass('selected');
      reveal(cy, node);
    },
    highlight(ids) {
      cy.elements().removeClass('faded impact');
      if (!ids) return;
      cy.nodes().forEach((node) => {
        if (ids.has(node.id())) node.addClass('impact');
        else if (!node.hasClass('selected')) node.addClass('faded');
      });
      cy.edges().forEach((edge) => {
        const both = [edge.source(), edge.target()].every(
          (n) => ids.has(n.id()) || n.hasClass('selected'),
        );
        edge.addClass(both ? 'impact' : 'faded');
      });
      // The selected node and everything it would take down, all on screen.
      reveal(cy, cy.nodes('.selected, .impact'));
    },
    renderedPositions() {
      const out: Record<string, { x: number; y: number }> = {};
      cy.nodes().forEach((node) => {
        out[node.id()] = node.renderedPosition();
      });
      return out;
    },
    renderedBoxes() {
      const out: Record<string, RenderedBox> = {};
      cy.nodes().forEach((node) => {
        const { x1, y1, x2, y2 } = node.renderedBoundingBox({ includeLabels: false });
        out[node.id()] = { x1, y1, x2, y2 };
      });
      return out;
    },
    fit: () => moveTo(cy, fitting(cy, cy.elements(), MAX_FIT_ZOOM)),
    zoomBy(factor) {
      cy.zoom({
        level: cy.zoom() * factor,
        renderedPosition: { x: container.clientWidth / 2, y: container.clientHeight / 2 },
      });
    },
    destroy: () => cy.destroy(),
  };
}
