import { DataSource, EntityManager, Repository } from 'typeorm';
import { AppError } from '../../src/common/app-error';
import { AggregationTrigger } from '../../src/opinions/aggregation-trigger';
import { FormNonce } from '../../src/opinions/form-nonce.entity';
import { OpinionPool } from '../../src/opinions/opinion-pool';
import { OpinionWriter } from '../../src/opinions/opinion-writer';
import { RawOpinion } from '../../src/opinions/raw-opinion.entity';

/** What the pool did, in order: group-commit writes, statements in a transaction, commits, signals. */
type Step = { write: RawOpinion; nonce?: FormNonce } | { alongside: string } | { insert: number } | { commit: true } | { signal: string };

function fakePool() {
  const steps: Step[] = [];
  const columns = ['id', 'organizationId', 'meetingId', 'channel', 'sourceId', 'text', 'aspect', 'targetMemberId', 'receivedOn', 'receiptHash', 'itemId', 'pendingAggregation', 'held'];
  const connection = {
    driver: { escape: (name: string) => `"${name}"` },
    getMetadata: () => ({ tableName: 'raw_opinions', columns: columns.map((propertyName) => ({ propertyName })) }),
  };
  const manager = {
    connection,
    query: async (_sql: string, parameters: unknown[]) => void steps.push({ insert: parameters.length / columns.length }),
  } as unknown as EntityManager;
  const dataSource = {
    transaction: async (work: (manager: EntityManager) => Promise<void>) => {
      await work(manager);
      steps.push({ commit: true });
    },
  } as unknown as DataSource;
  const writer = { write: async (row: RawOpinion, nonce?: FormNonce) => void steps.push({ write: row, ...(nonce ? { nonce } : {}) }) } as unknown as OpinionWriter;
  const trigger = { opinionsArrived: (_organizationId: string, meetingId: string) => void steps.push({ signal: meetingId }) } as unknown as AggregationTrigger;
  const pool = new OpinionPool({} as Repository<RawOpinion>, dataSource, writer, trigger);
  return { pool, steps, manager };
}

const source = { organizationId: 'org', meetingId: 'meeting', sourceId: 'source' };
const choices = { aspects: ['理论学习', '工作作风'], memberIds: ['member-1'] };
const signals = (steps: Step[]) => steps.filter((step) => 'signal' in step);

describe('OpinionPool (the one way into raw_opinions)', () => {
  describe('the anonymity rules of a stored row', () => {
    it('holds an anonymous opinion: not pending, in nothing, and no aggregation asked for', async () => {
      const { pool, steps } = fakePool();
      await pool.accept('box', source, [{ text: '会议太多' }], { day: '2026-11-23', anonymous: true, receiptHash: 'hash' });
      const written = steps.flatMap((step) => ('write' in step ? [step.write] : []));
      expect(written).toHaveLength(1);
      expect(written[0]).toMatchObject({ held: true, pendingAggregation: false, itemId: null, receiptHash: 'hash' });
      expect(signals(steps)).toEqual([]);
    });

    it('makes a named opinion pending at once and asks for aggregation', async () => {
      const { pool } = fakePool();
      const checked = pool.check('survey', source, [{ text: '多下基层', aspect: '工作作风' }], { day: '2026-11-23', anonymous: false });
      expect(checked.held).toBe(false);
      expect(checked.rows[0]).toMatchObject({ held: false, pendingAggregation: true, aspect: '工作作风', targetMemberId: null, receiptHash: null });
    });

    it('stores exactly the columns judged safe, with a random id and the day only', () => {
      const { pool } = fakePool();
      const [row] = pool.check('box', source, [{ text: '会议太多' }], { day: '2026-11-23', anonymous: true, receiptHash: 'hash' }).rows;
      expect(Object.keys(row).sort()).toEqual(
        ['aspect', 'channel', 'held', 'id', 'itemId', 'meetingId', 'organizationId', 'pendingAggregation', 'receiptHash', 'receivedOn', 'sourceId', 'targetMemberId', 'text'].sort(),
      );
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(row.receivedOn).toBe('2026-11-23');
    });

    it('refuses to date an opinion finer than the day', () => {
      const { pool } = fakePool();
      expect(() => pool.check('box', source, [{ text: '会议太多' }], { day: '2026-11-23T10:15:00Z', anonymous: true })).toThrow('day only');
    });

    it('gives a receipt to one opinion only', () => {
      const { pool } = fakePool();
      expect(() => pool.check('box', source, [{ text: 'a' }, { text: 'b' }], { day: '2026-11-23', anonymous: true, receiptHash: 'hash' })).toThrow('one opinion');
    });
  });

  describe('the writer’s choices', () => {
    it('takes a chosen aspect and member, and null for none', () => {
      const { pool } = fakePool();
      const rows = pool.check('talk', source, [{ text: 'a', aspect: '理论学习', targetMemberId: 'member-1' }, { text: 'b', aspect: '', targetMemberId: null }], { choices, day: '2026-11-23', anonymous: false }).rows;
      expect(rows.map((row) => [row.aspect, row.targetMemberId])).toEqual([['理论学习', 'member-1'], [null, null]]);
    });

    it('refuses an aspect not of the meeting with 400 naming the entry’s field', () => {
      const { pool } = fakePool();
      const check = () => pool.check('symposium', source, [{ text: 'a' }, { text: 'b', aspect: '其他方面' }], { choices, field: 'opinions', day: '2026-11-23', anonymous: false });
      expect(check).toThrow(AppError);
      try {
        check();
      } catch (error) {
        expect((error as AppError).details).toMatchObject([{ field: 'opinions.1.aspect' }]);
      }
    });

    it('refuses a member not on the team, naming the plain field for a single opinion', () => {
      const { pool } = fakePool();
      try {
        pool.check('box', source, [{ text: 'a', targetMemberId: 'stranger' }], { choices, day: '2026-11-23', anonymous: true });
        throw new Error('a member not on the team was taken');
      } catch (error) {
        expect((error as AppError).details).toMatchObject([{ field: 'targetMemberId' }]);
      }
    });

    it('files an entry under its own source when it names one (a talk opinion not attributed)', () => {
      const { pool } = fakePool();
      const rows = pool.check('talk', source, [{ text: 'a' }, { text: 'b', sourceId: 'meeting' }], { day: '2026-11-23', anonymous: false }).rows;
      expect(rows.map((row) => row.sourceId)).toEqual(['source', 'meeting']);
    });
  });

  describe('writing and signalling', () => {
    it('spends a form nonce with its opinion, by group commit', async () => {
      const { pool, steps } = fakePool();
      const nonce = { nonceHash: 'n', day: '2026-11-23' };
      await pool.accept('box', source, [{ text: 'a' }], { day: '2026-11-23', anonymous: true, nonce });
      expect(steps).toEqual([{ write: expect.objectContaining({ text: 'a' }), nonce }]);
    });

    it('writes the caller’s rows first in the same transaction and signals only after the commit', async () => {
      const { pool, steps } = fakePool();
      await pool.accept('talk', source, [{ text: 'a' }, { text: 'b' }], {
        day: '2026-11-23',
        anonymous: false,
        writeAlongside: async () => void steps.push({ alongside: 'talk' }),
      });
      expect(steps).toEqual([{ alongside: 'talk' }, { insert: 2 }, { commit: true }, { signal: 'meeting' }]);
    });

    it('opens no transaction when a choice is refused', async () => {
      const { pool, steps } = fakePool();
      const accepted = pool.accept('written', source, [{ text: 'a', aspect: '无此方面' }], { choices, field: 'opinions', day: '2026-11-23', anonymous: false, writeAlongside: async () => void steps.push({ alongside: 'record' }) });
      await expect(accepted).rejects.toThrow(AppError);
      expect(steps).toEqual([]);
    });

    it('asks for nothing when nothing arrived', async () => {
      const { pool, steps } = fakePool();
      await pool.accept('talk', source, [], { day: '2026-11-23', anonymous: false, writeAlongside: async () => void steps.push({ alongside: 'talk' }) });
      expect(steps).toEqual([{ alongside: 'talk' }, { commit: true }]);
    });

    it('writes checked opinions of several answers in one INSERT inside the caller’s transaction', async () => {
      const { pool, steps, manager } = fakePool();
      const answers = [pool.check('survey', source, [{ text: 'a' }], { day: '2026-11-23', anonymous: true }), pool.check('survey', source, [{ text: 'b' }, { text: 'c' }], { day: '2026-11-23', anonymous: true })];
      await pool.insertWithin(manager, answers);
      answers.forEach((answer) => pool.arrived(answer));
      expect(steps).toEqual([{ insert: 3 }]);
    });
  });
});
