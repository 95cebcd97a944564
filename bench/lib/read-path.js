/**
 * The HTTP read path at one catalog size: start the server on a database that already holds the
 * catalog, time its start-up, then load each route in turn and read the server's RSS.
 */
import { loadRoute } from './load-route.js';
import { httpGet, startServerChild } from './serve-child.js';

const q = (value) => encodeURIComponent(value);

/** The routes, in the order they are driven; `queries` comes from prepare-catalog.js. */
export function readRoutes(queries, impact) {
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
  return routes;
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
    for (const route of readRoutes(prepared.queries, prepared.impact)) {
      const { kept, failed, firstBody } = await answeringPaths(server.url, route.paths);
      if (kept.length === 0) throw new Error(`${route.label}: no path answered 200 (${failed[0]})`);
      log(`  ${route.label}: ${kept.length} distinct paths`);
      const figures = await loadRoute({
        url: server.url,
        paths: kept,
        connections: route.connections ?? options.connections,
        durationSec: options.durationSec,
        warmupSec: options.warmupSec,
      });
      // The same route alone on one connection: its own latency, without queueing behind others.
      const alone =
        figures.connections === 1
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
