// Shared by every page: the embedded vocabulary, the JSON API with the session cookie, and a
// small DOM builder that only ever sets text (never HTML), so no data becomes markup.
'use strict';

const YJS = JSON.parse(document.getElementById('yjs-data').textContent);

/** The Chinese name of a status code of a family (step, outcome, clock, limit, pause, position, applied, role). */
function say(family, code) {
  const f = YJS.vocabulary[family];
  return (f && f[code]) || code;
}

/** A date with `（估算）` after it when `x.estimate` says it was counted over a year without
 *  holiday data (the reason is in `x.estimate.reason`). */
function dueText(date, x) {
  return x && x.estimate ? `${date}（估算）` : String(date);
}

/** The `at` of the page's URL (for demonstrations and tests), else today. */
function pageAt() {
  return new URLSearchParams(location.search).get('at');
}

/** Appends `at` to an API path when the page has one. */
function withAt(path) {
  const at = pageAt();
  if (!at) return path;
  return path + (path.includes('?') ? '&' : '?') + 'at=' + encodeURIComponent(at);
}

/** Calls the API; resolves to {ok, status, data}. */
async function api(method, path, body) {
  const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (e) {
    return { ok: false, status: 0, data: { code: 'network', message: '无法连接服务器：' + e } };
  }
  const type = response.headers.get('content-type') || '';
  const data = type.includes('json') ? await response.json() : await response.text();
  if (response.status === 401) location.href = '/';
  return { ok: response.ok, status: response.status, data };
}

/** An element with attributes (`on…` are listeners) and children (strings become text). */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'class') node.className = v;
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/** A badge for a status code. */
function badge(family, code) {
  return el('span', { class: 'badge ' + code, 'data-code': code }, say(family, code));
}

/** An error answer: its message, its code, and every problem of a submission. */
function errorBox(data) {
  const problems = (data && data.problems) || [];
  return el('div', { class: 'problems', role: 'alert' },
    el('h3', {}, (data && data.message) || '出错了', data && data.code ? ` [${data.code}]` : ''),
    problems.length ? el('ul', {}, problems.map((p) =>
      el('li', { 'data-pointer': p.pointer }, `${p.label}：${p.message}`))) : null);
}

/** A section card with a title. */
function card(title, ...children) {
  return el('section', { class: 'card' }, el('h2', {}, title), ...children);
}

/** A table; with `stack`, rows become labelled blocks on a phone. */
function table(headers, rows) {
  return el('table', { class: 'stack' },
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))),
    el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c, i) => el('td', { 'data-label': headers[i] }, c))))));
}

/** Replaces the page's content. */
function show(...nodes) {
  const main = document.getElementById('main');
  main.replaceChildren(...nodes);
}
