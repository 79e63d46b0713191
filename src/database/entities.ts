import { Box } from '../boxes/box.entity';
import { CheckMaterial } from '../materials/check-material.entity';
import { MaterialEvent } from '../materials/material-event.entity';
import { ExportJob } from '../exports/export-job.entity';
import { ItemClaim } from '../items/item-claim.entity';
import { ItemDistinction } from '../items/item-distinction.entity';
import { ItemMerge } from '../items/item-merge.entity';
import { OpinionItem } from '../items/opinion-item.entity';
import { Meeting } from '../meetings/meeting.entity';
import { TeamMember } from '../meetings/team-member.entity';
import { Notification } from '../notifications/notification.entity';
import { WebhookDelivery } from '../notifications/webhook-delivery.entity';
import { Webhook } from '../notifications/webhook.entity';
import { FormNonce } from '../opinions/form-nonce.entity';
import { RawOpinion } from '../opinions/raw-opinion.entity';
import { ReleaseSlot } from '../release/release-slot.entity';
import { Symposium } from '../recorded-opinions/symposium.entity';
import { WrittenSolicitation } from '../recorded-opinions/written-solicitation.entity';
import { Department } from '../organizations/department.entity';
import { Organization } from '../organizations/organization.entity';
import { SurveyResponse } from '../surveys/survey-response.entity';
import { SurveyToken } from '../surveys/survey-token.entity';
import { Survey } from '../surveys/survey.entity';
import { Talk } from '../talks/talk.entity';
import { User } from '../users/user.entity';

/** Every entity, in one list: the data source, the CLI and the schema check share it. */
export const ENTITIES = [Organization, Department, User, Meeting, TeamMember, Notification, Webhook, WebhookDelivery, Box, RawOpinion, FormNonce, Symposium, WrittenSolicitation, Survey, SurveyToken, SurveyResponse, Talk, CheckMaterial, MaterialEvent, OpinionItem, ItemClaim, ItemMerge, ItemDistinction, ExportJob, ReleaseSlot];
