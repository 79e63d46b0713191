import { AppConfig } from '../../src/config/app-config';
import { ChangeBus, ChangeTopic } from '../../src/core/change-bus';

/** The change bus alone (embedded mode): changes reach this process's subscribers at once, by topic. */
describe('ChangeBus without Redis', () => {
  const config = { redis: { url: undefined, prefix: 'tanxin' } } as unknown as AppConfig;

  it('delivers a change to the subscribers of its topic before publish resolves, and to no other topic', async () => {
    const bus = new ChangeBus(null, config);
    await bus.onModuleInit();
    const meetings: string[] = [];
    const boxes: string[] = [];
    const subscriptions = [bus.on(ChangeTopic.Meeting).subscribe((id) => meetings.push(id)), bus.on(ChangeTopic.Box).subscribe((id) => boxes.push(id))];

    const published = bus.publish(ChangeTopic.Meeting, 'm-1');
    expect(meetings).toEqual(['m-1']);
    await published;
    await bus.publish(ChangeTopic.Box, 'slug-1');

    expect(meetings).toEqual(['m-1']);
    expect(boxes).toEqual(['slug-1']);
    for (const subscription of subscriptions) subscription.unsubscribe();
    bus.onApplicationShutdown();
  });

  it('says it is alone, so what must apply at once may be cached', () => {
    expect(new ChangeBus(null, config).crossProcess).toBe(false);
  });
});
