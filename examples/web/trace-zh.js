// The dues trace's `detail` in Chinese. The core writes each step's detail in English only (core/src/dues/
// assess.rs, "stable enough to show, not to parse"), so the page matches the handful of sentence shapes it
// writes and says them in Chinese; a sentence it does not know comes back as `null` and the page shows the
// English (tests/web check that every trace of the dues vectors is translated, so a new shape is noticed).

const ROUNDING = { half_up: '四舍五入', half_even: '四舍六入五成双', down: '舍去', up: '进位' };

/**
 * `detail` in Chinese, or `null` when its shape is unknown.
 * `labels.category(code)` and `labels.item(code)` give the Chinese names of a category and an item code.
 */
export function traceDetailZh(detail, labels) {
  const cat = (c) => labels.category(c) ?? c;
  const item = (c) => labels.item(c) ?? c;
  const rules = [
    [/^admitted in (\S+): (\S+) is not owed$/, (m) => `${m[1]} 接收为预备党员：${m[2]} 无需交纳党费`],
    [/^probationary member admitted in (\S+): dues owed from that month$/, (m) => `${m[1]} 接收为预备党员：自该月起交纳党费`],
    [/^dues follow the income of the month itself$/, () => '按当月收入计算党费'],
    [/^annual fixing does not apply: this base is the month's \(Art\. 3\) or the last quarter's \(Art\. 4\)$/,
      () => '不适用按年核定：计交基数为当月收入（第三条）或上季度纯收入（第四条）'],
    [/^annual fixing: the amount assessed in (\S+) holds for the year$/, (m) => `按年核定：${m[1]} 核定的数额全年不变`],
    [/^flat monthly amount for (\S+)$/, (m) => `${cat(m[1])}按月定额交纳`],
    [/^base (\S+) ≤ (\S+): rate applies to the whole base$/, (m) => `计交基数 ${m[1]} ≤ ${m[2]}：该比例适用于全部基数`],
    [/^base (\S+) is in the top bracket: rate applies to the whole base$/, (m) => `计交基数 ${m[1]} 属最高档：该比例适用于全部基数`],
    [/^(\S+) × (\S+) = (\S+), rounded (\S+) to (\d+) decimals$/,
      (m) => `${m[1]} × ${m[2]} = ${m[3]}，${ROUNDING[m[4]] ?? m[4]}保留 ${m[5]} 位小数`],
    [/^net_base given: the base is already known$/, () => '已知计交基数（直接给出）'],
    [/^quarter_net_income (\S+) ÷ 3 counted$/, (m) => `${item('quarter_net_income')} ${m[1]} ÷ 3 计入`],
    [/^([a-z_]+) counted$/, (m) => `${item(m[1])} 计入`],
    [/^([a-z_]+) deducted$/, (m) => `${item(m[1])} 扣除`],
    [/^([a-z_]+) excluded: not part of this member's base$/, (m) => `${item(m[1])} 不计入：不属于该党员的计交基数`],
    [/^counted (\S+) − deducted (\S+)$/, (m) => `计入合计 ${m[1]} − 扣除合计 ${m[2]}`],
    [/^waived from (\S+)$/, (m) => `免交（原应交 ${m[1]}）`],
    [/^reduced from (\S+)$/, (m) => `少交（原应交 ${m[1]}）`],
  ];
  for (const [re, say] of rules) {
    const m = detail.match(re);
    if (m) return say(m);
  }
  return null;
}

/** Chinese names of the trace's step keys. */
export const STEP_ZH = {
  admission: '接收', fixing: '核定', item: '收入项目', base: '计交基数', rate: '比例', amount: '党费', hardship: '减免',
};
