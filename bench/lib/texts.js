'use strict';

/**
 * Opinion texts for request bodies: phrases of the kind people write into a box or a survey,
 * strung together by a small deterministic PRNG, so that every run sends the same bodies.
 */

const PHRASES = [
  '建议班子成员多深入基层调研', '会议文件过多过长', '部分同志学习停留在表面', '联系群众不够经常', '对年轻干部的培养要加强',
  '遇到难题时推诿扯皮的情况仍然存在', '督查检查频次偏高', '希望领导多听一线职工的意见', '食堂和宿舍条件需要改善', '请减少形式主义的留痕要求',
  '落实中央八项规定精神要常抓不懈', '理论学习要联系工作实际', '工作作风还不够扎实', '对分管领域的风险排查不够深入', '批评与自我批评要动真格',
  '担当作为的激励机制不够健全', '廉洁自律方面要防微杜渐', '政治站位还需进一步提高', '能力本领跟不上新形势新任务', '基层减负的措施要落到实处',
  '加班过多影响干部身心健康', '考核评价要更加注重实绩', '信息公开还不够及时', '办事流程仍然繁琐', '对群众反映的问题回应不够快',
];

/** A small deterministic PRNG: the same bodies in every run. */
function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `length` code points of phrases joined by '，' or '。', ending in '。'; draws from `random`. */
function opinionText(random, length) {
  let text = '';
  while ([...text].length < length) text += `${PHRASES[Math.floor(random() * PHRASES.length)]}${random() < 0.7 ? '，' : '。'}`;
  return `${[...text].slice(0, length - 1).join('')}。`;
}

module.exports = { PHRASES, mulberry32, opinionText };
