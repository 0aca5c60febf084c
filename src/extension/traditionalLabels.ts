// The built-in categories' Chinese labels in Traditional characters (Taiwan usage), for a VS Code display language
// of zh-tw or zh-hk. Keyed by the lexicons' Simplified `labelZh`, so a custom lexicon that reuses a built-in label
// gets it too, and one with labels of its own keeps them as written.
export const TRADITIONAL_LABELS: Readonly<Record<string, string>> = {
  监视与监控: '監視與監控',
  为监管收集数据: '為監管蒐集資料',
  惩戒与黑名单: '懲戒與黑名單',
  限制与禁令: '限制與禁令',
  审查与信息控制: '審查與資訊控制',
  对个人或企业的评分评级: '對個人或企業的評分評級',
  强制执行与命令: '強制執行與命令',
  征求意见与民意: '徵求意見與民意',
  投诉与回应: '投訴與回應',
  参与与共治: '參與與共治',
  透明与信息公开: '透明與資訊公開',
  官员与机构问责: '官員與機構問責',
  '权利、申诉与救济': '權利、申訴與救濟',
  隐私保护: '隱私保護',
};
