// The 督办 board: steps in warning or overdue charged to the department holding the case (a
// step still waiting for another is listed apart, never as overdue), open 整改 entries of 差评
// (closed only with a note), escalation of a second 补正, and the statistics for 数据报送.
'use strict';

async function load() {
  const [board, stats] = await Promise.all([api('GET', withAt('/api/supervision')), api('GET', withAt('/api/statistics'))]);
  if (!board.ok) return show(errorBox(board.data));
  const out = el('div', { id: 'result' });
  const b = board.data;
  const byDept = new Map();
  for (const c of b.charges) {
    if (!byDept.has(c.department_name)) byDept.set(c.department_name, []);
    byDept.get(c.department_name).push(c);
  }
  show(out,
    card(`超期与预警（${b.at}）`, b.charges.length === 0 ? el('p', { class: 'muted' }, '没有超期或预警的步骤') :
      [...byDept.entries()].map(([dept, list]) => el('div', { class: 'dept', 'data-department': list[0].department },
        el('h3', {}, `${dept}（${list.length}）`),
        table(['办件', '步骤', '时限', '状态', '应办结', '超期工作日'], list.map((c) => [
          c.case, c.name, say('limit', c.limit), badge('clock', c.status), dueText(c.due, c), String(c.days_late)]))))),
    card(`等待前序步骤（${b.waiting.length}）`, b.waiting.length === 0 ? el('p', { class: 'muted' }, '无') :
      table(['办件', '步骤', '部门', '等待', '延误记在'], b.waiting.map((w) => [
        w.case, w.name, w.department_name, w.waiting_on.join('、'), w.charged_to.join('、')]))),
    card(`差评整改（${b.rectifications.length}）`, b.rectifications.length === 0 ? el('p', { class: 'muted' }, '没有待整改的差评') :
      el('div', { class: 'grid' }, b.rectifications.map((r) => rectification(r, out)))),
    card('批准再次补正', escalation(out)),
    stats.ok ? statistics(stats.data) : errorBox(stats.data));
}

function rectification(r, out) {
  const note = el('textarea', { placeholder: '整改情况（必填）', 'aria-label': '整改情况' });
  return el('div', { class: 'entry', 'data-case': r.case },
    el('h3', {}, r.case),
    el('div', {}, `评分 ${r.score}：${r.comment || '（无评语）'}`),
    el('div', { class: 'meta' }, `评价时间 ${r.opened.replace('T', ' ')}`),
    note,
    el('button', { onclick: () => post(out, r.case, { kind: 'rectify', note: note.value }) }, '办结整改'));
}

function escalation(out) {
  const caseId = el('input', { type: 'text', placeholder: '办件编号', 'aria-label': '办件编号' });
  const step = el('input', { type: 'text', placeholder: '步骤（如 hukou）', 'aria-label': '步骤' });
  const reason = el('textarea', { placeholder: '理由（必填）', 'aria-label': '理由' });
  return el('div', {}, el('p', { class: 'muted' }, '一次告知制：每个步骤只能要求一次补正，再次补正须经督办批准并记录理由。'),
    caseId, step, reason,
    el('div', {}, el('button', { onclick: () => post(out, caseId.value.trim(), { kind: 'escalate', step: step.value.trim(), reason: reason.value || undefined }) }, '批准')));
}

async function post(out, id, body) {
  const r = await api('POST', `/api/cases/${encodeURIComponent(id)}/events`, body);
  out.replaceChildren(r.ok ? el('div', { class: 'notice-ok' }, `${id}：${say('applied', r.data.applied)}`) : errorBox(r.data));
  out.scrollIntoView();
  if (r.ok) setTimeout(load, 600);
}

function statistics(s) {
  const pct = (x) => (x === null || x === undefined ? '—' : `${Math.round(x * 100)}%`);
  const num = (x) => (x === null || x === undefined ? '—' : String(x));
  // A row counted over a year without holiday data is marked 估算; the reason is said once below.
  const rows = (list) => list.map((r) => [r.estimate ? `${r.name}（估算）` : r.name, String(r.cases), `${r.on_time}/${r.finished}`, pct(r.on_time_rate),
    `${num(r.average_workdays)} / ${num(r.average_promise_workdays)}`, String(r.corrections), num(r.evaluation_average)]);
  const headers = ['名称', '办件', '按时/办结', '按时率', '平均用时/承诺（工作日）', '补正', '评价均分'];
  return card(`统计（数据报送，${s.at}）`,
    el('h3', {}, '按事项'), table(headers, rows(s.matters)),
    el('h3', {}, '按部门'), table(headers, rows(s.departments)),
    s.estimate ? el('p', { class: 'muted' }, s.estimate.reason) : '',
    el('p', {}, el('a', { href: withAt('/api/statistics.csv') }, '下载 CSV')));
}

load();
