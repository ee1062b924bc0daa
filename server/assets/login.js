// The sign-in page: staff paste their token (from `yjs serve user add`); applicants go to the
// progress page with their case number and phone.
'use strict';

show(
  document.body.classList.contains('failed')
    ? errorBox({ message: '令牌无效，请检查后重试', code: 'unauthorized' }) : '',
  card('工作人员登录',
    el('form', { method: 'post', action: '/login' },
      el('label', { for: 'token' }, '令牌'),
      el('input', { type: 'password', id: 'token', name: 'token', autocomplete: 'off', required: true }),
      el('div', {}, el('button', { type: 'submit' }, '登录')),
      el('p', { class: 'muted' }, '令牌由管理员用 yjs serve user add 发放，只显示一次。'))),
  card('申请人', el('p', {}, '凭办件编号和手机号后四位 ', el('a', { href: '/progress' }, '查询办件进度'), '。')));
