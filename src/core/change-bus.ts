import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { filter, map, Observable, Subject } from 'rxjs';
import { AppConfig } from '../config/app-config';
import { REDIS_CLIENT } from './redis.provider';
import { REDIS_TIMEOUT_MS, withTimeout } from './redis-fallback';

/** What changed: each topic's messages carry one id (a meeting's, a box's slug, a survey's). */
export enum ChangeTopic {
  Meeting = 'meeting',
  Box = 'box',
  Survey = 'survey',
  Talks = 'talks',
}

interface Change {
  topic: ChangeTopic;
  id: string;
}

/** How long start-up waits for the subscription before going on without it (it resumes when Redis does). */
const SUBSCRIBE_WAIT_MS = 2_000;

/**
 * Tells every process that a record changed, so the caches built from it forget it at once.
 * A change is delivered to this process's subscribers straight away and, with Redis, published
 * on `<REDIS_PREFIX>:changes` for the other api processes and workers. Messages carry ids only,
 * never anything about who wrote what. Without Redis (or while it is down) the other processes
 * learn nothing, and the caches' short expiry is the backstop.
 */
@Injectable()
export class ChangeBus implements OnModuleInit, OnApplicationShutdown {
  private readonly changes = new Subject<Change>();
  /** This process's mark on its messages, so it does not deliver its own changes twice. */
  private readonly origin = randomUUID();
  private readonly channel: string;
  private subscriber: Redis | null = null;
  private readonly logger = new Logger(ChangeBus.name);

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis | null,
    config: AppConfig,
  ) {
    this.channel = `${config.redis.prefix}:changes`;
  }

  /** True when other processes may hold caches of the same records (Redis configured). */
  get crossProcess(): boolean {
    return this.redis !== null;
  }

  async onModuleInit(): Promise<void> {
    if (!this.redis) return;
    // A subscribed connection can do nothing else: a connection of its own, resubscribed by ioredis after a reconnect.
    const subscriber = this.redis.duplicate();
    this.subscriber = subscriber;
    subscriber.on('error', () => undefined);
    subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.channel) this.receive(message);
    });
    try {
      await withTimeout(subscriber.subscribe(this.channel), SUBSCRIBE_WAIT_MS);
    } catch (error) {
      this.logger.warn(`not yet subscribed to changes from other processes: ${(error as Error).message}`);
    }
  }

  onApplicationShutdown(): void {
    this.subscriber?.disconnect();
  }

  on(topic: ChangeTopic): Observable<string> {
    return this.changes.pipe(
      filter((change) => change.topic === topic),
      map((change) => change.id),
    );
  }

  /** Delivers here at once; the other processes hear of it as soon as Redis passes it on. */
  async publish(topic: ChangeTopic, id: string): Promise<void> {
    this.changes.next({ topic, id });
    if (!this.redis || this.redis.status !== 'ready') return;
    // Nothing logged per message: a Redis hiccup leaves the other processes to their caches' expiry.
    await withTimeout(this.redis.publish(this.channel, JSON.stringify({ o: this.origin, t: topic, i: id })), REDIS_TIMEOUT_MS).catch(() => undefined);
  }

  private receive(message: string): void {
    let parsed: { o?: unknown; t?: unknown; i?: unknown };
    try {
      parsed = JSON.parse(message) as typeof parsed;
    } catch {
      return;
    }
    if (parsed.o === this.origin || typeof parsed.i !== 'string') return;
    if (!Object.values(ChangeTopic).includes(parsed.t as ChangeTopic)) return;
    this.changes.next({ topic: parsed.t as ChangeTopic, id: parsed.i });
  }
}
