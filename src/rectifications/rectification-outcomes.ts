import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { Rectification } from './rectification.entity';
import { RectificationEvent } from './rectification-event.entity';
import { RectificationMeasure } from './rectification-measure.entity';
import { statusToday } from './rectification-mapping';

/** What became of an item's 整改, as the writer of an opinion in it may see it: no names, no history. */
export interface RectificationOutcome {
  /** 整改措施, in order. */
  measures: string[];
  /** 完成时限, `YYYY-MM-DD`. */
  dueDate: string;
  /** `overdue`: not reported nor closed, and the due date has passed. */
  status: 'open' | 'reported' | 'closed' | 'overdue';
  /** The day it was closed out (销号), in TIME_ZONE; null until then. */
  closedOn: string | null;
}

/** Carried-over entries followed at most, in case a chain ever loops. */
const MAX_CARRY_HOPS = 10;

/**
 * "Did anything change?": the rectification of an item, for the writer's receipt (回执码).
 * An entry carried into a later meeting (上一年度转入) answers with where it stands there.
 */
@Injectable()
export class RectificationOutcomes {
  constructor(
    @InjectRepository(Rectification) private readonly entries: Repository<Rectification>,
    @InjectRepository(RectificationMeasure) private readonly measures: Repository<RectificationMeasure>,
    @InjectRepository(RectificationEvent) private readonly events: Repository<RectificationEvent>,
    private readonly clock: Clock,
  ) {}

  /** The item's entry as it stands now, or null when the item has none. */
  async forItem(itemId: string): Promise<RectificationOutcome | null> {
    // The item's own entry; a carried one keeps the item too, and is reached below.
    let entry = await this.entries.findOne({ where: { itemId, carriedFromId: IsNull() } });
    if (!entry) return null;
    for (let hops = 0; hops < MAX_CARRY_HOPS; hops++) {
      const carried: Rectification | null = await this.entries.findOne({ where: { carriedFromId: entry.id } });
      if (!carried) break;
      entry = carried;
    }
    const [measures, closed] = await Promise.all([
      this.measures.find({ where: { entryId: entry.id }, order: { position: 'ASC' } }),
      entry.status === 'closed' ? this.events.findOne({ where: { entryId: entry.id, kind: 'closed' }, order: { seq: 'DESC' } }) : null,
    ]);
    return {
      measures: measures.map((measure) => measure.text),
      dueDate: entry.dueDate,
      status: statusToday(entry, this.clock.today()),
      closedOn: closed ? this.clock.dayOf(closed.at) : null,
    };
  }
}
