// The applicant's progress page: the case number and the last four digits of the phone given in
// the application; then each step's status and promised date, and the evaluation (好差评) once
// the results are delivered.
'use strict';

function form(message) {
  const params = new URLSearchParams(location.search);
  const caseId = el('input', { type: 'text', id: 'case', value: params.get('case') || '', autocomplete: 'off' });
  const phone = el('input', { type: 'text', id: 'phone', inputmode: 'numeric', maxlength: 4, autocomplete: 'off' });
  show(message || '', card('查询办件进度',
    el('label', { for: 'case' }, '办件编号'), caseId,
    el('label', { for: 'phone' }, '申请时所留手机号的后四位'), phone,
    el('div', {}, el('button', { id: 'query', onclick: () => query(caseId.value.trim(), phone.value.trim()) }, '查询'))));
}

async function query(id, phone) {
  const r = await api('GET', `/api/progress/${encodeURIComponent(id)}?phone=${encodeURIComponent(phone)}`);
  if (!r.ok) return form(errorBox(r.data));
  const p = r.data;
  show(card(`${p.matter_name}（${p.id}）`,
    el('p', {}, '办理情况：', el('strong', {}, say('outcome', p.outcome)), `；承诺办结日期 ${dueText(p.due, p)}`),
    p.estimate ? el('p', { class: 'muted' }, p.estimate.reason) : '',
    p.delivered ? el('p', {}, `已送达（${p.delivered}）`) : '',
    // A waiting step (公示期) has no department; its period says when it ends (…至…届满).
    table(['事项', '部门', '状态', '承诺日期', '说明'], p.steps.map((s) => [
      s.name, s.department_name || '—', badge('step', s.status), s.due || '—',
      s.wait ? waitText(s.wait) : (s.reason || '')]))),
  p.can_evaluate ? evaluation(id, phone) : '',
  p.evaluation ? card('您的评价', el('p', {}, `评分 ${p.evaluation.score}：${p.evaluation.comment || ''}`)) : '');
}

/** A waiting period in words, with its basis: `简易注销公示期至2026年10月18日届满（依据：…）`. */
function waitText(w) {
  return w.text + (w.estimate ? '（估算）' : '') + (w.basis ? `（依据：${w.basis}）` : '');
}

function evaluation(id, phone) {
  const labels = ['非常不满意', '不满意', '基本满意', '满意', '非常满意'];
  let score = 0;
  const comment = el('textarea', { placeholder: '评语（可选）', 'aria-label': '评语' });
  const out = el('div', {});
  return card('评价本次服务（好差评）',
    el('div', { class: 'choices' }, labels.map((l, i) => el('label', {},
      el('input', { type: 'radio', name: 'score', value: i + 1, onchange: () => { score = i + 1; } }), l))),
    comment, out,
    el('button', { onclick: async () => {
      const r = await api('POST', `/api/progress/${encodeURIComponent(id)}/evaluation`, { phone, score, comment: comment.value });
      if (r.ok) query(id, phone); else out.replaceChildren(errorBox(r.data));
    } }, '提交评价'));
}

form();
