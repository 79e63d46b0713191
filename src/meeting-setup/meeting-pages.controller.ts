import { Body, Controller, Get, Header, Param, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { CurrentViewer, SignedInPage } from '../auth/signed-in-page';
import { AppError, ErrorCode } from '../common/app-error';
import { Clock } from '../common/clock';
import { IdPipe } from '../common/id.pipe';
import { Role } from '../common/roles';
import { validateInput } from '../common/validation';
import { OrganizationsService } from '../organizations/organizations.service';
import { UsersService } from '../users/users.service';
import { formFields, formText, pageMessage } from '../web/forms';
import { HTML_CONTENT_TYPE } from '../web/layout';
import { OnRefusal } from '../web/form-refusal';
import { Viewer } from '../web/workbench';
import { ASPECT_PRESETS, findAspectPreset } from '../meetings/aspect-presets';
import { CreateMeetingDto } from '../meetings/dto/create-meeting.dto';
import { MovePhaseDto } from '../meetings/dto/move-phase.dto';
import { SetTeamDto } from '../meetings/dto/set-team.dto';
import { UpdateMeetingDto } from '../meetings/dto/update-meeting.dto';
import { Meeting } from '../meetings/meeting.entity';
import { MEETING_PHASES, MeetingPhase } from '../meetings/meeting-phase';
import { MeetingsService } from '../meetings/meetings.service';
import { DEFAULT_TALK_RULES, TALK_RULES, talkRulesOf, TalkRuleSettings } from '../meetings/talk-rule-settings';
import { NewMeetingPage, renderNewMeeting } from '../meetings/views/meeting-form-page';
import { renderPhaseConfirm, renderSettings, renderTeam, SettingsPage, TeamPage } from '../meetings/views/meeting-steps-pages';
import { DEADLINE_FIELDS, Deadlines } from '../meetings/deadlines';
import { renderMeetings } from '../meetings/views/meetings-page';

const ForOrganisers = () => SignedInPage({ roles: [Role.Organiser], forbidden: '本页面供组织者使用' });

/** Default deadlines, in days from today: two weeks of collecting, the meeting five weeks out. */
const DEFAULT_OFFSETS: Record<keyof Deadlines, number> = { collectUntil: 14, talksUntil: 21, claimUntil: 24, materialsUntil: 28, heldOn: 35 };

/** Field names in the DTOs' messages, as the forms call them. */
const FIELD_WORDS: Array<[RegExp, string]> = [
  // The deadlines by the names every page gives them (meeting-words.ts); the day of the meeting as a date.
  ...DEADLINE_FIELDS.map(({ name, label }): [RegExp, string] => [new RegExp(`deadlines\\.${name}|${name}`, 'g'), name === 'heldOn' ? '会议召开日期' : label]),
  [/\btitle\b/g, '会议名称'],
  [/\btheme\b/g, '主题'],
  [/\byear\b/g, '年度'],
  [/\baspects\b/g, '对照检查的方面'],
  [/[（(]secretary[)）]/g, ''],
];

/**
 * The organiser's meeting pages: the list, a new meeting from a preset, its settings, moving its
 * phase and its team. Here rather than in src/meetings: the pages' guard comes from src/auth, which
 * itself imports the meetings feature.
 */
@ApiExcludeController()
@Controller('meetings')
export class MeetingPagesController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly users: UsersService,
    private readonly organizations: OrganizationsService,
    private readonly clock: Clock,
  ) {}

  @Get()
  @SignedInPage({ roles: [Role.Organiser, Role.Supervisor], forbidden: '会议列表供组织者和督导组使用' })
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async list(@CurrentViewer() viewer: Viewer): Promise<string> {
    const meetings = await this.meetings.listMeetings(viewer.actor);
    return renderMeetings(viewer, { meetings: meetings.map((meeting) => ({ ...meeting, deadlines: deadlinesOf(meeting) })) });
  }

  @Get('new')
  @ForOrganisers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async newMeeting(@CurrentViewer() viewer: Viewer, @Query('preset') preset?: string): Promise<string> {
    return renderNewMeeting(viewer, await this.newMeetingPage(viewer, preset ?? ASPECT_PRESETS[ASPECT_PRESETS.length - 1].key));
  }

  @Post('new')
  @ForOrganisers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @OnRefusal(async (error, { body, viewer }, pages: MeetingPagesController) =>
    renderNewMeeting(viewer!, { presets: ASPECT_PRESETS, earlier: await pages.earlierMeetings(viewer!), values: newMeetingValues(body), problem: inWords(error) }),
  )
  async create(@Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const values = newMeetingValues(form);
    const preset = findAspectPreset(values.preset);
    const aspects = lines(values.aspects);
    // The preset's own aspects, untouched, keep the meeting tied to its preset (and its keyword lexicon).
    const fromPreset = preset && aspects.join('\n') === preset.aspects.join('\n');
    const dto = await validateInput(CreateMeetingDto, {
      title: values.title.trim(),
      year: Number(values.year),
      kind: values.kind,
      ...(values.theme.trim() ? { theme: values.theme.trim() } : {}),
      ...(fromPreset ? { aspectPreset: preset.key } : { aspects }),
      deadlines: values.deadlines,
      ...(values.previousMeetingId ? { previousMeetingId: values.previousMeetingId } : {}),
    });
    const rules = await validateInput(UpdateMeetingDto, { talkRules: values.talkRules });
    const meeting = await this.meetings.createMeeting(viewer.actor, dto);
    if (TALK_RULES.some((rule) => values.talkRules[rule] !== DEFAULT_TALK_RULES[rule])) await this.meetings.updateMeeting(viewer.actor, meeting.id, rules);
    reply.status(303).redirect(`/meetings/${meeting.id}?done=created`);
  }

  @Get(':id/settings')
  @ForOrganisers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async settings(@Param('id', IdPipe) id: string, @CurrentViewer() viewer: Viewer): Promise<string> {
    const meeting = await this.meetings.getMeeting(viewer.actor, id);
    const values = { title: meeting.title, theme: meeting.theme ?? '', deadlines: deadlinesOf(meeting), talkRules: talkRulesOf(meeting), talkVisibility: meeting.talkVisibility };
    return renderSettings(viewer, { meeting: { id, title: meeting.title }, values });
  }

  @Post(':id/settings')
  @ForOrganisers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @OnRefusal((error, { body, params, viewer }, pages: MeetingPagesController) => pages.settingsRefused(viewer!, params.id, settingsValues(body), inWords(error)))
  async saveSettings(@Param('id', IdPipe) id: string, @Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const values = settingsValues(form);
    const dto = await validateInput(UpdateMeetingDto, { title: values.title.trim(), theme: values.theme, deadlines: values.deadlines, talkRules: values.talkRules, talkVisibility: values.talkVisibility });
    await this.meetings.updateMeeting(viewer.actor, id, dto);
    reply.status(303).redirect(`/meetings/${id}?done=settings`);
  }

  /** The settings form again, with what was typed and the refusal. */
  async settingsRefused(viewer: Viewer, id: string, values: SettingsPage['values'], problem: string): Promise<string> {
    const meeting = await this.meetings.getMeeting(viewer.actor, id);
    return renderSettings(viewer, { meeting: { id, title: meeting.title }, values, problem });
  }

  /** “确定要推进到…？” before the phase moves. */
  @Get(':id/phase')
  @ForOrganisers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async confirmPhase(@Param('id', IdPipe) id: string, @CurrentViewer() viewer: Viewer): Promise<string> {
    return this.phasePage(viewer, id);
  }

  @Post(':id/phase')
  @ForOrganisers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @OnRefusal((error, { params, viewer }, pages: MeetingPagesController) => pages.phasePage(viewer!, params.id, pageMessage(error)))
  async movePhase(@Param('id', IdPipe) id: string, @Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.meetings.movePhase(viewer.actor, id, await validateInput(MovePhaseDto, { phase: formText(form, 'phase') }));
    reply.status(303).redirect(`/meetings/${id}?done=phase`);
  }

  @Get(':id/team')
  @ForOrganisers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @Header('cache-control', 'no-store')
  async team(@Param('id', IdPipe) id: string, @CurrentViewer() viewer: Viewer, @Query('done') done?: string): Promise<string> {
    const team = await this.meetings.getTeam(viewer.actor, id);
    const values = {
      secretary: team.find((member) => member.role === 'secretary')?.userId ?? '',
      members: team.filter((member) => member.role === 'member').map((member) => member.userId),
      oversees: Object.fromEntries(team.map((member) => [member.userId, member.oversees.map((department) => department.id)])),
    };
    return this.teamPage(viewer, id, { values, notice: done === 'saved' ? '班子已保存。' : undefined });
  }

  @Post(':id/team')
  @ForOrganisers()
  @Header('content-type', HTML_CONTENT_TYPE)
  @OnRefusal((error, { body, params, viewer }, pages: MeetingPagesController) => pages.teamPage(viewer!, params.id, { values: teamValues(body), problem: inWords(error) }))
  async saveTeam(@Param('id', IdPipe) id: string, @Body() form: unknown, @CurrentViewer() viewer: Viewer, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const { secretary, members, oversees } = teamValues(form);
    if (!secretary) throw AppError.badRequest(ErrorCode.InvalidTeam, '请选择一位主要负责同志');
    const dto = await validateInput(SetTeamDto, {
      members: [{ userId: secretary, role: 'secretary', oversees: oversees[secretary] }, ...members.map((userId) => ({ userId, role: 'member', oversees: oversees[userId] }))],
    });
    await this.meetings.setTeam(viewer.actor, id, dto);
    reply.status(303).redirect(`/meetings/${id}/team?done=saved`);
  }

  async teamPage(viewer: Viewer, id: string, extra: Pick<TeamPage, 'values' | 'notice' | 'problem'>): Promise<string> {
    const meeting = await this.meetings.getMeeting(viewer.actor, id);
    const [users, departments] = await Promise.all([this.users.listUsers(viewer.actor), this.organizations.listDepartments(viewer.actor)]);
    const departmentName = new Map(departments.map((department) => [department.id, department.name]));
    const leaders = users
      .filter((user) => user.active && user.roles.includes(Role.Leader))
      .map((user) => ({ id: user.id, name: user.displayName, username: user.username, department: user.departmentId ? departmentName.get(user.departmentId) ?? null : null }));
    return renderTeam(viewer, { meeting: { id, title: meeting.title }, leaders, departments: departments.map(({ id: departmentId, name }) => ({ id: departmentId, name })), ...extra });
  }

  async phasePage(viewer: Viewer, id: string, problem?: string): Promise<string> {
    const meeting = await this.meetings.getMeeting(viewer.actor, id);
    const team = await this.meetings.getTeam(viewer.actor, id);
    const next = (MEETING_PHASES[MEETING_PHASES.indexOf(meeting.phase) + 1] ?? null) as MeetingPhase | null;
    return renderPhaseConfirm(viewer, { meeting: { id, title: meeting.title }, phase: meeting.phase, next, missing: team.length ? [] : ['还没有设置班子'], problem });
  }

  /** The organisation's meetings to follow on from, newest first. */
  async earlierMeetings(viewer: Viewer): Promise<NewMeetingPage['earlier']> {
    const meetings = await this.meetings.listMeetings(viewer.actor);
    return meetings.map(({ id, title, year }) => ({ id, title, year })).sort((a, b) => b.year - a.year);
  }

  private async newMeetingPage(viewer: Viewer, presetKey: string): Promise<NewMeetingPage> {
    const preset = findAspectPreset(presetKey);
    const today = this.clock.today();
    const earlier = await this.earlierMeetings(viewer);
    return {
      presets: ASPECT_PRESETS,
      earlier,
      values: {
        // The newest meeting before this year's is the one a new meeting usually follows.
        previousMeetingId: earlier.find((meeting) => meeting.year < Number(today.slice(0, 4)))?.id ?? '',
        preset: preset?.key ?? '',
        year: today.slice(0, 4),
        kind: 'democratic-life',
        title: `${today.slice(0, 4)}年度民主生活会`,
        theme: '',
        aspects: preset ? preset.aspects.join('\n') : '',
        deadlines: Object.fromEntries(DEADLINE_FIELDS.map(({ name }) => [name, addDays(today, DEFAULT_OFFSETS[name])])) as Deadlines,
        talkRules: { ...DEFAULT_TALK_RULES },
      },
    };
  }
}

/** The settings form as typed. */
function settingsValues(form: unknown): SettingsPage['values'] {
  return {
    title: formText(form, 'title') ?? '',
    theme: formText(form, 'theme') ?? '',
    deadlines: deadlineValues(form),
    talkRules: talkRuleValues(form),
    talkVisibility: formText(form, 'talkVisibility') ?? '',
  };
}

/** The team form as ticked: the secretary, the members besides them, the departments each oversees. */
function teamValues(form: unknown): TeamPage['values'] {
  const secretary = formText(form, 'secretary') ?? '';
  const members = listOf(formFields(form).members).filter((userId) => userId !== secretary);
  const oversees = Object.fromEntries([secretary, ...members].map((userId) => [userId, listOf(formFields(form)[`oversees-${userId}`])]));
  return { secretary, members, oversees };
}

function inWords(error: AppError): string {
  return FIELD_WORDS.reduce((message, [field, words]) => message.replace(field, words), pageMessage(error));
}

function newMeetingValues(form: unknown): NewMeetingPage['values'] {
  return {
    preset: formText(form, 'preset') ?? '',
    year: formText(form, 'year') ?? '',
    kind: formText(form, 'kind') ?? '',
    title: formText(form, 'title') ?? '',
    theme: formText(form, 'theme') ?? '',
    aspects: formText(form, 'aspects') ?? '',
    deadlines: deadlineValues(form),
    talkRules: talkRuleValues(form),
    previousMeetingId: formText(form, 'previousMeetingId') ?? '',
  };
}

function deadlineValues(form: unknown): Deadlines {
  return Object.fromEntries(DEADLINE_FIELDS.map(({ name }) => [name, formText(form, name) ?? ''])) as Deadlines;
}

/** Ticked rules are on, the others off: an unticked checkbox sends nothing. */
function talkRuleValues(form: unknown): TalkRuleSettings {
  const ticked = listOf(formFields(form).talkRules);
  return Object.fromEntries(TALK_RULES.map((rule) => [rule, ticked.includes(rule)])) as TalkRuleSettings;
}

/** A repeated field (ticked checkboxes) as a list: one value arrives as a string. */
function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((entry): entry is string => typeof entry === 'string' && entry !== '');
  return typeof value === 'string' && value !== '' ? [value] : [];
}

function lines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).map((line) => line.trim()).filter(Boolean);
}

function deadlinesOf(meeting: Meeting): Deadlines {
  return { collectUntil: meeting.collectUntil, talksUntil: meeting.talksUntil, claimUntil: meeting.claimUntil, materialsUntil: meeting.materialsUntil, heldOn: meeting.heldOn };
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
