/**
 * PostgreSQL LISTEN on a dedicated connection (pooled connections cannot keep a LISTEN). When the
 * connection drops it reconnects with a doubling delay, then signals once: notifications sent
 * while it was away are lost, so the listener's owner checks the version instead.
 */
import pg from 'pg';
import { SwitchboardError } from '../../core/errors.js';

const MAX_RECONNECT_DELAY_MS = 30_000;

/** A dedicated connection that LISTENs on one channel and reconnects when it drops. */
export class ChannelListener {
  private client: pg.Client | undefined;
  private connecting: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private delayMs: number;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly channel: string,
    private readonly signal: () => void,
    private readonly baseDelayMs: number,
  ) {
    this.delayMs = baseDelayMs;
  }

  async start(): Promise<void> {
    try {
      await this.connect();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new SwitchboardError(
        'unavailable',
        'storage.unavailable',
        `cannot LISTEN for changes: ${reason}`,
      );
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private connect(): Promise<void> {
    this.connecting = this.open().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private async open(): Promise<void> {
    const client = new pg.Client(this.config);
    client.on('error', () => this.dropped(client));
    client.on('end', () => this.dropped(client));
    client.on('notification', (message) => {
      if (message.channel === this.channel) this.signal();
    });
    try {
      await client.connect();
      await client.query(`listen "${this.channel.replaceAll('"', '""')}"`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) await client.end().catch(() => undefined);
    else this.client = client;
  }

  private dropped(client: pg.Client): void {
    if (client !== this.client) return;
    this.client = undefined;
    void client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.connect().then(
        () => {
          this.delayMs = this.baseDelayMs;
          this.signal(); // notifications sent while disconnected were lost: check the version
        },
        () => {
          this.delayMs = Math.min(this.delayMs * 2, MAX_RECONNECT_DELAY_MS);
          this.scheduleReconnect();
        },
      );
    }, this.delayMs);
    this.timer.unref();
  }
}
