import { HttpStatus, Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { AnonymityKeys } from '../common/anonymity-keys';
import { AppError, ErrorCode } from '../common/app-error';
import { Clock } from '../common/clock';
import { FormNonce } from '../opinions/form-nonce.entity';
import { OpinionPool } from '../opinions/opinion-pool';
import { newReceiptCode, normaliseReceiptCode } from '../opinions/receipt-code';
import { heldNotice, ReleaseTimes } from '../opinions/release-times';
import { BoxDirectory, BoxForWriters, BoxTarget } from './box-directory';
import { isBoxOpen } from './box-state';
import { SubmitOpinionDto } from './dto/submit-opinion.dto';

/** What the box page and `GET /api/v1/public/boxes/:slug` show a writer. */
export interface PublicBoxView {
  title: string;
  meetingTitle: string;
  aspects: string[];
  targets: BoxTarget[];
  accessCodeRequired: boolean;
  open: boolean;
}

/**
 * The writer's side of a box (意见箱): describe it, take an opinion. Nothing about the request
 * — account, address, user agent, time of day — reaches the stored row; the writer leaves with a
 * receipt code whose keyed hash is all that is kept of it.
 */
@Injectable()
export class BoxSubmissionsService {
  constructor(
    private readonly directory: BoxDirectory,
    private readonly pool: OpinionPool,
    private readonly keys: AnonymityKeys,
    private readonly clock: Clock,
    private readonly releaseTimes: ReleaseTimes,
  ) {}

  /** What the writer is told of their held opinion: when the next release (统一整理) is, and why it waits. */
  heldNotice(): string {
    return heldNotice(this.releaseTimes, this.clock.now());
  }

  async describeBox(slug: string): Promise<PublicBoxView> {
    const found = await this.requireBox(slug);
    return {
      title: found.box.title,
      meetingTitle: found.meetingTitle,
      aspects: found.aspects,
      targets: found.targets,
      accessCodeRequired: found.box.accessCode !== null,
      open: isBoxOpen(found.box, found.meetingPhase, this.clock.now()),
    };
  }

  async submitOpinion(slug: string, dto: SubmitOpinionDto): Promise<{ receipt: string }> {
    const found = await this.requireBox(slug);
    const { box } = found;
    if (!isBoxOpen(box, found.meetingPhase, this.clock.now())) {
      throw AppError.conflict(ErrorCode.BoxClosed, '这个意见箱已经关闭，不再接收意见');
    }
    if (box.accessCode !== null && !sameCode(dto.accessCode, box.accessCode)) {
      throw new AppError(ErrorCode.AccessCodeRequired, HttpStatus.FORBIDDEN, dto.accessCode ? '访问码不正确，请核对海报上的访问码' : '请输入海报上的访问码', [
        { field: 'accessCode', message: dto.accessCode ? '访问码不正确' : '请输入访问码' },
      ]);
    }
    const choices = { aspects: found.aspects, memberIds: found.targets.flatMap((target) => (target.id ? [target.id] : [])) };
    const receipt = newReceiptCode();
    // Anonymous: held until the box releases a batch (统一整理), so nothing anyone else reads changes now.
    await this.pool.accept('box', { organizationId: box.organizationId, meetingId: box.meetingId, sourceId: box.id }, [{ text: dto.text, aspect: dto.aspect, targetMemberId: dto.targetMemberId }], {
      choices,
      day: this.clock.today(),
      anonymous: true,
      receiptHash: this.keys.receiptHash(normaliseReceiptCode(receipt)!),
      nonce: this.spentNonce(dto),
    });
    return { receipt };
  }

  /** The form's one-time nonce as stored when spent: its keyed hash and the day (see FormNonce). */
  private spentNonce(dto: SubmitOpinionDto): FormNonce | undefined {
    return dto.nonce ? { nonceHash: this.keys.formNonceHash(dto.nonce), day: this.clock.today() } : undefined;
  }

  private async requireBox(slug: string): Promise<BoxForWriters> {
    const found = /^[a-z0-9]{8,32}$/.test(slug) ? await this.directory.find(slug) : null;
    if (!found) throw AppError.notFound('意见箱');
    return found;
  }
}

/** Case-insensitive, in constant time: the comparison must not tell how much of a guess was right. */
function sameCode(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given.toUpperCase());
  const b = Buffer.from(expected.toUpperCase());
  return a.length === b.length && timingSafeEqual(a, b);
}
