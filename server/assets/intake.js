// The window's page (综合窗口): intake — answer the situations, read the 一次告知, fill in the
// merged form, submit (every problem at once, in Chinese) — and the case list, where the window
// accepts (受理) and delivers (一次送达).
'use strict';

const state = { matter: null, form: null, answers: {}, formData: {}, problems: [] };

/** The situation questions of the form, from the schema. */
function situationField(id, schema) {
  const prop = schema.properties[id] || {};
  if (prop.type === 'array') return multiField(id, prop);
  const options = prop.type === 'boolean'
    ? [{ value: true, title: '是' }, { value: false, title: '否' }]
    : (prop.oneOf || []).map((o) => ({ value: o.const, title: o.title || String(o.const) }));
  return el('fieldset', { class: 'situation', 'data-situation': id },
    el('label', {}, prop.title || id),
    el('div', { class: 'choices' }, options.map((o) => el('label', {},
      el('input', {
        type: 'radio', name: id, value: JSON.stringify(o.value),
        checked: state.answers[id] === o.value,
        onchange: () => { state.answers[id] = o.value; },
      }), o.title))));
}

/** A multi-select situation: a checkbox per option; no box ticked is an answer too ("none"). */
function multiField(id, prop) {
  const options = ((prop.items || {}).oneOf || []).map((o) => ({ value: o.const, title: o.title || String(o.const) }));
  if (!Array.isArray(state.answers[id])) state.answers[id] = [];
  return el('fieldset', { class: 'situation', 'data-situation': id },
    el('label', {}, `${prop.title || id}（可多选）`),
    el('div', { class: 'choices' }, options.map((o) => el('label', {},
      el('input', {
        type: 'checkbox', name: id, value: JSON.stringify(o.value),
        checked: state.answers[id].includes(o.value),
        onchange: (e) => {
          const ticked = new Set(state.answers[id]);
          if (e.target.checked) ticked.add(o.value); else ticked.delete(o.value);
          // In declaration order, as the compiler lists a multi-select answer.
          state.answers[id] = options.map((x) => x.value).filter((v) => ticked.has(v));
        },
      }), o.title))));
}

async function chooseMatter() {
  const r = await api('GET', '/api/matters');
  if (!r.ok) return show(errorBox(r.data));
  const select = el('select', { id: 'matter' }, r.data.map((m) => el('option', { value: m.id }, m.name)));
  const params = new URLSearchParams(location.search);
  if (params.get('matter')) select.value = params.get('matter');
  show(tabs('intake'),
    card('选择事项', select, el('div', {}, el('button', { id: 'start', onclick: () => situations(select.value) }, '开始受理'))));
  if (r.data.length === 1 || params.get('matter')) situations(select.value);
}

async function situations(matter) {
  const r = await api('GET', `/api/matters/${encodeURIComponent(matter)}/form`);
  if (!r.ok) return show(tabs('intake'), errorBox(r.data));
  state.matter = matter;
  state.form = r.data;
  state.answers = {};
  show(tabs('intake'),
    card(`${r.data.name}：第一步 回答情形问题`,
      r.data.situations.map((id) => situationField(id, r.data.schema)),
      el('div', { id: 'situation-problems' }),
      el('button', { id: 'to-notice', onclick: notice }, '查看一次告知')));
}

async function notice() {
  const missing = state.form.situations.filter((s) => !(s in state.answers));
  if (missing.length) {
    const titles = missing.map((s) => (state.form.schema.properties[s] || {}).title || s);
    document.getElementById('situation-problems').replaceChildren(
      errorBox({ message: '请回答所有情形问题', problems: titles.map((t) => ({ label: t, message: '未选择', pointer: '' })) }));
    return;
  }
  const r = await api('POST', `/api/matters/${encodeURIComponent(state.matter)}/notice`, state.answers);
  if (!r.ok) return show(tabs('intake'), errorBox(r.data));
  const n = r.data;
  show(tabs('intake'),
    card(`${n.name}：第二步 一次告知`,
      el('h3', {}, '将为您办理的事项'),
      table(['事项', '办理部门', '承诺时限'], n.items.map((i) => [
        i.name, i.department_name, i.promise_workdays === 0 ? '即办' : `${i.promise_workdays} 个工作日`]).map((r) => r)),
      el('h3', {}, '需要携带的材料'),
      materialsList(n.materials.filter((m) => m.bring)),
      el('h3', {}, '无需提交（部门间共享或由前序事项取得）'),
      materialsList(n.materials.filter((m) => !m.bring)),
      el('h3', {}, '需要填写的信息'),
      el('p', {}, n.fields.map((f) => f.label + (f.required ? '（必填）' : '')).join('、')),
      el('button', { class: 'secondary', onclick: () => situations(state.matter) }, '返回修改情形'),
      el('button', { id: 'to-form', onclick: fillForm }, '填写申请表')));
}

function materialsList(list) {
  if (!list.length) return el('p', { class: 'muted' }, '无');
  return el('ul', {}, list.map((m) => el('li', {}, m.name)));
}

/** The uiSchema with the answered situations hidden (they are already answered). */
function uiWithSituations() {
  const ui = JSON.parse(JSON.stringify(state.form.ui || {}));
  for (const s of state.form.situations) ui[s] = Object.assign({}, ui[s], { 'ui:widget': 'hidden' });
  ui['ui:submitButtonOptions'] = { submitText: '提交申请' };
  return ui;
}

/** Loads the form bundle (RJSF) once, on the first form shown. */
function formBundle() {
  if (window.YjsForm) return Promise.resolve();
  return new Promise((resolve, reject) => {
    document.head.append(el('script', { src: '/assets/form.js', onload: resolve, onerror: () => reject(new Error('form.js')) }));
  });
}

async function fillForm() {
  await formBundle();
  state.formData = Object.assign({}, state.formData, state.answers);
  state.problems = [];
  const problems = el('div', { id: 'problems' });
  const holder = el('div', { id: 'form', class: 'rjsf' });
  show(tabs('intake'),
    card(`${state.form.name}：第三步 填写申请表`, problems, holder,
      el('button', { class: 'secondary', onclick: notice }, '返回一次告知')));
  state.handle = window.YjsForm.render(holder, {
    schema: state.form.schema,
    uiSchema: uiWithSituations(),
    formData: state.formData,
    onChange: (data) => { state.formData = data; },
    onSubmit: submit,
  });
}

async function submit(data) {
  state.formData = data;
  const received = new URLSearchParams(location.search).get('received');
  const path = `/api/matters/${encodeURIComponent(state.matter)}/cases` +
    (received ? `?received=${encodeURIComponent(received)}` : '');
  const r = await api('POST', path, data);
  const problems = document.getElementById('problems');
  if (!r.ok) {
    problems.replaceChildren(errorBox(r.data));
    state.handle.setErrors(r.data.problems || []);
    problems.scrollIntoView();
    return;
  }
  const v = r.data;
  show(tabs('intake'), card('受理成功',
    el('div', { class: 'notice-ok', id: 'accepted' },
      el('p', {}, '办件编号：', el('strong', { id: 'case-id' }, v.id)),
      el('p', {}, `承诺办结日期：${dueText(v.clock.due, v.clock)}`),
      v.estimate ? el('p', { class: 'muted' }, v.estimate.reason) : '',
      el('p', {}, '办理事项：', v.steps.filter((s) => s.status !== 'not_applicable').map((s) => s.name).join('、'))),
    el('button', { onclick: () => { state.formData = {}; situations(state.matter); } }, '受理下一件')));
}

/** The case list: accept (受理) and deliver (送达). */
async function cases() {
  const r = await api('GET', withAt('/api/cases'));
  if (!r.ok) return show(tabs('cases'), errorBox(r.data));
  const out = el('div', { id: 'case-actions' });
  show(tabs('cases'), out, card('办件列表',
    r.data.length === 0 ? el('p', { class: 'muted' }, '暂无办件') :
      table(['办件编号', '收件时间', '办结情况', '承诺日期', '计时', '操作'], r.data.map((c) => c.unknown ? [
        c.id, '—', '状态未知', '—', `${c.unknown.reason} [${c.unknown.code}]`, '',
      ] : [
        c.id, c.received.replace('T', ' '), say('outcome', c.outcome), dueText(c.due, c),
        // A running waiting period (公示期) is said next to the clock: 等待中 and when it ends.
        el('span', {}, badge('clock', c.status), (c.waiting || []).map((w) =>
          el('span', { class: 'waiting' }, ' ', badge('step', 'waiting'), ' ', w))),
        el('span', {},
          el('button', { class: 'secondary', onclick: () => act(out, c.id, { kind: 'approve', step: 'accept' }) }, '受理'),
          el('button', { class: 'secondary', onclick: () => act(out, c.id, { kind: 'deliver', method: 'window' }) }, '送达')),
      ]))));
}

async function act(out, id, body) {
  const r = await api('POST', `/api/cases/${encodeURIComponent(id)}/events`, body);
  out.replaceChildren(r.ok ? el('div', { class: 'notice-ok' }, `${id}：${say('applied', r.data.applied)}`) : errorBox(r.data));
  if (r.ok) setTimeout(cases, 600);
}

function tabs(current) {
  return el('div', { class: 'tabs' },
    el('button', { 'aria-pressed': current === 'intake', onclick: chooseMatter }, '受理申请'),
    el('button', { 'aria-pressed': current === 'cases', onclick: cases }, '办件列表'));
}

chooseMatter();
