import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Actor } from '../common/actor';
import { AppError, ErrorCode } from '../common/app-error';
import { Clock } from '../common/clock';
import { isRealDate } from '../common/dates';
import { newId } from '../common/ids';
import { MeetingsService } from '../meetings/meetings.service';
import { OpinionPool } from '../opinions/opinion-pool';
import { OpinionChoices } from '../opinions/opinion-rules';
import { OpinionChannel } from '../opinions/raw-opinion.entity';
import { RecordSymposiumDto } from './dto/record-symposium.dto';
import { RecordWrittenOpinionsDto } from './dto/record-written-opinions.dto';
import { RecordedOpinionDto } from './dto/recorded-opinion.dto';
import { Symposium } from './symposium.entity';
import { WrittenSolicitation } from './written-solicitation.entity';

/**
 * The channels an organiser records by hand: 座谈会 minutes and 书面征询 answers. Each record and
 * its opinions are written in one transaction, the opinions into the same pool as the box's,
 * marked for aggregation (the outbox).
 */
@Injectable()
export class RecordedOpinionsService {
  constructor(
    @InjectRepository(Symposium) private readonly symposiums: Repository<Symposium>,
    @InjectRepository(WrittenSolicitation) private readonly writtenSolicitations: Repository<WrittenSolicitation>,
    private readonly meetings: MeetingsService,
    private readonly clock: Clock,
    private readonly pool: OpinionPool,
  ) {}

  async recordSymposium(actor: Actor, meetingId: string, dto: RecordSymposiumDto): Promise<Symposium> {
    const scope = await this.meetings.scope(actor, meetingId);
    const meeting = scope.meeting;
    if (!isRealDate(dto.heldOn) || dto.heldOn > this.clock.today()) {
      throw AppError.badRequest(ErrorCode.ValidationFailed, '座谈会日期应为今天或之前的有效日期', [{ field: 'heldOn', message: '不是今天或之前的有效日期' }]);
    }
    const symposium: Symposium = {
      id: newId(),
      organizationId: actor.organizationId,
      meetingId: meeting.id,
      heldOn: dto.heldOn,
      audience: dto.audience.trim(),
      attendeeCount: dto.attendeeCount,
      opinionCount: dto.opinions.length,
      recordedBy: actor.userId,
      recordedAt: this.clock.nowToSecond(),
    };
    // What was said at the table arrived on the day it was said.
    await this.store(Symposium, symposium, 'symposium', dto.heldOn, dto.opinions, scope.choices());
    return symposium;
  }

  async listSymposiums(actor: Actor, meetingId: string): Promise<Symposium[]> {
    const meeting = await this.meetings.getMeeting(actor, meetingId);
    return this.symposiums.find({ where: { meetingId: meeting.id, organizationId: actor.organizationId }, order: { heldOn: 'ASC', recordedAt: 'ASC' } });
  }

  async recordWrittenOpinions(actor: Actor, meetingId: string, dto: RecordWrittenOpinionsDto): Promise<WrittenSolicitation> {
    const scope = await this.meetings.scope(actor, meetingId);
    const meeting = scope.meeting;
    const written: WrittenSolicitation = {
      id: newId(),
      organizationId: actor.organizationId,
      meetingId: meeting.id,
      fromBody: dto.fromBody.trim(),
      receivedOn: this.clock.today(),
      opinionCount: dto.opinions.length,
      recordedBy: actor.userId,
      recordedAt: this.clock.nowToSecond(),
    };
    await this.store(WrittenSolicitation, written, 'written', written.receivedOn, dto.opinions, scope.choices());
    return written;
  }

  async listWrittenSolicitations(actor: Actor, meetingId: string): Promise<WrittenSolicitation[]> {
    const meeting = await this.meetings.getMeeting(actor, meetingId);
    return this.writtenSolicitations.find({ where: { meetingId: meeting.id, organizationId: actor.organizationId }, order: { receivedOn: 'ASC', recordedAt: 'ASC' } });
  }

  /**
   * The record and its opinions in one transaction, the opinions into the pool. Every opinion is
   * checked before anything is written: one bad entry refuses the whole record.
   */
  private async store<T extends object>(
    entity: new () => T,
    record: T & RecordOf,
    channel: OpinionChannel,
    day: string,
    opinions: RecordedOpinionDto[],
    choices: OpinionChoices,
  ): Promise<void> {
    const source = { organizationId: record.organizationId, meetingId: record.meetingId, sourceId: record.id };
    await this.pool.accept(channel, source, opinions, {
      choices,
      field: 'opinions',
      day,
      anonymous: false,
      writeAlongside: (manager) => manager.insert(entity, record as T),
    });
  }
}

/** What a symposium or a written solicitation has that its opinions are filed under. */
type RecordOf = Pick<Symposium, 'id' | 'organizationId' | 'meetingId'>;
