import { Box } from '../boxes/box.entity';
import { Meeting } from '../meetings/meeting.entity';
import { TeamMember } from '../meetings/team-member.entity';
import { Notification } from '../notifications/notification.entity';
import { WebhookDelivery } from '../notifications/webhook-delivery.entity';
import { Webhook } from '../notifications/webhook.entity';
import { RawOpinion } from '../opinions/raw-opinion.entity';
import { Symposium } from '../recorded-opinions/symposium.entity';
import { WrittenSolicitation } from '../recorded-opinions/written-solicitation.entity';
import { Department } from '../organizations/department.entity';
import { Organization } from '../organizations/organization.entity';
import { User } from '../users/user.entity';

/** Every entity, in one list: the data source, the CLI and the schema check share it. */
export const ENTITIES = [Organization, Department, User, Meeting, TeamMember, Notification, Webhook, WebhookDelivery, Box, RawOpinion, Symposium, WrittenSolicitation];
