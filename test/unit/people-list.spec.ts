import { guessRole, newPassword, newUsername, parsePeopleRows, parsePeopleText, splitLine } from '../../src/people/people-list';
import { randomBytes } from 'node:crypto';

describe('a pasted or uploaded list of people (people-list)', () => {
  it('reads a paste from Excel (tabs), keeping an empty department cell in its column', () => {
    const list = parsePeopleText('张三\t办公室\t主任\n李四\t\t副局长\n');
    expect(list.people).toEqual([
      { line: 1, name: '张三', department: '办公室', title: '主任' },
      { line: 2, name: '李四', department: '', title: '副局长' },
    ]);
    expect(list.skipped).toEqual([]);
  });

  it('reads lines typed with commas of either width, 、 or spaces (full-width too)', () => {
    expect(splitLine('张三,办公室,主任')).toEqual(['张三', '办公室', '主任']);
    expect(splitLine('张三，办公室，主任')).toEqual(['张三', '办公室', '主任']);
    expect(splitLine('张三、办公室、主任')).toEqual(['张三', '办公室', '主任']);
    expect(splitLine('张三  办公室\u3000主任')).toEqual(['张三', '办公室', '主任']);
  });

  it('takes a header row naming 姓名 as the columns\' order, in whatever order they come', () => {
    const list = parsePeopleRows([['职务', '姓名', '部门'], ['科长', '王五', '财务科']]);
    expect(list.people).toEqual([{ line: 2, name: '王五', department: '财务科', title: '科长' }]);
  });

  it('passes over blank lines and skips, with the reason, a line without a name or one repeated', () => {
    const list = parsePeopleText('张三,办公室,主任\n\n,财务科,科员\n张三,办公室,主任\n张三,财务科,科员');
    expect(list.people.map((person) => `${person.line}:${person.name}/${person.department}`)).toEqual(['1:张三/办公室', '5:张三/财务科']);
    expect(list.skipped).toEqual([
      { line: 3, text: '财务科 科员', problem: '缺少姓名' },
      { line: 4, text: '张三 办公室 主任', problem: '与前面的行重复' },
    ]);
  });

  it('guesses the account from the 职务: the secretary, team members, heads of departments, staff', () => {
    expect(guessRole('党组书记、局长')).toEqual({ role: 'leader', secretary: true });
    expect(guessRole('主要负责同志')).toEqual({ role: 'leader', secretary: true });
    expect(guessRole('党组副书记、副局长')).toEqual({ role: 'leader', secretary: false });
    expect(guessRole('副局长')).toEqual({ role: 'leader', secretary: false });
    expect(guessRole('纪检组长')).toEqual({ role: 'leader', secretary: false });
    expect(guessRole('班子成员')).toEqual({ role: 'leader', secretary: false });
    expect(guessRole('办公室主任')).toEqual({ role: 'head', secretary: false });
    expect(guessRole('科长')).toEqual({ role: 'head', secretary: false });
    expect(guessRole('副科长')).toEqual({ role: 'staff', secretary: false });
    expect(guessRole('第一党支部书记')).toEqual({ role: 'staff', secretary: false });
    expect(guessRole('科员')).toEqual({ role: 'staff', secretary: false });
    expect(guessRole('')).toEqual({ role: 'staff', secretary: false });
  });

  it('makes usernames the API accepts and passwords long enough, without look-alike characters', () => {
    for (let i = 0; i < 50; i += 1) {
      expect(newUsername(randomBytes)).toMatch(/^u\d{6}$/);
      expect(newPassword(randomBytes)).toMatch(/^[a-hjkmnp-z2-9]{12}$/);
    }
  });
});
