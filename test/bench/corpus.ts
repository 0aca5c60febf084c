// A seeded generator of policy-style text in English and Chinese, for the benchmark. The same seed and size always
// give the same text. Sentences are assembled from slots (actor, modal, action, object, purpose), mixing control,
// engagement and neutral language, with headings (chapters, articles) and a long tail of rarer words so that caches
// see a realistic vocabulary, not a few hundred repeated words.

import { Random } from '../unit/helpers/random';

const EN = {
  actors: [
    'The municipal bureau of market regulation', 'Relevant departments', 'Local people\'s governments at all levels',
    'The competent authority', 'Each platform operator', 'The supervisory agency', 'Public security organs',
    'The data protection officer', 'Township governments', 'The provincial development and reform commission',
    'Industry associations', 'The inspection team', 'Credit information service providers', 'The ombudsman office',
    'Neighbourhood committees', 'The Member State', 'Operators of essential services', 'The agency head',
  ],
  modals: ['shall', 'shall', 'may', 'must', 'should', 'is required to', 'will', 'shall promptly', 'shall strictly'],
  actions: [
    'monitor the conduct of', 'carry out routine inspections of', 'collect and aggregate data on', 'impose fines on',
    'add to the blacklist', 'restrict market access for', 'impose joint sanctions on', 'publish the list of discredited',
    'remove harmful information posted by', 'assign credit scores to', 'order rectification by', 'crack down on',
    'solicit public opinion from', 'hold public hearings with', 'respond to complaints from', 'publish the decisions affecting',
    'disclose information to', 'establish channels for feedback from', 'protect the personal information of',
    'accept appeals from', 'correct records at the request of', 'consult in advance with', 'report annually to',
    'support the participation of', 'evaluate the responsiveness of officials serving', 'provide guidance to',
    'coordinate the work of', 'improve the service quality for', 'allocate funds to', 'simplify procedures for',
    'review the statistics of', 'train the staff of', 'upgrade the equipment of', 'keep the accounts of',
  ],
  objects: [
    'market entities', 'enterprises', 'residents', 'petitioners', 'online platforms', 'users', 'data subjects',
    'small and medium-sized enterprises', 'social organizations', 'food producers', 'tenants', 'drivers',
    'the public', 'citizens', 'local communities', 'migrant workers', 'public institutions', 'contractors',
  ],
  tails: [
    'in accordance with the law', 'within fifteen working days', 'through the integrated online service platform',
    'so that the public can supervise the process', 'and record the results in the credit file',
    'unless otherwise provided by law', 'without monitoring their private communications', 'where serious violations are found',
    'under the unified deployment of the State Council', 'and the results shall be made public', 'on a regular basis',
    'in key industries and fields', 'with the consent of the persons concerned', 'before the measure takes effect',
    'and petitioners shall not be detained', 'except in emergencies', 'for the purposes of statistics',
  ],
  openers: ['', '', '', 'In principle, ', 'To that end, ', 'Where necessary, ', 'In addition, ', 'However, ', 'For this purpose, '],
  syllables: ['ad', 'min', 'is', 'tra', 'tion', 'reg', 'u', 'la', 'to', 'ry', 'pro', 'vi', 'sion', 'con', 'for', 'mi', 'ty', 'in', 'ter', 'op', 'er', 'a', 'bil', 'ment', 'ex', 'pen', 'di', 'ture', 'sub', 'sid', 'cer', 'ti', 'fi', 'cate', 'ed', 'ing'],
} as const;

const ZH = {
  actors: ['各级人民政府', '有关部门', '市场监督管理部门', '网信部门', '公安机关', '平台经营者', '行业协会', '街道办事处', '信用服务机构', '监察机关', '县级以上地方人民政府', '数据处理者'],
  modals: ['应当', '应当', '可以', '必须', '要', '依法', '应当及时', '要严格'],
  actions: [
    '加强对', '建立健全', '依法查处', '实施联合惩戒', '纳入失信黑名单', '限制市场准入', '开展专项整治', '实时监控', '采集并汇总',
    '公开征求意见', '召开听证会', '畅通投诉举报渠道', '依法公开', '保护个人信息', '受理申诉', '及时回应群众关切', '鼓励公众参与', '接受社会监督',
    '完善信用修复机制', '统筹推进', '优化营商环境', '提升服务质量', '做好统计工作', '加大资金投入', '简化办事流程',
  ],
  objects: ['市场主体', '企业', '居民', '网络平台', '用户', '个人信息主体', '社会组织', '食品生产者', '外来务工人员', '公共机构', '申请人', '社区'],
  tails: ['的监督管理', '的信用评价', '的违法行为', '的合法权益', '的意见建议', '的相关信息', '的服务需求', '的日常经营', '的数据安全'],
  closers: ['，确保取得实效。', '。', '，并向社会公布结果。', '，不得泄露个人隐私。', '，依法依规处理。', '，形成长效机制。', '。', '，但法律另有规定的除外。'],
  digits: ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'],
} as const;

const RARE_TYPES = 40000;

/** Pseudo-words built from syllables (and their plurals): thousands of rare word types, as real documents have. */
const RARE_WORDS: readonly string[] = Array.from({ length: 2 * RARE_TYPES }, (_, i) => {
  let n = (i >> 1) + 1;
  let word = '';
  while (n > 0) {
    word += EN.syllables[n % EN.syllables.length];
    n = Math.floor(n / EN.syllables.length);
  }
  return i % 2 === 0 ? word : `${word}s`;
});

/** Actors as they read after an opener such as "In addition, ". */
const ACTORS_MID: readonly string[] = EN.actors.map((a) => (a.startsWith('The ') ? `the ${a.slice(4)}` : a));

function englishSentence(r: Random): string {
  const rare = r.next() < 0.6 ? ` ${RARE_WORDS[2 * r.zipf(RARE_TYPES) + r.int(2)]}` : '';
  const opener = r.pick(EN.openers);
  const actor = opener === '' ? r.pick(EN.actors) : r.pick(ACTORS_MID);
  return `${opener}${actor} ${r.pick(EN.modals)} ${r.pick(EN.actions)} ${r.pick(EN.objects)}${rare} ${r.pick(EN.tails)}.`;
}

function roman(n: number): string {
  const numerals: Array<[number, string]> = [[10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [value, symbol] of numerals) {
    while (n >= value) {
      out += symbol;
      n -= value;
    }
  }
  return out;
}

function chineseNumber(n: number): string {
  if (n <= 10) return ZH.digits[n - 1];
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return `${tens === 1 ? '' : ZH.digits[tens - 1]}十${units === 0 ? '' : ZH.digits[units - 1]}`;
}

/** English policy-style text of `bytes` bytes (ASCII, so also characters), ending at a sentence. */
export function englishText(seed: number, bytes: number): string {
  const r = new Random(seed);
  const parts: string[] = [];
  let size = 0;
  let chapter = 0;
  let article = 0;
  while (size < bytes) {
    let block: string;
    if (article % 12 === 0) {
      chapter++;
      block = `\nChapter ${roman(chapter % 40 || 40)} General Provisions on Part ${chapter}\n\n`;
      article++;
    } else {
      const sentences: string[] = [];
      const count = 2 + r.int(5);
      for (let i = 0; i < count; i++) sentences.push(englishSentence(r));
      block = `Article ${article} ${sentences.join(' ')}\n\n`;
      article++;
    }
    parts.push(block);
    size += block.length;
  }
  return parts.join('').slice(0, bytes);
}

/** Chinese policy-style text of about `bytes` UTF-8 bytes (Han characters are 3 bytes each). */
export function chineseText(seed: number, bytes: number): string {
  const r = new Random(seed);
  const parts: string[] = [];
  let size = 0;
  let article = 0;
  while (size < bytes) {
    let block: string;
    if (article % 15 === 0) {
      block = `\n第${chineseNumber((Math.floor(article / 15) % 99) + 1)}章 总则\n\n`;
    } else {
      const sentences: string[] = [];
      const count = 1 + r.int(4);
      for (let i = 0; i < count; i++) sentences.push(`${r.pick(ZH.actors)}${r.pick(ZH.modals)}${r.pick(ZH.actions)}${r.pick(ZH.objects)}${r.pick(ZH.tails)}${r.pick(ZH.closers)}`);
      block = `第${chineseNumber((article % 99) + 1)}条 ${sentences.join('')}\n\n`;
    }
    article++;
    parts.push(block);
    size += Buffer.byteLength(block, 'utf8');
  }
  return parts.join('');
}

export interface CorpusFile {
  name: string;
  text: string;
}

/**
 * Files for a corpus of `totalBytes`: `sizes` gives each file's size in bytes, cycled until the total is reached;
 * every fourth file is Chinese. Names sort in generation order.
 */
export function* corpusFiles(seed: number, totalBytes: number, sizes: readonly number[]): Generator<CorpusFile> {
  let written = 0;
  for (let i = 0; written < totalBytes; i++) {
    const size = Math.min(sizes[i % sizes.length], totalBytes - written);
    const chinese = i % 4 === 3;
    const text = chinese ? chineseText(seed + i, size) : englishText(seed + i, size);
    written += Buffer.byteLength(text, 'utf8');
    yield { name: `${String(i).padStart(6, '0')}-${chinese ? 'zh' : 'en'}.txt`, text };
  }
}
