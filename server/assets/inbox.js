// A department's inbox (部门待办): its open steps, those it holds first, each with its own clock
// (counted from when the step could start) and the actions the rules allow: start, approve,
// refuse, 补正 (once: a second needs the supervisor), special procedures, and the packet.
'use strict';

async function load() {
  const r = await api('GET', withAt('/api/inbox'));
  if (!r.ok) return show(errorBox(r.data));
  const out = el('div', { id: 'result' });
  const holding = r.data.filter((e) => e.position === 'holding');
  const waiting = r.data.filter((e) => e.position !== 'holding');
  show(out,
    card(`本部门在办（${holding.length}）`, holding.length ? el('div', { class: 'grid' }, holding.map((e) => entry(e, out)))
      : el('p', { class: 'muted' }, '暂无待办')),
    card(`等待前序步骤（${waiting.length}）`, waiting.length ? el('div', { class: 'grid' }, waiting.map((e) => entry(e, out)))
      : el('p', { class: 'muted' }, '无')));
}

function entry(e, out) {
  const clock = e.clock;
  const reason = el('textarea', { placeholder: '理由 / 补正内容（不予批准、补正时必填）', 'aria-label': '理由' });
  const packet = el('div', { class: 'packet' });
  const post = async (body) => {
    const r = await api('POST', `/api/cases/${encodeURIComponent(e.case)}/events`,
      Object.assign({ step: e.step }, body, pageAt() ? { at: pageAt() + 'T' + new Date().toTimeString().slice(0, 8) } : {}));
    out.replaceChildren(r.ok ? el('div', { class: 'notice-ok' }, `${e.case} ${e.name}：${say('applied', r.data.applied)}`) : errorBox(r.data));
    out.scrollIntoView();
    if (r.ok) setTimeout(load, 600);
  };
  const holding = e.position === 'holding';
  const suspended = e.status === 'suspended';
  return el('div', { class: 'entry', 'data-case': e.case, 'data-step': e.step },
    el('h3', {}, e.name),
    el('div', { class: 'meta' }, e.case),
    el('div', {}, badge('position', e.position), ' ', badge('step', e.status), ' ',
      clock ? badge('clock', clock.status) : '', clock ? ` 应办结：${dueText(clock.due, clock)}` : ''),
    clock && clock.days_late ? el('div', { class: 'meta' }, `已超期 ${clock.days_late} 个工作日`) : '',
    el('div', { class: 'meta' }, `补正 ${e.corrections} 次`, e.correction_allowed ? '' : '（再次补正须督办批准）'),
    el('div', { class: 'actions' },
      el('button', { class: 'secondary', onclick: async () => {
        const r = await api('GET', `/api/cases/${encodeURIComponent(e.case)}/packets/${encodeURIComponent(e.step)}`);
        packet.replaceChildren(r.ok ? el('dl', { class: 'fields' },
          Object.entries(r.data.fields).flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, typeof v === 'object' ? JSON.stringify(v) : String(v))]))
          : errorBox(r.data));
      } }, '查看材料'),
      holding && !suspended ? [
        e.status === 'pending' ? el('button', { onclick: () => post({ kind: 'start' }) }, '开始办理') : '',
        el('button', { onclick: () => post({ kind: 'approve', output: `${e.step}-${e.case}` }) }, '批准'),
        el('button', { class: 'danger', onclick: () => post({ kind: 'reject', reason: reason.value || undefined }) }, '不予批准'),
        el('button', { class: 'secondary', disabled: !e.correction_allowed, onclick: () => post({ kind: 'correction', reason: reason.value || undefined }) }, '一次性告知补正'),
      ] : '',
      suspended ? [
        el('button', { onclick: () => post({ kind: 'correction_received' }) }, '补正材料已收到'),
        el('button', { class: 'secondary', onclick: () => post({ kind: 'special_end' }) }, '特别程序结束'),
      ] : ''),
    holding ? reason : '',
    packet);
}

load();
