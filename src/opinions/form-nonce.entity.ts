import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A box form's one-time nonce, spent (防重复提交): the page hands out a random nonce with the
 * form, and the opinion sent with it is stored in the same transaction as this row, so sending the
 * form again (a reload, Back and send) stores nothing a second time. The row holds the nonce's
 * keyed hash and the day only: no link to the opinion, no time. On SQLite the table has no rowid,
 * whose order would tell the order of arrival; MySQL clusters it by the random hash. Rows older
 * than a few days are swept away (ExpiredFormNoncesSchedule): by then no browser sends the form again.
 */
@Entity('form_nonces', { withoutRowid: true })
@Index(['day'])
export class FormNonce {
  @PrimaryColumn('varchar', { length: 64 })
  nonceHash: string;

  /** The day it was spent (YYYY-MM-DD in the organisation's time zone): what the sweeper reads. */
  @Column('date')
  day: string;
}
