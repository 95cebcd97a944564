/** What a result file needs to be read later: the machine, Node, the commit and the load. */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

export function machineInfo() {
  const cores = cpus();
  return {
    cpus: cores.length,
    cpuModel: cores[0]?.model ?? 'unknown',
    totalMemoryBytes: totalmem(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
  };
}

function git(args) {
  try {
    return execFileSync('git', args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

/** The commit the run measured, and whether the working tree had changes under src/. */
export function runInfo() {
  return {
    commit: git(['rev-parse', 'HEAD']),
    srcChanged: (git(['status', '--porcelain', '--', 'src']) ?? '') !== '',
  };
}
