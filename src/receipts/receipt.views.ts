/**
 * How far an opinion has come, as its writer may see it:
 * received (in the pool) → listed (in the published opinion list) → claimed (a team member took
 * it up) → answered (with the claimant's answer).
 */
export class ReceiptView {
  status: 'received' | 'listed' | 'claimed' | 'answered';
  /** The claimant's answer (reflection and measures), once answered. */
  answer?: string;
  /** While the opinion is held for a release (统一整理): when that is, and why it waits. */
  held?: string;
}
