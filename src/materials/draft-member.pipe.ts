import { Injectable, PipeTransform } from '@nestjs/common';
import { IdPipe } from '../common/id.pipe';
import { TEAM } from './draft-assembly';

/** `:memberId` on the draft routes: a member's user id, or `team` for the 领导班子's material. */
@Injectable()
export class DraftMemberPipe implements PipeTransform<string, string> {
  private readonly ids = new IdPipe();

  transform(value: string): string {
    return value === TEAM ? TEAM : this.ids.transform(value);
  }
}
