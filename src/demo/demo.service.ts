import { Injectable, Logger } from '@nestjs/common';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AggregationService } from '../aggregation/aggregation.service';
import { RectificationsService } from '../rectifications/rectifications.service';
import { ReleaseService } from '../release/release.service';
import { SurveyView } from '../surveys/survey.views';
import { BoxSubmissionsService } from '../boxes/box-submissions.service';
import { BoxesService } from '../boxes/boxes.service';
import { Actor } from '../common/actor';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/app-config';
import { DEMO_ADDRESSES_FILE, DemoAddresses } from '../core/startup-banner';
import { Role } from '../common/roles';
import { SupervisionService } from '../supervision/supervision.service';
import { QuestionsService } from '../questions/questions.service';
import { ReceiptsService } from '../receipts/receipts.service';
import { MeetingsService } from '../meetings/meetings.service';
import { ClaimsService } from '../items/claims.service';
import { ItemsService } from '../items/items.service';
import { MaterialsService } from '../materials/materials.service';
import { Department } from '../organizations/department.entity';
import { OrganizationsService } from '../organizations/organizations.service';
import { RecordedOpinionsService } from '../recorded-opinions/recorded-opinions.service';
import { SurveyResponsesService } from '../surveys/survey-responses.service';
import { SurveysService } from '../surveys/surveys.service';
import { TalksService } from '../talks/talks.service';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';

export const DEMO_ORGANIZATION = '示范单位';
export const DEMO_PASSWORD = 'demo12345';
/** The demo unit's parent body, whose 督导组 (duban1) watches it and a second unit. */
export const DEMO_PARENT = '示范市直机关工委';
export const DEMO_SECOND_UNIT = '示范兄弟单位';

const DEPARTMENTS = [
  { name: '办公室', kind: 'department', headName: '周丽' },
  { name: '组织人事部', kind: 'department', headName: '吴海' },
  { name: '财务部', kind: 'department', headName: '郑红' },
  { name: '业务一部', kind: 'department' },
  { name: '业务二部', kind: 'department', headName: '冯涛' },
  { name: '信息中心', kind: 'department', headName: '何平' },
  { name: '机关第一党支部', kind: 'branch' },
  { name: '机关第二党支部', kind: 'branch' },
] as const;

const LEADERS = ['王建国', '李文华', '张志强', '刘海燕', '陈明'];

/** Demo survey answers: overall rating (option), the question index of the text, the text (null: left blank). */
const SURVEY_ANSWERS: Array<[string, number, string | null]> = [
  ['好', 5, '文件会议还是偏多，基层同志疲于应付，建议精简。'],
  ['较好', 2, '政治理论学习有时流于形式，结合业务实际不够。'],
  ['较好', 4, '对新情况新问题研究不够，有时习惯于老办法。'],
  ['好', 7, '无'],
  ['一般', 6, '公务用车管理要更规范，定期公开使用情况。'],
  ['较好', 5, null],
  ['好', 1, '班子成员到分管部门调研的次数可以再多一些。'],
  ['较好', 3, '年轻干部的培养使用还要加大力度。'],
];

/** What staff wrote in the demo box: aspect (or none), the leader it concerns (index, or none), text. */
const BOX_OPINIONS: Array<[string | null, number | null, string]> = [
  ['工作作风', null, '会议偏多、文件偏长，基层反映“文山会海”问题仍然存在，建议压缩会议数量和时长，多用短会、现场会解决问题。'],
  ['理论学习', null, '班子理论学习中心组学习有时流于形式，读文件多、联系本单位实际研讨少，建议每次学习都带着问题来。'],
  ['担当作为', 2, '遇到跨部门的难题时习惯层层上报，协调推动不够有力，有些事情拖了好几个月没有结果。'],
  ['能力本领', null, '数字化转型推进较慢，建议班子成员带头学习新业务、新技能，给年轻人更多机会。'],
  ['廉洁自律', null, '公务接待和差旅报销的制度执行要再严格一些，建议定期在单位内部公开。'],
  ['工作作风', 1, '调研多集中在机关，下基层一线的次数偏少，听取普通职工意见的渠道不够畅通。'],
  [null, null, '希望领导多关心青年职工的成长，建立常态化的谈心谈话机制，不要只在开会前才谈。'],
  ['政治素质', null, '落实“第一议题”制度要更加注重实效，学习之后要有具体的贯彻措施和跟踪检查。'],
];

/** The demo's 追问: the leader (index) and the box opinion asked about, the question, the writer's answer. */
const ASKED: [number, string, string, string] = [
  2,
  BOX_OPINIONS[2][2],
  '能否说说大概是哪一类事情？拖了多长时间？',
  '主要是涉及两三个部门的审批事项，比如办公用房调整，从年初一直拖到年底还没有结果。',
];

/**
 * Said at the staff representatives' symposium, minuted after the list was published: new draft
 * items for the review page (意见清单). Each pair says one thing in words different enough that
 * the clustering keeps them apart, and alike enough to be put to the organiser as 可能重复.
 */
const LATE_SYMPOSIUM_OPINIONS: Array<[string, string]> = [
  ['工作作风', '节假日经常临时通知到岗值班，职工难以安排家里的事。'],
  ['工作作风', '有的部门周末加班成了常态，希望合理安排工作任务。'],
  ['担当作为', '干部考核评价标准不够细，干好干坏差别不大。'],
  ['担当作为', '年度考核的区分度不高，不能很好地激励干事创业的同志。'],
  ['工作作风', '内部审批签字环节偏多，一件事要跑好几个部门。'],
  ['能力本领', '业务培训针对性不强，讲理论多、讲实操少。'],
];

/**
 * Last year's list and its 整改台账: aspect, the leader it concerns (index, or none), the problem,
 * the measures, and how far its entry got: closed (销号), reported, or still open. Some say what
 * this year's opinions say again, closed or not (屡提屡犯).
 */
const LAST_YEAR_LEDGER: Array<[string, number | null, string, string[], 'closed' | 'reported' | 'open']> = [
  ['工作作风', null, '会议偏多、文件偏长，“文山会海”问题仍然存在，基层疲于应付。', ['制定会议文件精简清单', '能合并的会议合并召开'], 'closed'],
  ['工作作风', 1, '调研多集中在机关，下基层一线的次数偏少。', ['每季度到分管部门基层蹲点调研一次'], 'open'],
  ['理论学习', null, '理论学习中心组学习联系实际不够，研讨交流不深入。', ['每次学习确定一个研讨主题', '年底开展学习成效评估'], 'closed'],
  ['能力本领', null, '年轻干部培养使用力度不够，交流轮岗机制不健全。', ['建立年轻干部导师帮带制度', '制定交流轮岗计划'], 'reported'],
  ['廉洁自律', null, '公务接待和差旅报销审核把关不够严格。', ['修订公务接待管理办法', '每半年内部公开一次'], 'closed'],
];

/**
 * 示范单位: the organisation a newcomer finds on the first start, so the first command shows a
 * working system. Accounts organiser / leader1..leader5 / staff1 / supervisor1, password demo12345.
 */
@Injectable()
export class DemoService {
  private readonly logger = new Logger(DemoService.name);

  constructor(
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
    private readonly meetings: MeetingsService,
    private readonly boxes: BoxesService,
    private readonly boxSubmissions: BoxSubmissionsService,
    private readonly recorded: RecordedOpinionsService,
    private readonly surveys: SurveysService,
    private readonly surveyResponses: SurveyResponsesService,
    private readonly talks: TalksService,
    private readonly materials: MaterialsService,
    private readonly aggregation: AggregationService,
    private readonly release: ReleaseService,
    private readonly items: ItemsService,
    private readonly claims: ClaimsService,
    private readonly rectifications: RectificationsService,
    private readonly supervision: SupervisionService,
    private readonly questions: QuestionsService,
    private readonly receipts: ReceiptsService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** Creates the demo organisation unless it exists; returns whether it did. */
  async seedDemo(): Promise<boolean> {
    if (await this.organizations.findByName(DEMO_ORGANIZATION)) return false;
    // The parent body first: the demo unit is created as its unit.
    const parent = await this.seedParentBody();
    const { organization, admin } = await this.organizations.bootstrapOrganization(DEMO_ORGANIZATION, 'organiser', DEMO_PASSWORD, '党办 张敏', parent.organizationId);
    const actor: Actor = { userId: admin.id, organizationId: organization.id, username: admin.username, roles: [Role.Admin, Role.Organiser] };

    const departments = [];
    for (const department of DEPARTMENTS) departments.push(await this.organizations.createDepartment(actor, department));
    const offices = departments.filter((department) => department.kind === 'department');

    const leaders = [];
    for (const [index, displayName] of LEADERS.entries()) {
      leaders.push(await this.users.createUser(actor, { username: `leader${index + 1}`, displayName, password: DEMO_PASSWORD, roles: [Role.Leader], departmentId: offices[0].id }));
    }
    const staff = await this.users.createUser(actor, { username: 'staff1', displayName: '赵小兵', password: DEMO_PASSWORD, roles: [Role.Staff], departmentId: offices[3].id });
    // 业务一部's head has an account: the talk with them is confirmed in the system.
    await this.organizations.updateDepartment(actor, offices[3].id, { headUserId: staff.id });
    await this.users.createUser(actor, { username: 'supervisor1', displayName: '督导组 孙立', password: DEMO_PASSWORD, roles: [Role.Supervisor] });

    const year = Number(this.clock.today().slice(0, 4));
    const lastYear = await this.seedLastYear(actor, year - 1, leaders, offices);
    const meeting = await this.meetings.createMeeting(actor, {
      title: `${year}年度主题教育专题民主生活会`,
      year,
      // Last year's unfinished entries come across, and this year's items are compared with its list.
      previousMeetingId: lastYear,
      kind: 'democratic-life',
      theme: '深入学习贯彻新时代中国特色社会主义思想，凝心铸魂强根基、团结奋进新征程',
      aspectPreset: '2023-theme-education',
      deadlines: {
        collectUntil: this.daysFromToday(14),
        talksUntil: this.daysFromToday(21),
        claimUntil: this.daysFromToday(24),
        materialsUntil: this.daysFromToday(28),
        heldOn: this.daysFromToday(35),
      },
    });
    await this.meetings.setTeam(actor, meeting.id, {
      members: leaders.map((leader, index) => ({
        userId: leader.id,
        role: index === 0 ? 'secretary' : 'member',
        // The secretary oversees the office; each member one or two departments.
        oversees: index === 0 ? [offices[0].id] : [offices[index].id].filter(Boolean),
      })),
    });
    await this.meetings.movePhase(actor, meeting.id, { phase: 'collecting' });

    // 意见箱 with opinions sent the way staff send them (through the same rules), past its threshold.
    const box = await this.boxes.openBox(actor, meeting.id, { title: `${year}年度民主生活会征求意见箱` });
    const receipts = new Map<string, string>();
    for (const [aspect, leader, text] of BOX_OPINIONS) {
      const { receipt } = await this.boxSubmissions.submitOpinion(box.slug, { text, aspect: aspect ?? undefined, targetMemberId: leader === null ? undefined : leaders[leader].id });
      receipts.set(text, receipt);
    }
    this.logger.log(`demo box: ${box.url}`);

    // 座谈会 with middle managers, and a 书面征询 answered by the discipline inspection group.
    await this.recorded.recordSymposium(actor, meeting.id, {
      heldOn: this.clock.today(),
      audience: '中层干部',
      attendeeCount: 16,
      opinions: [
        { text: '部门之间的协调机制还不够顺畅，跨部门事项往往要等班子会才能定下来。', aspect: '担当作为' },
        { text: '基层减负的措施要真正落地，报表和督查检查还是偏多。', aspect: '工作作风' },
        { text: '希望分管领导多到业务一线走一走，了解实际困难。', targetMemberId: leaders[3].id },
      ],
    });
    await this.recorded.recordWrittenOpinions(actor, meeting.id, {
      fromBody: '派驻纪检监察组',
      opinions: [
        { text: '对重点岗位的廉洁风险防控要进一步细化，落实到人。', aspect: '廉洁自律' },
        { text: '“三重一大”事项集体决策的记录要更加完整规范。', aspect: '政治素质' },
      ],
    });
    const { survey, spare } = await this.seedSurvey(actor, meeting.id, offices);
    await this.release.releaseSeeded([box.id, survey.id]);
    await this.seedTalksAndMaterials(meeting.id, leaders, staff);
    await this.seedOpinionList(actor, meeting.id, leaders);
    await this.seedQuestion(actor, leaders[ASKED[0]], ASKED[1], receipts.get(ASKED[1])!);
    await this.seedLateSymposium(actor, meeting.id);
    await this.seedSupervision(parent, organization.id);
    // Loud: these accounts' password is in the README, so anyone who can reach the site can sign in.
    this.logger.warn(
      `DEMO DATA CREATED: demo organisation ${DEMO_ORGANIZATION} with accounts organiser, leader1..leader5, staff1 and supervisor1, ` +
        `its parent body ${DEMO_PARENT} (admin shangji, 督导组 duban1) and a second unit ${DEMO_SECOND_UNIT} (admin xiongdi), ` +
        `all with the published password ${DEMO_PASSWORD}. Anyone who can reach this site can sign in with them: ` +
        'for a trial only; never on a server holding real opinions (deactivate them, or start afresh with DEMO_DATA=false).',
    );
    this.rememberAddresses({ accounts: `organiser, leader1..leader5, supervisor1, staff1, duban1 (督导组 of ${DEMO_PARENT}) / ${DEMO_PASSWORD}`, box: box.url, survey: spare });
    return true;
  }

  /**
   * Kept in DATA_DIR for the start-up banner, which shows them on every start: the survey's token
   * is stored only as a hash, so this is the one place its address survives the first start.
   */
  private rememberAddresses(addresses: DemoAddresses): void {
    // Only the embedded default shows a banner with the demo (see startupBanner); the CLI's demo on MySQL logs them once.
    if (!this.config.demoData) return;
    try {
      mkdirSync(this.config.dataDir, { recursive: true });
      writeFileSync(join(this.config.dataDir, DEMO_ADDRESSES_FILE), JSON.stringify(addresses));
    } catch (error) {
      this.logger.warn(`the demo's addresses were not kept for the start-up banner: ${(error as Error).message}`);
    }
  }

  /**
   * 征求意见表 from the template, sent to two departments: one has answered enough to be shown
   * on its own, the other not yet. One more token is kept unanswered to try the page with.
   */
  private async seedSurvey(actor: Actor, meetingId: string, offices: Department[]): Promise<{ survey: SurveyView; spare: string }> {
    const survey = await this.surveys.createFromTemplate(actor, meetingId);
    const answered = (await this.surveys.issueTokens(actor, survey.id, { count: 10, departmentId: offices[1].id })).tokens.slice(0, SURVEY_ANSWERS.length);
    await this.surveys.issueTokens(actor, survey.id, { count: 6, departmentId: offices[2].id });
    for (const [index, token] of answered.entries()) {
      const [rating, aspectIndex, text] = SURVEY_ANSWERS[index];
      // Question 0 is the overall rating, 1..n one per aspect, the last the open question.
      await this.surveyResponses.submit(token, { answers: [{ questionIndex: 0, value: rating }, ...(text ? [{ questionIndex: aspectIndex, value: text }] : [])] });
    }
    const [spare] = (await this.surveys.issueTokens(actor, survey.id, { count: 1 })).urls;
    this.logger.log(`demo survey (one unanswered token): ${spare}`);
    return { survey, spare };
  }

  /** A few talks (one confirmed, one waiting, one with a department head) and materials under way. */
  private async seedTalksAndMaterials(meetingId: string, leaders: User[], departmentHead: User): Promise<void> {
    const as = (user: User): Actor => ({ userId: user.id, organizationId: user.organizationId, username: user.username, roles: user.roles });
    const today = this.clock.today();
    const confirmed = await this.talks.logTalk(as(leaders[0]), meetingId, {
      counterpartUserId: leaders[1].id,
      heldOn: today,
      place: '书记办公室',
      summary: '王建国同志肯定了李文华同志分管组织人事工作的成效，指出干部选拔程序执行要更严；李文华同志建议班子会议题提前通知，留出准备时间。',
      opinions: [{ text: '班子会议题临时动议较多，建议提前通知、充分酝酿。', aspect: '工作作风' }],
    });
    await this.talks.confirm(as(leaders[1]), confirmed.id);
    await this.talks.logTalk(as(leaders[2]), meetingId, {
      counterpartUserId: leaders[3].id,
      heldOn: today,
      summary: '双方就分管领域协作不够、信息互通不及时的问题交换了意见，互相提了批评意见。',
      opinions: [{ text: '分管领域之间协作不够，信息互通不及时。', aspect: '担当作为' }],
    });
    await this.talks.logTalk(as(leaders[3]), meetingId, {
      counterpartUserId: departmentHead.id,
      heldOn: today,
      summary: '听取业务一部对基层减负的意见建议。',
      opinions: [],
    });

    await this.materials.move(as(leaders[1]), meetingId, leaders[1].id, { status: 'drafting' });
    await this.materials.move(as(leaders[1]), meetingId, leaders[1].id, { status: 'submitted' });
    await this.materials.move(as(leaders[2]), meetingId, leaders[2].id, { status: 'drafting' });
  }

  /**
   * Last year's meeting, held and closed: its published list and its 整改台账, three entries closed,
   * one reported and awaiting 销号, one still open and past its deadline. Returns its id.
   */
  private async seedLastYear(organiser: Actor, year: number, leaders: User[], offices: Department[]): Promise<string> {
    const meeting = await this.meetings.createMeeting(organiser, {
      title: `${year}年度民主生活会`,
      year,
      kind: 'democratic-life',
      aspectPreset: '2023-theme-education',
      deadlines: { collectUntil: `${year}-11-30`, talksUntil: `${year}-12-10`, claimUntil: `${year}-12-15`, materialsUntil: `${year}-12-20`, heldOn: `${year}-12-28` },
    });
    await this.meetings.setTeam(organiser, meeting.id, {
      members: leaders.map((leader, index) => ({ userId: leader.id, role: index === 0 ? 'secretary' : 'member', oversees: [offices[index]?.id].filter(Boolean) })),
    });
    const as = (user: User): Actor => ({ userId: user.id, organizationId: user.organizationId, username: user.username, roles: user.roles });
    const items = [];
    for (const [aspect, leader, summary] of LAST_YEAR_LEDGER) {
      items.push(await this.items.addItem(organiser, meeting.id, { aspect, summary, ...(leader === null ? {} : { targetMemberId: leaders[leader].id }) }));
    }
    await this.items.publish(organiser, meeting.id);
    for (const [index, [, leader, problem, measures, outcome]] of LAST_YEAR_LEDGER.entries()) {
      const owner = leaders[leader ?? index % leaders.length];
      // Not the secretary's own entries: the organiser closes them either way.
      const dueDate = outcome === 'open' ? this.daysFromToday(-40) : `${year + 1}-06-30`;
      const entry = await this.rectifications.createEntry(organiser, meeting.id, { problem, measures, ownerUserId: owner.id, dueDate, itemId: items[index].id });
      if (outcome === 'open') continue;
      await this.rectifications.reportEntry(as(owner), entry.id, { note: `${measures.join('，')}，已落实。`, evidence: '有关制度文件和工作记录' });
      if (outcome === 'closed') await this.rectifications.closeEntry(organiser, entry.id, { note: '经核实，整改到位，同意销号。' });
    }
    for (const phase of ['collecting', 'claiming', 'held', 'rectifying', 'closed'] as const) await this.meetings.movePhase(organiser, meeting.id, { phase });
    return meeting.id;
  }

  /** Every opinion placed, the list published, and one team item led and answered by 李文华. */
  private async seedOpinionList(organiser: Actor, meetingId: string, leaders: User[]): Promise<void> {
    await this.aggregation.aggregateMeeting(organiser.organizationId, meetingId);
    await this.items.publish(organiser, meetingId);
    const member = leaders[1];
    const as: Actor = { userId: member.id, organizationId: member.organizationId, username: member.username, roles: member.roles };
    const teamItems = (await this.claims.myItems(as)).filter((item) => item.target.id === null);
    // The answer is about 基层减负: it goes under the item that speaks of it, not whichever comes first.
    const first = teamItems.find((item) => /减负|文山会海|会议|发文|督查检查|报表/.test(item.summary)) ?? teamItems[0];
    if (!first) return;
    await this.claims.claim(as, first.id, { kind: 'lead' });
    await this.claims.answer(as, first.id, {
      reflection: '对基层减负的要求落实不够，习惯用开会、发文推动工作。',
      measures: '制定会议文件精简清单，能合并的会议合并召开，年内会议数量压减三成。',
      dueDate: this.daysFromToday(90),
    });
    // The secretary leads the point on the 中心组's study: their draft (对照检查材料) has it to start from.
    const secretary = leaders[0];
    const bySecretary: Actor = { userId: secretary.id, organizationId: secretary.organizationId, username: secretary.username, roles: secretary.roles };
    const study = teamItems.find((item) => item.id !== first.id && /中心组|理论学习/.test(item.summary));
    if (!study) return;
    await this.claims.claim(bySecretary, study.id, { kind: 'lead' });
    await this.claims.answer(bySecretary, study.id, {
      reflection: '作为主要负责同志，抓班子理论学习中心组学习要求不严，读文件多、联系本单位实际研讨少。',
      measures: '每次中心组学习确定一个研讨主题，班子成员结合分管工作交流发言；年底开展学习成效评估。',
      dueDate: this.daysFromToday(120),
    });
  }

  /**
   * 追问: the organiser asks the writer of one box opinion what they meant, the writer answers with
   * their receipt, and the answer is passed on as a fixed time would: the leader the opinion
   * concerns reads it under the opinion on their list.
   */
  private async seedQuestion(organiser: Actor, leader: User, text: string, receipt: string): Promise<void> {
    const asLeader: Actor = { userId: leader.id, organizationId: leader.organizationId, username: leader.username, roles: leader.roles };
    const source = (await this.claims.myItems(asLeader)).flatMap((item) => item.sources).find((candidate) => candidate.text === text);
    if (!source) return;
    const question = await this.questions.ask(organiser, source.id, { text: ASKED[2] });
    await this.receipts.reply(receipt, { questionId: question.id, text: ASKED[3] });
    await this.release.releaseSeededReplies([organiser.organizationId]);
  }

  /**
   * A symposium recorded after the list was published: its opinions become draft items, some in
   * 可能重复 pairs, so the review page has work on it when a newcomer opens it.
   */
  private async seedLateSymposium(organiser: Actor, meetingId: string): Promise<void> {
    await this.recorded.recordSymposium(organiser, meetingId, {
      heldOn: this.clock.today(),
      audience: '普通职工代表',
      attendeeCount: 12,
      opinions: LATE_SYMPOSIUM_OPINIONS.map(([aspect, text]) => ({ aspect, text })),
    });
    await this.aggregation.aggregateMeeting(organiser.organizationId, meetingId);
  }

  /** 示范市直机关工委: the parent body, its admin and a supervisor account for its 督导组. */
  private async seedParentBody(): Promise<Actor> {
    const { organization, admin } = await this.organizations.bootstrapOrganization(DEMO_PARENT, 'shangji', DEMO_PASSWORD, '工委组织部 李红');
    return { userId: admin.id, organizationId: organization.id, username: admin.username, roles: [Role.Admin, Role.Organiser] };
  }

  /**
   * The parent's 督导组 (duban1) over the demo unit and a second unit, whose meeting is behind:
   * its talks were due yesterday and none was held, so the overview puts it first.
   */
  private async seedSupervision(parent: Actor, demoUnitId: string): Promise<void> {
    const duban = await this.users.createUser(parent, { username: 'duban1', displayName: '督导组 周正', password: DEMO_PASSWORD, roles: [Role.Supervisor] });
    const second = await this.organizations.bootstrapOrganization(DEMO_SECOND_UNIT, 'xiongdi', DEMO_PASSWORD, '办公室 王芳', parent.organizationId);
    const unit: Actor = { userId: second.admin.id, organizationId: second.organization.id, username: second.admin.username, roles: [Role.Admin, Role.Organiser] };
    const office = await this.organizations.createDepartment(unit, { name: '综合科', kind: 'department' });
    const members = [];
    for (const [index, displayName] of ['陈建国', '林晓梅', '黄志强'].entries()) {
      members.push(await this.users.createUser(unit, { username: `xiongdi-leader${index + 1}`, displayName, password: DEMO_PASSWORD, roles: [Role.Leader], departmentId: office.id }));
    }
    const year = Number(this.clock.today().slice(0, 4));
    const meeting = await this.meetings.createMeeting(unit, {
      title: `${year}年度民主生活会`,
      year,
      kind: 'democratic-life',
      aspectPreset: '2023-theme-education',
      deadlines: {
        collectUntil: this.daysFromToday(-5),
        talksUntil: this.daysFromToday(-1),
        claimUntil: this.daysFromToday(6),
        materialsUntil: this.daysFromToday(10),
        heldOn: this.daysFromToday(14),
      },
    });
    await this.meetings.setTeam(unit, meeting.id, { members: members.map((member, index) => ({ userId: member.id, role: index === 0 ? 'secretary' : 'member', oversees: index === 0 ? [office.id] : [] })) });
    await this.meetings.movePhase(unit, meeting.id, { phase: 'collecting' });
    await this.supervision.createGroup(parent, { name: '工委第一督导组', memberUserIds: [duban.id], unitIds: [demoUnitId, second.organization.id] });
  }

  private daysFromToday(days: number): string {
    return this.clock.dayOf(new Date(this.clock.now().getTime() + days * 86_400_000));
  }
}
