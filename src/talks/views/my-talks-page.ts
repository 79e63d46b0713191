import { Meeting } from '../../meetings/meeting.entity';
import { TeamMemberView } from '../../meetings/meeting.views';
import { html, SafeHtml } from '../../web/html';
import { dayInWords } from '../../web/dates';
import { alert } from '../../web/layout';
import { Viewer, workbenchPage } from '../../web/workbench';
import { nameKey, TalkRule, userKey } from '../talk-rules';
import { RequiredTalkView, TALK_RULE_NAMES, TalkView } from '../talk.views';

/** How far a talk (or a required pair) is, as its participants see it. */
export type TalkState = 'pending' | 'awaiting' | 'recorded' | 'correction' | 'confirmed';

export const TALK_STATE_NAMES: Record<TalkState, string> = {
  pending: '未谈',
  awaiting: '已记录待对方确认',
  // A head known by name only has no account to confirm with.
  recorded: '已记录（对方无账号，无需确认）',
  correction: '需更正',
  confirmed: '已确认',
};

const STATE_BADGES: Record<TalkState, string> = { pending: 'badge bad', awaiting: 'badge warn', recorded: 'badge ok', correction: 'badge bad', confirmed: 'badge ok' };

/** One talk the person must hold (必谈), from their side. */
export interface RequiredRow {
  /** The log form's `with` value for the other side: `user:<id>`, or `name:<name>` for someone without an account. */
  choice: string;
  name: string;
  role: string;
  rule: TalkRule;
  state: TalkState;
  /** The record that decides the state, if any. */
  talkId: string | null;
}

export interface MyTalksMeeting {
  meeting: Meeting;
  /** Sits on the team: has required talks and may log talks. */
  onTeam: boolean;
  required: RequiredRow[];
  talks: TalkView[];
}

export interface MyTalksPage {
  viewer: Viewer;
  meetings: MyTalksMeeting[];
  notice?: string;
  /** A refusal to show beside one talk, with the correction reason typed. */
  problem?: { talkId: string; message: string; comment?: string };
}

export function counterpartChoice(userId: string | null, name: string | null): string {
  return userId ? `user:${userId}` : `name:${name ?? ''}`;
}

const COUNTERPART_ROLES: Record<string, string> = { secretary: '主要负责同志', member: '班子成员', 'branch-member': '所在支部党员' };

/** The required pairs that involve `me`, each named from my side, with the state of our records. */
export function requiredRowsOf(me: string, required: RequiredTalkView[], team: TeamMemberView[], talks: TalkView[]): RequiredRow[] {
  return required
    .filter((pair) => pair.a === me || pair.b === me)
    .map((pair) => {
      const seat = team.find((candidate) => candidate.userId === pair.a);
      const fromMe = pair.a === me;
      const key = fromMe ? (pair.b ? userKey(pair.b) : nameKey(pair.counterpartName)) : userKey(pair.a);
      const ours = talks.filter((talk) => otherKey(talk, me) === key);
      const decisive = [...ours].sort((x, y) => STATE_ORDER.indexOf(talkState(x)) - STATE_ORDER.indexOf(talkState(y)))[0];
      return {
        choice: fromMe ? counterpartChoice(pair.b, pair.counterpartName) : counterpartChoice(pair.a, null),
        name: fromMe ? pair.counterpartName : seat?.displayName ?? '',
        role: fromMe ? (pair.counterpartRole === 'department-head' ? `${pair.departmentName ?? ''}主要负责同志` : COUNTERPART_ROLES[pair.counterpartRole] ?? '') : seat?.role === 'secretary' ? '主要负责同志' : '班子成员',
        rule: pair.rule,
        state: decisive ? talkState(decisive) : 'pending',
        talkId: decisive?.id ?? null,
      };
    });
}

/** Which of several records between the same two decides their pair: a confirmed one first, then one to correct. */
const STATE_ORDER: TalkState[] = ['confirmed', 'correction', 'awaiting', 'recorded', 'pending'];

export function talkState(talk: TalkView): TalkState {
  if (talk.status === 'confirmed') return 'confirmed';
  if (talk.status === 'correction-requested') return 'correction';
  return talk.counterpart.userId ? 'awaiting' : 'recorded';
}

/** The other participant, as `user:<id>` or `name:<name>`. */
function otherKey(talk: TalkView, me: string): string {
  if (talk.loggedBy.userId !== me) return userKey(talk.loggedBy.userId ?? '');
  return talk.counterpart.userId ? userKey(talk.counterpart.userId) : nameKey(talk.counterpart.name);
}

function otherName(talk: TalkView, me: string): string {
  return talk.loggedBy.userId === me ? talk.counterpart.name : talk.loggedBy.name;
}

/** 谈心谈话: per meeting, the talks I must hold and how far each is; the records kept by me or of a talk with me. */
export function renderMyTalks(view: MyTalksPage): string {
  return workbenchPage(
    '谈心谈话',
    view.viewer,
    html`
<h1>谈心谈话</h1>
<p class="lead">按“必谈”要求：主要负责同志与每位班子成员谈，班子成员之间相互谈，班子成员与分管部门主要负责同志谈。谈话后由一方记录，另一方确认。组织部门只看到谁与谁在哪天谈过，看不到谈话内容。</p>
${alert('notice', view.notice)}
${view.problem && !view.meetings.some((entry) => entry.talks.some((talk) => talk.id === view.problem!.talkId)) ? alert('error', view.problem.message) : ''}
${view.meetings.length === 0 ? html`<p class="card">您目前不在任何一次民主生活会的班子中，也没有与您有关的谈话记录。</p>` : ''}
${view.meetings.map((entry) => renderMeeting(entry, view))}`,
    { current: '/me/talks', style: STYLE },
  );
}

function renderMeeting(entry: MyTalksMeeting, view: MyTalksPage): SafeHtml {
  const { meeting, required, talks } = entry;
  const count = (state: TalkState) => required.filter((row) => row.state === state).length;
  const reader = meeting.talkVisibility === 'participants' ? '谈话内容仅谈话双方可见。' : '谈话内容仅谈话双方和主要负责同志可见。';
  return html`<section class="card" id="meeting-${meeting.id}">
  <h2>${meeting.title}</h2>
  <p class="muted">谈心谈话截止：${dayInWords(meeting.talksUntil)}。${reader}</p>
  ${entry.onTeam
    ? html`<h3>我的必谈对象${required.length ? html`（${required.length} 人：已确认 ${count('confirmed')}，待确认 ${count('awaiting')}，需更正 ${count('correction')}，未谈 ${count('pending')}）` : ''}</h3>
  ${required.length === 0
    ? html`<p>按本次会议的必谈要求，没有需要您参加的谈话。</p>`
    : html`<div class="table-wrap"><table class="required-talks">
    <thead><tr><th>谈话对象</th><th class="rule">必谈类别</th><th>状态</th><th>操作</th></tr></thead>
    <tbody>${required.map((row) => html`<tr>
      <td>${row.name}<br><span class="hint">${row.role}</span></td>
      <td class="rule">${TALK_RULE_NAMES[row.rule]}</td>
      <td><span class="${STATE_BADGES[row.state]}">${TALK_STATE_NAMES[row.state]}</span></td>
      <td>${row.talkId
        ? html`<a href="#talk-${row.talkId}">查看记录</a>`
        : html`<a class="button small" href="/me/talks/new?meeting=${meeting.id}&amp;with=${encodeURIComponent(row.choice)}">记录谈话</a>`}</td>
    </tr>`)}</tbody>
  </table></div>`}
  <p><a class="button small quiet" href="/me/talks/new?meeting=${meeting.id}">记录一次谈话</a></p>`
    : ''}
  <h3>谈话记录（${talks.length}）</h3>
  ${talks.length === 0 ? html`<p class="muted">还没有您参加的谈话记录。</p>` : talks.map((talk) => renderTalk(talk, view))}
</section>`;
}

function renderTalk(talk: TalkView, view: MyTalksPage): SafeHtml {
  const me = view.viewer.userId;
  const state = talkState(talk);
  const recorder = talk.loggedBy.userId === me;
  const counterpart = talk.counterpart.userId === me;
  const problem = view.problem?.talkId === talk.id ? view.problem : undefined;
  return html`<article class="talk" id="talk-${talk.id}">
  <h4>与${otherName(talk, me)}的谈话 <span class="${STATE_BADGES[state]}">${TALK_STATE_NAMES[state]}</span></h4>
  <p class="hint">谈话日期：${dayInWords(talk.heldOn)}${talk.place ? html` · 地点：${talk.place}` : ''} · 记录人：${recorder ? '本人' : talk.loggedBy.name} · ${talk.rule ? TALK_RULE_NAMES[talk.rule] : '非必谈'}</p>
  <div class="talk-summary">${talk.summary}</div>
  ${talk.opinionCount ? html`<p class="hint">谈话中提出意见 ${talk.opinionCount} 条，已汇入本次会议的意见征集。</p>` : ''}
  ${talk.status === 'correction-requested' ? html`<p class="alert error">${counterpart ? '您已申请更正' : '对方申请更正'}：${talk.correctionComment}</p>` : ''}
  ${talk.status === 'confirmed' && talk.confirmedAt ? html`<p class="hint">对方已于 ${dayInWords(talk.confirmedAt)} 确认。</p>` : ''}
  ${problem ? alert('error', problem.message) : ''}
  ${counterpart && talk.status !== 'confirmed'
    ? html`<form class="inline" method="post" action="/me/talks/${talk.id}/confirm"><button type="submit">确认</button></form>
  <details${problem ? html` open` : ''}><summary>申请更正</summary>
    <form method="post" action="/me/talks/${talk.id}/request-correction">
      <label for="comment-${talk.id}">需要更正的地方</label>
      <textarea id="comment-${talk.id}" name="comment" required maxlength="1000">${problem?.comment ?? ''}</textarea>
      <button type="submit" class="quiet">提交更正申请</button>
    </form>
  </details>`
    : ''}
  ${recorder && talk.status !== 'confirmed'
    ? html`<p><a class="button small${talk.status === 'correction-requested' ? '' : ' quiet'}" href="/me/talks/${talk.id}/edit">${talk.status === 'correction-requested' ? '按意见更正' : '修改记录'}</a></p>`
    : ''}
</article>`;
}

const STYLE = new SafeHtml(`
.talk{border-top:1px solid #eef1f4;padding:.75rem 0}
.talk h4{margin:.25rem 0;font-size:1rem}
.talk-summary{white-space:pre-wrap;overflow-wrap:anywhere;background:#f6f7f9;border-radius:.4rem;padding:.5rem .75rem}
.talk details{margin-top:.5rem}
.talk summary{cursor:pointer;color:#b42318;display:inline-block;padding:.25rem 0}
.wb td .button.small{margin-top:0}
.required-talks td:last-child{white-space:nowrap}
@media (max-width:40rem){.required-talks .rule{display:none}}
`);
