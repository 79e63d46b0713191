import {
  BranchPerson,
  DEFAULT_TALK_RULES,
  DepartmentHead,
  nameKey,
  pairKeyOf,
  pairStatuses,
  RequiredTalk,
  requiredTalks,
  TALK_RULES,
  TalkRuleSettings,
  talkRulesOf,
  TalkTrace,
  TeamSeat,
  userKey,
} from '../../src/talks/talk-rules';

const ALL_RULES: TalkRuleSettings = { 'secretary-member': true, 'member-member': true, 'department-head': true, branch: true };
const rulesWith = (changes: Partial<TalkRuleSettings>): TalkRuleSettings => ({ ...DEFAULT_TALK_RULES, ...changes });

const seat = (userId: string, name: string, role: TeamSeat['role'] = 'member', oversees: string[] = [], branchId: string | null = null): TeamSeat => ({ userId, name, role, oversees, branchId });
const head = (departmentId: string, departmentName: string, headName: string, headUserId: string | null = null): DepartmentHead => ({ departmentId, departmentName, headName, headUserId });
const branchPerson = (userId: string, name: string, branchId: string): BranchPerson => ({ userId, name, branchId });

/** `rule: A – counterpart`, with A by name, so a failure lists people rather than ids. */
function describePairs(pairs: readonly RequiredTalk[], team: readonly TeamSeat[]): string[] {
  const names = new Map(team.map((person) => [person.userId, person.name]));
  return pairs.map((pair) => `${pair.rule}: ${names.get(pair.a) ?? pair.a} – ${pair.counterpart.name}`);
}
const sorted = (lines: string[]) => [...lines].sort();

// 书记 + 4 members overseeing 6 departments as [[d1, d2], [d3], [d4], [d5, d6]];
// heads of d1, d3, d5 have accounts, heads of d2, d4, d6 are known by name only.
const secretary = seat('u-sec', '书记 李强', 'secretary');
const m1 = seat('u-m1', '王刚', 'member', ['d1', 'd2']);
const m2 = seat('u-m2', '陈红', 'member', ['d3']);
const m3 = seat('u-m3', '刘洋', 'member', ['d4']);
const m4 = seat('u-m4', '赵磊', 'member', ['d5', 'd6']);
const TEAM = [secretary, m1, m2, m3, m4];
const HEADS = [
  head('d1', '办公室', '周建国', 'u-h1'),
  head('d2', '财务处', '吴敏'),
  head('d3', '人事处', '郑涛', 'u-h3'),
  head('d4', '业务一处', '孙丽'),
  head('d5', '业务二处', '马超', 'u-h5'),
  head('d6', '信息中心', '黄静'),
];

describe('required talks (必谈): the standard team', () => {
  it('for 1 secretary + 4 members overseeing 6 departments: 4 with the secretary, 6 among members, 6 with department heads', () => {
    const pairs = requiredTalks(TEAM, HEADS, [], DEFAULT_TALK_RULES);
    expect(sorted(describePairs(pairs, TEAM))).toEqual(
      sorted([
        'secretary-member: 书记 李强 – 王刚',
        'secretary-member: 书记 李强 – 陈红',
        'secretary-member: 书记 李强 – 刘洋',
        'secretary-member: 书记 李强 – 赵磊',
        'member-member: 王刚 – 陈红',
        'member-member: 王刚 – 刘洋',
        'member-member: 王刚 – 赵磊',
        'member-member: 陈红 – 刘洋',
        'member-member: 陈红 – 赵磊',
        'member-member: 刘洋 – 赵磊',
        'department-head: 王刚 – 周建国',
        'department-head: 王刚 – 吴敏',
        'department-head: 陈红 – 郑涛',
        'department-head: 刘洋 – 孙丽',
        'department-head: 赵磊 – 马超',
        'department-head: 赵磊 – 黄静',
      ]),
    );
    expect(pairs).toHaveLength(16);
    expect(new Set(pairs.map((pair) => pair.pairKey)).size).toBe(16);
  });

  it('describes each counterpart: members and heads with an account by user key, name-only heads by name key, with the department that requires the talk', () => {
    const pairs = requiredTalks(TEAM, HEADS, [], DEFAULT_TALK_RULES);
    const counterpartsOfM1 = pairs.filter((pair) => pair.a === m1.userId).map((pair) => ({ rule: pair.rule, ...pair.counterpart }));
    expect(counterpartsOfM1).toEqual([
      { rule: 'member-member', key: 'user:u-m2', userId: 'u-m2', name: '陈红', role: 'member' },
      { rule: 'member-member', key: 'user:u-m3', userId: 'u-m3', name: '刘洋', role: 'member' },
      { rule: 'member-member', key: 'user:u-m4', userId: 'u-m4', name: '赵磊', role: 'member' },
      { rule: 'department-head', key: 'user:u-h1', userId: 'u-h1', name: '周建国', role: 'department-head', departmentName: '办公室' },
      { rule: 'department-head', key: 'name:吴敏', userId: null, name: '吴敏', role: 'department-head', departmentName: '财务处' },
    ]);
    const secretaryPair = pairs.find((pair) => pair.rule === 'secretary-member')!;
    expect({ a: secretaryPair.a, counterpart: secretaryPair.counterpart }).toEqual({ a: 'u-sec', counterpart: { key: 'user:u-m1', userId: 'u-m1', name: '王刚', role: 'member' } });
  });

  it('gives each pair the same key whichever side is named first', () => {
    expect(pairKeyOf('u-m1', userKey('u-m2'))).toBe(pairKeyOf('u-m2', userKey('u-m1')));
    expect(pairKeyOf('u-m1', userKey('u-m2'))).toBe('user:u-m1|user:u-m2');
    expect(pairKeyOf('u-m1', nameKey('吴 敏'))).toBe('name:吴敏|user:u-m1');
  });

  it('lists the pairs in rule order, then in team order, and the same input always gives the same list', () => {
    const first = requiredTalks(TEAM, HEADS, [], DEFAULT_TALK_RULES);
    const second = requiredTalks(TEAM, HEADS, [], DEFAULT_TALK_RULES);
    expect(second).toEqual(first);
    expect(describePairs(first, TEAM)).toEqual([
      'secretary-member: 书记 李强 – 王刚',
      'secretary-member: 书记 李强 – 陈红',
      'secretary-member: 书记 李强 – 刘洋',
      'secretary-member: 书记 李强 – 赵磊',
      'member-member: 王刚 – 陈红',
      'member-member: 王刚 – 刘洋',
      'member-member: 王刚 – 赵磊',
      'member-member: 陈红 – 刘洋',
      'member-member: 陈红 – 赵磊',
      'member-member: 刘洋 – 赵磊',
      'department-head: 王刚 – 周建国',
      'department-head: 王刚 – 吴敏',
      'department-head: 陈红 – 郑涛',
      'department-head: 刘洋 – 孙丽',
      'department-head: 赵磊 – 马超',
      'department-head: 赵磊 – 黄静',
    ]);
  });

  it('does not change its inputs', () => {
    const team = structuredClone(TEAM);
    const heads = structuredClone(HEADS);
    requiredTalks(team, heads, [], ALL_RULES);
    expect({ team, heads }).toEqual({ team: TEAM, heads: HEADS });
  });
});

describe('required talks (必谈): each pair once', () => {
  it('a department head who is also a team member is talked with once, as a member (member-member wins)', () => {
    const team = [secretary, seat('u-m1', '王刚', 'member', ['d1']), seat('u-m2', '陈红')];
    const pairs = requiredTalks(team, [head('d1', '办公室', '陈红', 'u-m2')], [], DEFAULT_TALK_RULES);
    expect(sorted(describePairs(pairs, team))).toEqual(sorted(['secretary-member: 书记 李强 – 王刚', 'secretary-member: 书记 李强 – 陈红', 'member-member: 王刚 – 陈红']));
  });

  it('a department head who is the member overseeing it, seen from the head side (head listed later in the team) is still one member-member pair', () => {
    const team = [secretary, seat('u-m1', '王刚'), seat('u-m2', '陈红', 'member', ['d1'])];
    const pairs = requiredTalks(team, [head('d1', '办公室', '王刚', 'u-m1')], [], DEFAULT_TALK_RULES);
    expect(sorted(describePairs(pairs, team))).toEqual(sorted(['secretary-member: 书记 李强 – 王刚', 'secretary-member: 书记 李强 – 陈红', 'member-member: 王刚 – 陈红']));
  });

  it('the secretary overseeing a department whose head is a member talks with them once (secretary-member wins)', () => {
    const team = [seat('u-sec', '书记 李强', 'secretary', ['d1']), seat('u-m1', '王刚'), seat('u-m2', '陈红')];
    const pairs = requiredTalks(team, [head('d1', '办公室', '王刚', 'u-m1')], [], DEFAULT_TALK_RULES);
    expect(sorted(describePairs(pairs, team))).toEqual(sorted(['secretary-member: 书记 李强 – 王刚', 'secretary-member: 书记 李强 – 陈红', 'member-member: 王刚 – 陈红']));
  });

  it('the secretary overseeing a department with an outside head talks with that head under the department-head rule', () => {
    const team = [seat('u-sec', '书记 李强', 'secretary', ['d1']), seat('u-m1', '王刚')];
    const pairs = requiredTalks(team, [head('d1', '办公室', '周建国', 'u-h1')], [], DEFAULT_TALK_RULES);
    expect(sorted(describePairs(pairs, team))).toEqual(sorted(['secretary-member: 书记 李强 – 王刚', 'department-head: 书记 李强 – 周建国']));
  });

  it('the same head of two departments one member oversees is one pair, named after the first department', () => {
    const team = [seat('u-m1', '王刚', 'member', ['d1', 'd2', 'd3', 'd4'])];
    const heads = [head('d1', '办公室', '吴敏'), head('d2', '财务处', '吴敏'), head('d3', '人事处', '周建国', 'u-h1'), head('d4', '业务处', '周建国', 'u-h1')];
    const pairs = requiredTalks(team, heads, [], DEFAULT_TALK_RULES);
    expect(pairs.map((pair) => `${pair.rule}: ${pair.counterpart.name} (${pair.counterpart.departmentName})`)).toEqual(['department-head: 吴敏 (办公室)', 'department-head: 周建国 (人事处)']);
  });

  it('the same head of departments overseen by two members is one pair for each member', () => {
    const team = [seat('u-m1', '王刚', 'member', ['d1']), seat('u-m2', '陈红', 'member', ['d2'])];
    const pairs = requiredTalks(team, [head('d1', '办公室', '吴敏'), head('d2', '财务处', '吴敏')], [], rulesWith({ 'member-member': false }));
    expect(sorted(describePairs(pairs, team))).toEqual(sorted(['department-head: 王刚 – 吴敏', 'department-head: 陈红 – 吴敏']));
  });

  it('a member heading a department they oversee themselves has no pair with themselves', () => {
    const team = [secretary, seat('u-m1', '王刚', 'member', ['d1', 'd2'])];
    const pairs = requiredTalks(team, [head('d1', '办公室', '王刚', 'u-m1'), head('d2', '财务处', '吴敏')], [], DEFAULT_TALK_RULES);
    expect(sorted(describePairs(pairs, team))).toEqual(sorted(['secretary-member: 书记 李强 – 王刚', 'department-head: 王刚 – 吴敏']));
  });

  it('name-only heads compare without spaces: 王 刚 and 王刚 heading two departments are one pair', () => {
    const team = [seat('u-m1', '陈红', 'member', ['d1', 'd2', 'd3'])];
    const heads = [head('d1', '办公室', '王 刚'), head('d2', '财务处', '王刚'), head('d3', '人事处', ' 王　刚 ')];
    const pairs = requiredTalks(team, heads, [], DEFAULT_TALK_RULES);
    expect(pairs.map((pair) => ({ key: pair.counterpart.key, name: pair.counterpart.name, department: pair.counterpart.departmentName }))).toEqual([{ key: 'name:王刚', name: '王 刚', department: '办公室' }]);
  });

  it('departments without a known head, or overseen ids that match no department, add no pair', () => {
    const team = [seat('u-m1', '王刚', 'member', ['d1', 'd-missing'])];
    const pairs = requiredTalks(team, [head('d2', '财务处', '吴敏')], [], DEFAULT_TALK_RULES);
    expect(describePairs(pairs, team)).toEqual([]);
  });
});

describe('required talks (必谈): the meeting\'s rules', () => {
  const full = describePairs(requiredTalks(TEAM, HEADS, [], DEFAULT_TALK_RULES), TEAM);

  it.each(['secretary-member', 'member-member', 'department-head'] as const)('switching %s off drops exactly its pairs', (rule) => {
    const pairs = requiredTalks(TEAM, HEADS, [], rulesWith({ [rule]: false }));
    expect(describePairs(pairs, TEAM)).toEqual(full.filter((line) => !line.startsWith(`${rule}:`)));
  });

  it('with every rule off there is nothing to talk about', () => {
    const off = Object.fromEntries(TALK_RULES.map((rule) => [rule, false])) as TalkRuleSettings;
    expect(requiredTalks(TEAM, HEADS, [branchPerson('u-b1', '钱进', 'b1')], off)).toEqual([]);
  });

  describe('the branch rule (所在支部)', () => {
    const team = [
      seat('u-sec', '书记 李强', 'secretary', [], 'b1'),
      seat('u-m1', '王刚', 'member', [], 'b1'),
      seat('u-m2', '陈红', 'member', [], 'b2'),
      seat('u-m3', '刘洋', 'member', [], null),
    ];
    const people = [
      branchPerson('u-sec', '书记 李强', 'b1'), // a team member listed in their own branch
      branchPerson('u-m1', '王刚', 'b1'),
      branchPerson('u-b1', '钱进', 'b1'),
      branchPerson('u-b2', '孙悦', 'b1'),
      branchPerson('u-m2', '陈红', 'b2'),
      branchPerson('u-b3', '何平', 'b2'),
      branchPerson('u-b4', '林峰', 'b3'), // a branch no team member belongs to
    ];

    it('is off by default: branch people add no pair', () => {
      expect(DEFAULT_TALK_RULES.branch).toBe(false);
      expect(requiredTalks(team, [], people, DEFAULT_TALK_RULES).filter((pair) => pair.rule === 'branch')).toEqual([]);
    });

    it('switched on, pairs each team member with the other people of their own branch, never themselves, and not again a pair the team rules already made', () => {
      const pairs = requiredTalks(team, [], people, rulesWith({ branch: true }));
      expect(sorted(describePairs(pairs, team))).toEqual(
        sorted([
          'secretary-member: 书记 李强 – 王刚',
          'secretary-member: 书记 李强 – 陈红',
          'secretary-member: 书记 李强 – 刘洋',
          'member-member: 王刚 – 陈红',
          'member-member: 王刚 – 刘洋',
          'member-member: 陈红 – 刘洋',
          'branch: 书记 李强 – 钱进',
          'branch: 书记 李强 – 孙悦',
          'branch: 王刚 – 钱进',
          'branch: 王刚 – 孙悦',
          'branch: 陈红 – 何平',
        ]),
      );
      expect(pairs.filter((pair) => pair.rule === 'branch').map((pair) => pair.counterpart.role)).toEqual(Array(5).fill('branch-member'));
    });

    it('alone, still pairs two team members of the same branch once, under the branch rule', () => {
      const pairs = requiredTalks(team, [], people, { 'secretary-member': false, 'member-member': false, 'department-head': false, branch: true });
      expect(sorted(describePairs(pairs, team))).toEqual(
        sorted(['branch: 书记 李强 – 王刚', 'branch: 书记 李强 – 钱进', 'branch: 书记 李强 – 孙悦', 'branch: 王刚 – 钱进', 'branch: 王刚 – 孙悦', 'branch: 陈红 – 何平']),
      );
    });

    it('does not repeat a department head who is also in the branch', () => {
      const withHead = [seat('u-m1', '王刚', 'member', ['d1'], 'b1')];
      const pairs = requiredTalks(withHead, [head('d1', '办公室', '钱进', 'u-b1')], [branchPerson('u-b1', '钱进', 'b1')], ALL_RULES);
      expect(describePairs(pairs, withHead)).toEqual(['department-head: 王刚 – 钱进']);
    });
  });
});

describe('required talks (必谈): unusual teams', () => {
  it('without a secretary: no secretary-member pairs, the rest as usual', () => {
    const team = [m1, m2, m3];
    const pairs = requiredTalks(team, HEADS, [], DEFAULT_TALK_RULES);
    expect(sorted(describePairs(pairs, team))).toEqual(
      sorted([
        'member-member: 王刚 – 陈红',
        'member-member: 王刚 – 刘洋',
        'member-member: 陈红 – 刘洋',
        'department-head: 王刚 – 周建国',
        'department-head: 王刚 – 吴敏',
        'department-head: 陈红 – 郑涛',
        'department-head: 刘洋 – 孙丽',
      ]),
    );
  });

  it('a secretary alone has no one to talk with', () => {
    expect(requiredTalks([secretary], HEADS, [], DEFAULT_TALK_RULES)).toEqual([]);
  });

  it('an empty team has no pairs, whatever the heads, branch people and rules', () => {
    expect(requiredTalks([], HEADS, [branchPerson('u-b1', '钱进', 'b1')], ALL_RULES)).toEqual([]);
  });
});

describe('a meeting\'s talk rules', () => {
  it('are the defaults when the meeting chose none: every rule but the branch one', () => {
    expect(talkRulesOf({ talkRules: null })).toEqual({ 'secretary-member': true, 'member-member': true, 'department-head': true, branch: false });
    expect(talkRulesOf({ talkRules: {} })).toEqual(DEFAULT_TALK_RULES);
  });

  it('take the meeting\'s own choices over the defaults, rule by rule', () => {
    expect(talkRulesOf({ talkRules: { branch: true } })).toEqual({ 'secretary-member': true, 'member-member': true, 'department-head': true, branch: true });
    expect(talkRulesOf({ talkRules: { 'department-head': false } })).toEqual({ 'secretary-member': true, 'member-member': true, 'department-head': false, branch: false });
    expect(talkRulesOf({ talkRules: { 'secretary-member': false, 'member-member': false, 'department-head': false, branch: true } })).toEqual({
      'secretary-member': false,
      'member-member': false,
      'department-head': false,
      branch: true,
    });
  });

  it('never change the defaults themselves', () => {
    const rules = talkRulesOf({ talkRules: null });
    rules.branch = true;
    talkRulesOf({ talkRules: { 'member-member': false } });
    expect(DEFAULT_TALK_RULES).toEqual({ 'secretary-member': true, 'member-member': true, 'department-head': true, branch: false });
  });
});

describe('the status of each required pair', () => {
  const pairs = requiredTalks(TEAM, HEADS, [], DEFAULT_TALK_RULES);
  const talk = (loggedBy: string, counterpart: { userId: string } | { name: string }, confirmed = false): TalkTrace => ({
    loggedBy,
    counterpartUserId: 'userId' in counterpart ? counterpart.userId : null,
    counterpartName: 'name' in counterpart ? counterpart.name : null,
    confirmed,
  });
  /** Every pair that is not pending, as `rule: A – counterpart: status`. */
  const progress = (talks: TalkTrace[]) => {
    const statusOf = pairStatuses(talks);
    const lines = describePairs(pairs, TEAM);
    return pairs.flatMap((pair, index) => (statusOf(pair.pairKey) === 'pending' ? [] : [`${lines[index]}: ${statusOf(pair.pairKey)}`]));
  };

  it('is pending for every pair before any talk', () => {
    const statusOf = pairStatuses([]);
    expect([...new Set(pairs.map((pair) => statusOf(pair.pairKey)))]).toEqual(['pending']);
  });

  it('is held once either side logs the talk', () => {
    expect(progress([talk('u-m1', { userId: 'u-m2' })])).toEqual(['member-member: 王刚 – 陈红: held']);
    expect(progress([talk('u-m2', { userId: 'u-m1' })])).toEqual(['member-member: 王刚 – 陈红: held']);
    // The secretary's pair is kept under the secretary; the member logging it satisfies it too.
    expect(progress([talk('u-m3', { userId: 'u-sec' })])).toEqual(['secretary-member: 书记 李强 – 刘洋: held']);
    // A head with an account may log the talk with the member who oversees them.
    expect(progress([talk('u-h5', { userId: 'u-m4' })])).toEqual(['department-head: 赵磊 – 马超: held']);
  });

  it('is confirmed once any talk of the pair is confirmed, whatever the order of the talks', () => {
    const held = talk('u-m1', { userId: 'u-m2' });
    const confirmed = talk('u-m2', { userId: 'u-m1' }, true);
    expect(progress([held, confirmed])).toEqual(['member-member: 王刚 – 陈红: confirmed']);
    expect(progress([confirmed, held])).toEqual(['member-member: 王刚 – 陈红: confirmed']);
    expect(progress([held, confirmed, talk('u-m1', { userId: 'u-m2' })])).toEqual(['member-member: 王刚 – 陈红: confirmed']);
  });

  it('matches a name-only head by name, ignoring spaces', () => {
    expect(progress([talk('u-m1', { name: '吴敏' })])).toEqual(['department-head: 王刚 – 吴敏: held']);
    expect(progress([talk('u-m3', { name: '孙 丽' })])).toEqual(['department-head: 刘洋 – 孙丽: held']);
  });

  it('leaves the other pairs pending, and talks outside the required pairs change nothing', () => {
    const talks = [
      talk('u-m1', { userId: 'u-m2' }),
      talk('u-m4', { name: '黄静' }, true),
      talk('u-m1', { userId: 'u-h3' }), // 郑涛 heads a department 陈红 oversees, not 王刚
      talk('u-m2', { name: '吴敏' }), // 吴敏 heads a department 王刚 oversees, not 陈红
      talk('u-x', { userId: 'u-y' }),
    ];
    expect(progress(talks)).toEqual(['member-member: 王刚 – 陈红: held', 'department-head: 赵磊 – 黄静: confirmed']);
    expect(pairStatuses(talks)(pairKeyOf('u-x', userKey('u-y')))).toBe('held');
  });
});
