import { Box } from './box.entity';

/**
 * A box's opinion count as the organiser sees it: the opinions released so far. A number that
 * ticked up right after someone walked away from the poster would tell who wrote, so it moves
 * only at a release, by at least the box's k.
 */
export class BoxCount {
  opinions: number;
}

/** Whom an opinion can concern: the team (id null) or one member (a user id). */
export class BoxTargetView {
  id: string | null;
  name: string;
}

export class BoxView {
  id: string;
  meetingId: string;
  title: string;
  slug: string;
  /** The link to print and share. */
  url: string;
  /** The box's QR code (SVG; add `?format=png` for PNG). */
  qrCodeUrl: string;
  accessCode: string | null;
  closesAt: string | null;
  closedAt: string | null;
  open: boolean;
  releaseThreshold: number;
  count: BoxCount;
}

/** One opinion of a released box: verbatim, its day, never who or when within the day. */
export class BoxOpinionView {
  id: string;
  text: string;
  aspect: string | null;
  target: BoxTargetView;
  day: string;
}

/** What the box page and `GET /api/v1/public/boxes/:slug` show a writer. */
export class PublicBoxView {
  title: string;
  meetingTitle: string;
  aspects: string[];
  targets: BoxTargetView[];
  accessCodeRequired: boolean;
  open: boolean;
}

/** The writer's receipt code (回执码), shown once: it looks the opinion up later, and nothing else. */
export class OpinionReceiptView {
  receipt: string;
}

export function boxUrl(publicBaseUrl: string, slug: string): string {
  return `${publicBaseUrl}/b/${slug}`;
}

export function toBoxView(box: Box, publicBaseUrl: string, open: boolean, count: BoxCount): BoxView {
  return {
    id: box.id,
    meetingId: box.meetingId,
    title: box.title,
    slug: box.slug,
    url: boxUrl(publicBaseUrl, box.slug),
    qrCodeUrl: `/api/v1/boxes/${box.id}/qr`,
    accessCode: box.accessCode,
    closesAt: box.closesAt?.toISOString() ?? null,
    closedAt: box.closedAt?.toISOString() ?? null,
    open,
    releaseThreshold: box.releaseThreshold,
    count,
  };
}
