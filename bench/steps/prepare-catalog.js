/**
 * Child step: generate a synthetic catalog of N entities, write it as YAML files (one folder per
 * kind, CHUNK entities per file), and pick the queries the read-path benchmark sends: ids, URLs,
 * host names, list filters, and the providers whose impact is largest and closest to 10,000.
 *
 * Usage: node bench/steps/prepare-catalog.js N DIR  (run through runChild)
 */
import { Buffer } from 'node:buffer';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { importDist, importSupport } from '../lib/dist-snapshot.js';
import { reportFromChild } from '../lib/run-child.js';

const { exportFiles } = await importDist('catalog/export-catalog.js');
const { CHAIN_TAG, generateSyntheticCatalog, syntheticShape } =
  await importSupport('synthetic-catalog.js');
const { relationsOf } = await importDist('core/relations.js');

const CHUNK = 1000;
const SAMPLES = 200;
const SEED = 1;
/** The target speaks of "a provider with 10,000 dependents". */
const IMPACT_TARGET_SIZE = 10_000;

const FOLDERS = {
  Team: 'teams',
  Person: 'people',
  Provider: 'providers',
  Host: 'hosts',
  Service: 'services',
};

async function writeCatalog(entities, dir) {
  const byKind = new Map();
  for (const e of entities) {
    const list = byKind.get(e.kind) ?? [];
    list.push(e);
    byKind.set(e.kind, list);
  }
  let files = 0;
  let bytes = 0;
  for (const [kind, list] of byKind) {
    const folder = join(dir, FOLDERS[kind]);
    await mkdir(folder, { recursive: true });
    for (let start = 0; start < list.length; start += CHUNK) {
      const [file] = exportFiles(list.slice(start, start + CHUNK), 'yaml');
      const name = `${FOLDERS[kind]}-${String(start / CHUNK + 1).padStart(3, '0')}.yaml`;
      await writeFile(join(folder, name), file.content);
      files++;
      bytes += Buffer.byteLength(file.content);
    }
  }
  return { files, bytes };
}

/** Every deterministic `count` items of `list`, spread evenly. */
function spread(list, count) {
  if (list.length <= count) return [...list];
  const step = list.length / count;
  return Array.from({ length: count }, (_, i) => list[Math.floor(i * step)]);
}

/**
 * How many entities losing each candidate takes down (what impact() walks: runsOn, frontedBy and
 * dependsOn, transitively), counted with a plain BFS so no index is needed here. Largest first.
 */
function impactSizes(entities, candidates) {
  const referrers = new Map();
  for (const e of entities) {
    for (const r of relationsOf(e)) {
      if (r.type !== 'runsOn' && r.type !== 'frontedBy' && r.type !== 'dependsOn') continue;
      const list = referrers.get(r.target) ?? [];
      list.push(r.source);
      referrers.set(r.target, list);
    }
  }
  const sizes = candidates.map((root) => {
    const depths = new Map([[root.id, 0]]);
    const queue = [root.id];
    let depth = 0;
    for (let head = 0; head < queue.length; head++) {
      const next = (depths.get(queue[head]) ?? 0) + 1;
      for (const source of referrers.get(queue[head]) ?? []) {
        if (depths.has(source)) continue;
        depths.set(source, next);
        depth = Math.max(depth, next);
        queue.push(source);
      }
    }
    return { id: root.id, kind: root.kind, affected: depths.size - 1, depth };
  });
  return sizes.sort((a, b) => b.affected - a.affected);
}

const nearest = (sizes, target) =>
  sizes.reduce((best, s) =>
    Math.abs(s.affected - target) < Math.abs(best.affected - target) ? s : best,
  );

/**
 * The subjects of the impact benchmark: the provider taking most down, and the one nearest the
 * target's 10,000. The generator's dependency chains make every provider of a large catalog
 * take down far more than that, so when no provider is within 25% of it, a service or host
 * nearest 10,000 stands in (the walk does not care what kind its root is).
 */
function impactSubjects(entities) {
  const providers = impactSizes(
    entities,
    entities.filter((e) => e.kind === 'Provider'),
  );
  const largest = providers[0];
  let nearTarget = nearest(providers, IMPACT_TARGET_SIZE);
  if (Math.abs(nearTarget.affected - IMPACT_TARGET_SIZE) > IMPACT_TARGET_SIZE / 4) {
    const others = [
      ...spread(
        entities.filter((e) => e.kind === 'Service'),
        SAMPLES,
      ),
      ...spread(
        entities.filter((e) => e.kind === 'Host'),
        SAMPLES / 4,
      ),
    ];
    nearTarget = nearest([nearTarget, ...impactSizes(entities, others)], IMPACT_TARGET_SIZE);
  }
  // The head of the synthetic dependency chain: thousands of dependents along long paths.
  const head = entities.find((e) => e.kind === 'Service' && e.tags?.includes(CHAIN_TAG));
  const chain = head ? impactSizes(entities, [head])[0] : undefined;
  return {
    largest,
    nearTarget,
    ...(chain ? { chain } : {}),
    smallestProvider: providers[providers.length - 1],
    providers: providers.length,
  };
}

function pickQueries(entities) {
  const services = entities.filter((e) => e.kind === 'Service');
  const hosts = entities.filter((e) => e.kind === 'Host');
  const teams = entities.filter((e) => e.kind === 'Team');
  const providers = entities.filter((e) => e.kind === 'Provider');
  const ids = spread(entities, SAMPLES).map((e) => e.id);
  const urls = spread(services, SAMPLES).map((s) => {
    const base = (s.urls?.[0] ?? `https://${s.hostnames?.[0]}/`).replace(/\/$/, '');
    return `${base}/some/page?x=1`;
  });
  const whoQueries = [
    ...spread(services, SAMPLES / 2).map((s) => `https://${s.hostnames?.[0]}/path`),
    ...spread(hosts, SAMPLES / 2).map((h) => h.hostnames?.[0] ?? h.id),
  ];
  const managers = ['salt', 'chef', 'terraform', 'ansible', 'manual'];
  const tags = ['web', 'mail', 'ci', 'docs', 'critical'];
  const lists = [
    ...managers.map((m) => `kind=Service&managedBy=${m}&limit=50`),
    ...managers.map((m) => `kind=Host&managedBy=${m}&limit=50`),
    ...tags.map((t) => `kind=Service&tag=${t}&limit=50`),
    ...spread(providers, 5).map((p) => `kind=Service&runsOn=${p.id}&limit=50`),
    ...spread(teams, 5).map((t) => `kind=Service&owner=${t.id}&limit=50`),
    'kind=Service&status=deprecated&limit=50',
  ];
  return { ids, urls, whoQueries, lists };
}

await reportFromChild(async () => {
  const n = Number(process.argv[2]);
  const dir = process.argv[3];
  const t0 = performance.now();
  // Reviews spread over the two years before the real date, as a real catalog's age: about 60%
  // of the reviewed entities are past the 180-day limit, and every run warns about as many.
  const now = new Date();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const entities = generateSyntheticCatalog(n, SEED, { today, dependencyChain: true });
  const generateMs = performance.now() - t0;
  const t1 = performance.now();
  const written = await writeCatalog(entities, dir);
  const writeMs = performance.now() - t1;
  const impact = impactSubjects(entities);
  const queries = pickQueries(entities);
  return {
    n,
    entities: entities.length,
    shape: syntheticShape(n),
    seed: SEED,
    today: new Date(today).toISOString().slice(0, 10),
    ...written,
    generateMs,
    writeMs,
    impact,
    queries,
  };
});
