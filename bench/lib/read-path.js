/**
 * The HTTP read path at one catalog size: start the server on a database that already holds the
 * catalog, time its start-up, then load each route in turn and read the server's RSS.
 */
import { Buffer } from 'node:buffer';
import { performance } from 'node:perf_hooks';
import { startHealthzProbe } from './healthz-probe.js';
import { loadRoute } from './load-route.js';
import { httpGet, startServerChild } from './serve-child.js';

const REPORT_NAMES = [
  'bus-factor',
  'orphans',
  'unreachable',
  'stale',
  'cycles',
  'provider-summary',
  'management-summary',
];

const q = (value) => encodeURIComponent(value);

/** The routes, in the order they are driven; `queries` comes from prepare-catalog.js. */
export function readRoutes(queries, impact, options = { connections: 10 }) {
  const routes = [
    { key: 'healthz', label: '/healthz (ceiling)', paths: ['/healthz'] },
    {
      key: 'get',
      label: 'get by id',
      paths: queries.ids.map((id) => `/api/v1/entities/${q(id)}`),
    },
    {
      key: 'list',
      label: 'filtered list, limit 50',
      paths: queries.lists.map((query) => `/api/v1/entities?${query}`),
    },
    {
      key: 'resolve',
      label: 'resolve by URL',
      paths: queries.urls.map((u) => `/api/v1/resolve?q=${q(u)}`),
    },
    { key: 'who', label: 'who', paths: queries.whoQueries.map((w) => `/api/v1/who?q=${q(w)}`) },
  ];
  const impactRoute = (key, subject, what) => ({
    key,
    label: `impact of ${subject.id} (${what}; takes down ${subject.affected.toLocaleString('en-US')})`,
    paths: [`/api/v1/impact/${q(subject.id)}`],
    connections: 1,
  });
  if (impact.nearTarget.id !== impact.largest.id) {
    routes.push(
      impactRoute('impactNear10k', impact.nearTarget, `${impact.nearTarget.kind} nearest 10,000`),
    );
  }
  routes.push(impactRoute('impactLargest', impact.largest, 'largest provider'));
  if (impact.chain) {
    routes.push({
      ...impactRoute('impactChain', impact.chain, 'head of the longest dependency chain'),
      label: `impact of ${impact.chain.id} (head of a dependency chain ${impact.chain.depth} deep; takes down ${impact.chain.affected.toLocaleString('en-US')})`,
      connections: options.connections,
      cold: true,
      heavy: true,
    });
  }
  routes.push(
    {
      key: 'graphAround',
      label: 'graph around an entity, depth 2',
      paths: queries.ids
        .filter((id) => id.startsWith('svc-'))
        .slice(0, 50)
        .map((id) => `/api/v1/graph?around=${q(id)}&depth=2`),
    },
    { key: 'openapi', label: 'OpenAPI document', paths: ['/api/v1/openapi.json'] },
    { key: 'reportList', label: 'report list', paths: ['/api/v1/reports'] },
    { key: 'summary', label: 'summary', paths: ['/api/v1/summary'], cold: true, heavy: true },
    {
      key: 'reports',
      label: 'every report (7)',
      paths: REPORT_NAMES.map((name) => `/api/v1/reports/${name}`),
      cold: true,
      heavy: true,
    },
    ...['md', 'rst', 'html'].map((format) => ({
      key: `overview${format[0].toUpperCase()}${format.slice(1)}`,
      label: `overview, ${format}`,
      paths: [`/api/v1/overview?format=${format}`],
      cold: true,
      heavy: true,
      alone: false,
    })),
  );
  return routes;
}

/**
 * The first answer of each path (nothing kept yet): its time, the longest event-loop block in
 * the server meanwhile, and /healthz latency beside it.
 */
async function coldAnswers(server, paths) {
  const out = [];
  for (const path of paths) {
    await server.loopDelay(true);
    const probe = await startHealthzProbe(server.url);
    const started = performance.now();
    const { status, body } = await httpGet(`${server.url}${path}`, 300_000);
    const ms = performance.now() - started;
    const healthz = await probe.stop();
    const loop = await server.loopDelay(true);
    out.push({ path, status, ms, bytes: Buffer.byteLength(body), loopMaxMs: loop.maxMs, healthz });
  }
  return out;
}

/** GET every path once: keeps those answering 200 (and warms the caches the way use would). */
async function answeringPaths(url, paths) {
  const kept = [];
  const failed = [];
  let firstBody;
  for (const path of paths) {
    const { status, body } = await httpGet(`${url}${path}`);
    if (status === 200) kept.push(path);
    else failed.push(`${status} ${path}`);
    firstBody ??= status === 200 ? body : undefined;
  }
  return { kept, failed, firstBody };
}

/** Start-up only (used for PostgreSQL, whose reads are served from the same in-memory index). */
export async function measureStartup(databaseUrl) {
  const server = await startServerChild(databaseUrl);
  try {
    return {
      startupMs: server.startupMs,
      listeningMs: server.listeningMs,
      entities: server.entities,
      afterStart: await server.memory(),
    };
  } finally {
    await server.stop();
  }
}

/** Start-up, RSS, then every route under load; `log` reports progress. */
export async function measureReadPath(databaseUrl, prepared, options, log) {
  const server = await startServerChild(databaseUrl);
  try {
    const out = {
      startupMs: server.startupMs,
      listeningMs: server.listeningMs,
      entities: server.entities,
      afterStart: await server.memory(),
      routes: {},
    };
    for (const route of readRoutes(prepared.queries, prepared.impact, options)) {
      const cold = route.cold ? await coldAnswers(server, route.paths) : undefined;
      if (cold) {
        for (const c of cold) {
          log(
            `  ${c.path}: first answer ${(c.ms / 1000).toFixed(2)} s, longest block ${c.loopMaxMs.toFixed(1)} ms, /healthz p99 ${c.healthz.p99Ms.toFixed(2)} ms`,
          );
        }
      }
      const { kept, failed, firstBody } = await answeringPaths(server.url, route.paths);
      if (kept.length === 0) throw new Error(`${route.label}: no path answered 200 (${failed[0]})`);
      log(`  ${route.label}: ${kept.length} distinct paths`);
      await server.loopDelay(true);
      const probe = await startHealthzProbe(server.url);
      const figures = await loadRoute({
        url: server.url,
        paths: kept,
        connections: route.connections ?? options.connections,
        durationSec: options.durationSec,
        warmupSec: options.warmupSec,
      });
      // Under load: the longest the server's event loop was held, and /healthz beside the route.
      const healthz = await probe.stop();
      const loop = await server.loopDelay(true);
      // The same route alone on one connection: its own latency, without queueing behind others.
      const alone =
        figures.connections === 1 || route.alone === false
          ? undefined
          : await loadRoute({
              url: server.url,
              paths: kept,
              connections: 1,
              durationSec: options.aloneSec,
              warmupSec: 0,
            });
      out.routes[route.key] = {
        label: route.label,
        ...figures,
        loop,
        healthz,
        heavy: route.heavy === true,
        ...(cold ? { cold } : {}),
        ...(alone
          ? {
              alone: {
                p50Ms: alone.p50Ms,
                p99Ms: alone.p99Ms,
                requestsPerSec: alone.requestsPerSec,
              },
            }
          : {}),
        droppedPaths: failed,
      };
      // The impact answer's own count, to check the subject was picked on the same walk.
      if (route.key.startsWith('impact')) out.routes[route.key].total = JSON.parse(firstBody).total;
    }
    out.afterLoad = await server.memory();
    out.afterLoadCollected = await server.memory(true);
    return out;
  } finally {
    await server.stop();
  }
}
