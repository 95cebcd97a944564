/**
 * Turns "something may have changed" signals (a PostgreSQL notification, a SQLite polling tick)
 * into listener calls with the new version, at most one version check at a time. Writes made
 * through the same store are announced to the watcher before they commit, so they are not
 * reported back as external changes.
 */
export type VersionListener = (version: number) => void;

export class ExternalChangeWatcher {
  private readonly listeners = new Set<VersionListener>();
  private started: Promise<() => Promise<void>> | undefined;
  private lastSeen = 0;
  private checking: Promise<void> | undefined;
  private recheck = false;
  /** Own writes in flight: the version they will produce, mapped to the version they expect. */
  private readonly ownWrites = new Map<number, number>();

  constructor(
    private readonly readVersion: () => Promise<number>,
    private readonly startSignals: (signal: () => void) => Promise<() => Promise<void>>,
  ) {}

  async add(listener: VersionListener): Promise<() => Promise<void>> {
    this.started ??= this.start();
    try {
      await this.started;
    } catch (error) {
      this.started = undefined;
      throw error;
    }
    this.listeners.add(listener);
    return async () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) await this.stop();
    };
  }

  /** Called inside the write transaction, before commit. */
  beginOwnWrite(expected: number, next: number): void {
    this.ownWrites.set(next, expected);
  }

  /** Called after the write transaction committed or rolled back. */
  endOwnWrite(expected: number, next: number, committed: boolean): void {
    this.ownWrites.delete(next);
    if (committed && this.lastSeen === expected) this.lastSeen = next;
  }

  async stop(): Promise<void> {
    const started = this.started;
    this.started = undefined;
    this.listeners.clear();
    if (started) await (await started.catch(() => async () => {}))();
    await this.checking;
  }

  private async start(): Promise<() => Promise<void>> {
    this.lastSeen = await this.readVersion();
    return this.startSignals(() => this.signal());
  }

  private signal(): void {
    if (this.checking) {
      this.recheck = true;
      return;
    }
    this.checking = this.check().finally(() => {
      this.checking = undefined;
    });
  }

  private async check(): Promise<void> {
    do {
      this.recheck = false;
      let version: number;
      try {
        version = await this.readVersion();
      } catch {
        return; // the database is briefly unreachable or closing; the next signal checks again
      }
      if (version === this.lastSeen || this.started === undefined) continue;
      const own = this.ownWrites.get(version) === this.lastSeen;
      this.lastSeen = version;
      if (!own) this.emit(version);
    } while (this.recheck);
  }

  private emit(version: number): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(version);
      } catch (error) {
        console.error('switchboard: an external-change listener failed:', error);
      }
    }
  }
}
