import { InlineQueueDriver } from '../../src/queue/inline-queue.driver';
import { JobHandler, JobName, UnrecoverableJobError } from '../../src/queue/jobs';

function driverWith(handler: JobHandler) {
  const driver = new InlineQueueDriver({ attempts: 3, backoffMs: 5, concurrency: 2 });
  void driver.startProcessing(new Map([[JobName.DeliverWebhook, handler]]));
  return driver;
}

describe('in-process queue driver', () => {
  it('retries a failing job with backoff until it succeeds', async () => {
    const attempts: number[] = [];
    const driver = driverWith({
      handle: async (_payload, context) => {
        attempts.push(context.attempt);
        if (context.attempt < 3) throw new Error('not yet');
      },
    });
    await driver.enqueue(JobName.DeliverWebhook, { deliveryId: 'a' });
    await driver.drain(1000);
    expect(attempts).toEqual([1, 2, 3]);
    const [queue] = await driver.inspect();
    expect(queue.counts).toMatchObject({ completed: 1, failed: 0 });
  });

  it('keeps a job that failed every attempt visible, and calls onExhausted once', async () => {
    const exhausted: string[] = [];
    const driver = driverWith({
      handle: async () => {
        throw new Error('receiver down');
      },
      onExhausted: async (payload) => void exhausted.push((payload as { deliveryId: string }).deliveryId),
    });
    await driver.enqueue(JobName.DeliverWebhook, { deliveryId: 'b' }, { jobId: 'b' });
    await driver.drain(1000);
    expect(exhausted).toEqual(['b']);
    const [queue] = await driver.inspect();
    expect(queue.failed).toEqual([expect.objectContaining({ id: 'b', attempts: 3, error: 'receiver down', payload: { deliveryId: 'b' } })]);
  });

  it('fails an unrecoverable job at once', async () => {
    let calls = 0;
    const driver = driverWith({
      handle: async () => {
        calls += 1;
        throw new UnrecoverableJobError('bad payload');
      },
    });
    await driver.enqueue(JobName.DeliverWebhook, { deliveryId: 'c' });
    await driver.drain(1000);
    expect(calls).toBe(1);
  });

  it('collapses a job whose id is already waiting', async () => {
    let calls = 0;
    const driver = new InlineQueueDriver({ attempts: 1, backoffMs: 5, concurrency: 1 });
    await driver.enqueue(JobName.DeliverWebhook, { deliveryId: 'd' }, { jobId: 'd' });
    await driver.enqueue(JobName.DeliverWebhook, { deliveryId: 'd' }, { jobId: 'd' });
    await driver.startProcessing(new Map([[JobName.DeliverWebhook, { handle: async () => void (calls += 1) }]]));
    await driver.drain(1000);
    expect(calls).toBe(1);
  });
});
