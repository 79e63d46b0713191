import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import QRCode from 'qrcode';
import { Repository } from 'typeorm';
import { Actor } from '../common/actor';
import { AppError, ErrorCode } from '../common/app-error';
import { Clock, toWholeSecond } from '../common/clock';
import { newId } from '../common/ids';
import { randomBase32 } from '../common/random-code';
import { findOwned } from '../common/tenancy';
import { AppConfig } from '../config/app-config';
import { Meeting } from '../meetings/meeting.entity';
import { MeetingsService } from '../meetings/meetings.service';
import { OpinionPool } from '../opinions/opinion-pool';
import { UsersService } from '../users/users.service';
import { BoxDirectory, TEAM_TARGET } from './box-directory';
import { isBoxOpen } from './box-state';
import { Box } from './box.entity';
import { BoxOpinionView, boxUrl, BoxView, toBoxView } from './box.views';
import { OpenBoxDto } from './dto/open-box.dto';

export const DEFAULT_RELEASE_THRESHOLD = 5;

/** The organiser's side of the boxes (意见箱): open, list, close, print, and read once released. */
@Injectable()
export class BoxesService {
  constructor(
    @InjectRepository(Box) private readonly boxes: Repository<Box>,
    private readonly pool: OpinionPool,
    private readonly meetings: MeetingsService,
    private readonly users: UsersService,
    private readonly directory: BoxDirectory,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async openBox(actor: Actor, meetingId: string, dto: OpenBoxDto): Promise<BoxView> {
    const meeting = await this.meetings.getMeeting(actor, meetingId);
    const closesAt = dto.closesAt ? toWholeSecond(new Date(dto.closesAt)) : null;
    if (closesAt && closesAt.getTime() <= this.clock.now().getTime()) {
      throw AppError.badRequest(ErrorCode.ValidationFailed, '关闭时间应晚于现在', [{ field: 'closesAt', message: '关闭时间已过' }]);
    }
    const box: Box = {
      id: newId(),
      organizationId: actor.organizationId,
      meetingId: meeting.id,
      // 80 random bits: a box cannot be found by trying links.
      slug: randomBase32(16).toLowerCase(),
      title: dto.title.trim(),
      accessCode: dto.accessCode ?? null,
      closesAt,
      closedAt: null,
      releaseThreshold: dto.releaseThreshold ?? DEFAULT_RELEASE_THRESHOLD,
      createdBy: actor.userId,
      createdAt: this.clock.nowToSecond(),
    };
    await this.boxes.insert(box);
    return this.describe(box, meeting);
  }

  async listBoxes(actor: Actor, meetingId: string): Promise<BoxView[]> {
    const meeting = await this.meetings.getMeeting(actor, meetingId);
    const boxes = await this.boxes.find({ where: { meetingId: meeting.id, organizationId: actor.organizationId }, order: { createdAt: 'ASC' } });
    return Promise.all(boxes.map((box) => this.describe(box, meeting)));
  }

  async getBox(actor: Actor, id: string): Promise<BoxView> {
    const { box, meeting } = await this.findBox(actor, id);
    return this.describe(box, meeting);
  }

  /** Closes the box for good; closing a closed box changes nothing. */
  async closeBox(actor: Actor, id: string): Promise<BoxView> {
    const { box, meeting } = await this.findBox(actor, id);
    if (!box.closedAt) {
      box.closedAt = this.clock.nowToSecond();
      await this.boxes.update({ id: box.id }, { closedAt: box.closedAt });
      await this.directory.forget(box.slug);
    }
    return this.describe(box, meeting);
  }

  /** The poster's QR code, pointing at the box page. */
  async qrCode(actor: Actor, id: string, format: 'svg' | 'png'): Promise<Buffer | string> {
    const { box } = await this.findBox(actor, id);
    const url = boxUrl(this.config.publicBaseUrl, box.slug);
    // Error correction M survives a creased or partly covered poster.
    return format === 'png'
      ? QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 600 })
      : QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  }

  /**
   * The box's opinions, once it holds at least k of them (423 before: with fewer, a reader
   * could match texts to the few people who wrote them). Ordered by random id and dated by
   * day, so the list says nothing about the order of arrival.
   */
  async releasedOpinions(actor: Actor, id: string): Promise<BoxOpinionView[]> {
    const { box } = await this.findBox(actor, id);
    // Released opinions only: held ones are read by nobody until their batch goes out.
    const released = await this.pool.releasedCount('box', box.id);
    if (released < box.releaseThreshold) {
      throw new AppError(
        ErrorCode.BelowReleaseThreshold,
        HttpStatus.LOCKED,
        `为保护写信人匿名，意见箱的意见每次至少凑满 ${box.releaseThreshold} 条才统一整理公开，目前尚无可查看的内容`,
      );
    }
    const opinions = await this.pool.releasedOpinions('box', box.id);
    const members = await this.users.findUsers(actor, opinions.flatMap((opinion) => (opinion.targetMemberId ? [opinion.targetMemberId] : [])));
    return opinions.map((opinion) => {
      const member = members.find((user) => user.id === opinion.targetMemberId);
      return {
        id: opinion.id,
        text: opinion.text,
        aspect: opinion.aspect,
        target: member ? { id: member.id, name: member.displayName } : TEAM_TARGET,
        day: opinion.receivedOn,
      };
    });
  }

  private async findBox(actor: Actor, id: string): Promise<{ box: Box; meeting: Meeting }> {
    const box = await findOwned(this.boxes, actor, id, '意见箱');
    const meeting = await this.meetings.getMeeting(actor, box.meetingId);
    return { box, meeting };
  }

  /**
   * The box as organisers see it, with its count of released opinions: it changes only when a
   * batch of at least k is released at a fixed time, never when someone writes.
   */
  private async describe(box: Box, meeting: Meeting): Promise<BoxView> {
    const open = isBoxOpen(box, meeting.phase, this.clock.now());
    const opinions = await this.pool.releasedCount('box', box.id);
    return toBoxView(box, this.config.publicBaseUrl, open, { opinions });
  }
}
