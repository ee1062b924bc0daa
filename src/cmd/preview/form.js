// yjs preview: draws each matter's 一次表单 from its generated form.schema.json and form.ui.json,
// with no library. Situations first, then the shared fields, then one section per item; a part
// that is defined in an `allOf` entry's `then` is shown only while that entry's `if` holds, and
// its data leaves the submission when it is hidden (as RJSF does). The `if` schemas use the few
// keywords of the compiler's conditions (properties, required, const, enum, contains, allOf,
// anyOf, not), which `matches` evaluates.
(function () {
  'use strict';

  /** Whether `value` is valid against the condition schema `s` (the keywords conditions use). */
  function matches(s, value) {
    if (s === true || s === undefined) return true;
    if (s === false) return false;
    if ('const' in s && JSON.stringify(s.const) !== JSON.stringify(value)) return false;
    if (s.enum && !s.enum.some((e) => JSON.stringify(e) === JSON.stringify(value))) return false;
    if (s.type === 'array' && !Array.isArray(value)) return false;
    if (s.contains && !(Array.isArray(value) && value.some((v) => matches(s.contains, v)))) return false;
    const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
    if (s.required && isObject && !s.required.every((k) => k in value)) return false;
    if (s.properties && isObject) {
      for (const [k, sub] of Object.entries(s.properties)) {
        if (k in value && !matches(sub, value[k])) return false;
      }
    }
    if (s.allOf && !s.allOf.every((x) => matches(x, value))) return false;
    if (s.anyOf && !s.anyOf.some((x) => matches(x, value))) return false;
    if (s.not && matches(s.not, value)) return false;
    return true;
  }

  /** Where each top-level part is defined: its schema and the `allOf` index whose `if` shows it. */
  function definitions(schema) {
    const defs = {};
    for (const [k, v] of Object.entries(schema.properties || {})) defs[k] = { schema: v, rule: null };
    (schema.allOf || []).forEach((entry, i) => {
      const props = (entry.then && entry.then.properties) || {};
      for (const [k, v] of Object.entries(props)) {
        if (!defs[k] && Object.keys(v).length > 0) defs[k] = { schema: v, rule: i };
      }
    });
    return defs;
  }

  /** The top-level names required for these answers: `required`, plus each holding `then`'s. */
  function requiredNow(schema, data) {
    const out = new Set(schema.required || []);
    for (const entry of schema.allOf || []) {
      if (entry.if && entry.then && matches(entry.if, data)) (entry.then.required || []).forEach((k) => out.add(k));
    }
    return out;
  }

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'text') e.textContent = v;
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children) if (c) e.append(c);
    return e;
  }

  function options(s) {
    const list = s.oneOf || (s.items && s.items.oneOf) || [];
    return list.filter((o) => 'const' in o).map((o) => ({ value: o.const, title: o.title || String(o.const) }));
  }

  /** One labelled input for the field `name` with schema `s`, under the data object `obj`. */
  function field(form, obj, name, s, ui, required, path) {
    ui = ui || {};
    const id = `${form.id}-${path.join('-')}`;
    const title = ui['ui:title'] || s.title || name;
    const label = el('label', { for: id, class: 'yjs-label' }, title);
    if (required) label.append(el('span', { class: 'yjs-required', title: '必填', text: ' *' }));
    const wrap = el('div', { class: 'yjs-field', 'data-path': path.join('.') }, label);
    const set = (v) => {
      if (v === undefined || v === '') delete obj[name];
      else obj[name] = v;
      form.changed();
    };
    const opts = options(s);
    if (s.type === 'array' && s.items && s.items.type === 'object') {
      wrap.append(list(form, obj, name, s, ui, path));
    } else if (s.type === 'array' && opts.length) {
      const box = el('div', { class: 'yjs-choices', id, role: 'group' });
      for (const o of opts) {
        const cb = el('input', { type: 'checkbox', name: `${form.id}:${path.join('.')}`, value: o.value });
        cb.checked = Array.isArray(obj[name]) && obj[name].includes(o.value);
        cb.addEventListener('change', () => {
          const now = new Set(Array.isArray(obj[name]) ? obj[name] : []);
          if (cb.checked) now.add(o.value); else now.delete(o.value);
          set(opts.map((x) => x.value).filter((v) => now.has(v)));
        });
        box.append(el('label', { class: 'yjs-choice' }, cb, ' ' + o.title));
      }
      wrap.append(box);
    } else if (opts.length && (opts.length <= 4 || ui['ui:widget'] === 'radio')) {
      const box = el('div', { class: 'yjs-choices', id, role: 'radiogroup' });
      for (const o of opts) {
        const r = el('input', { type: 'radio', name: `${form.id}:${path.join('.')}`, value: JSON.stringify(o.value) });
        r.checked = JSON.stringify(obj[name]) === JSON.stringify(o.value);
        r.addEventListener('change', () => { if (r.checked) set(o.value); });
        box.append(el('label', { class: 'yjs-choice' }, r, ' ' + o.title));
      }
      wrap.append(box);
    } else if (opts.length) {
      const sel = el('select', { id, name: path.join('.') }, el('option', { value: '', text: '请选择' }));
      for (const o of opts) {
        const opt = el('option', { value: JSON.stringify(o.value), text: o.title });
        opt.selected = JSON.stringify(obj[name]) === JSON.stringify(o.value);
        sel.append(opt);
      }
      sel.addEventListener('change', () => set(sel.value === '' ? undefined : JSON.parse(sel.value)));
      wrap.append(sel);
    } else {
      const long = ui['ui:widget'] === 'textarea';
      const attrs = { id, name: path.join('.'), placeholder: ui['ui:placeholder'] };
      let input;
      if (ui['ui:widget'] === 'file') {
        input = el('input', { ...attrs, type: 'file' });
      } else if (long) {
        input = el('textarea', { ...attrs, maxlength: s.maxLength, rows: 3 });
      } else if (s.type === 'integer' || s.type === 'number') {
        input = el('input', { ...attrs, type: 'number', min: s.minimum, max: s.maximum, step: s.multipleOf || (s.type === 'integer' ? 1 : 'any') });
      } else if (s.format === 'date') {
        input = el('input', { ...attrs, type: 'date' });
      } else if (s.format === 'date-time') {
        input = el('input', { ...attrs, type: 'datetime-local' });
      } else {
        input = el('input', { ...attrs, type: 'text', maxlength: s.maxLength, 'data-format': s.format });
      }
      if (required) input.setAttribute('aria-required', 'true');
      if (input.type !== 'file' && obj[name] !== undefined) input.value = obj[name];
      input.addEventListener('input', () => {
        const raw = input.value;
        if (s.type === 'integer' || s.type === 'number') set(raw === '' ? undefined : Number(raw));
        else if (input.type === 'file') set(input.files.length ? input.files[0].name : undefined);
        else set(raw);
      });
      wrap.append(input);
    }
    if (s.description) wrap.append(el('p', { class: 'yjs-help', text: s.description }));
    return wrap;
  }

  /** The fields of an object schema `s`, in the uiSchema's order, into `obj`. */
  function fields(form, obj, s, ui, path) {
    const order = (ui && ui['ui:order']) || Object.keys(s.properties || {});
    const req = new Set(s.required || []);
    return order
      .filter((k) => s.properties && s.properties[k])
      .map((k) => field(form, obj, k, s.properties[k], (ui || {})[k], req.has(k), [...path, k]));
  }

  /** A list of entries (an array of objects) with add and remove buttons. */
  function list(form, obj, name, s, ui, path) {
    const box = el('div', { class: 'yjs-list' });
    const entries = Array.isArray(obj[name]) ? obj[name] : (obj[name] = []);
    entries.forEach((entry, i) => {
      const box1 = el('fieldset', { class: 'yjs-entry' }, el('legend', { text: `第${i + 1}项` }));
      box1.append(...fields(form, entry, s.items, ui.items, [...path, String(i)]));
      const rm = el('button', { type: 'button', text: '删除此项' });
      rm.addEventListener('click', () => { entries.splice(i, 1); form.redraw(); });
      box1.append(rm);
      box.append(box1);
    });
    const add = el('button', { type: 'button', class: 'yjs-add', text: '添加一项' });
    add.addEventListener('click', () => { entries.push({}); form.redraw(); });
    box.append(add);
    return box;
  }

  /** Draws one form into `root`; answers survive a redraw and a new version of the page. */
  function draw(root, schema, ui, data) {
    const defs = definitions(schema);
    const form = { id: root.dataset.matter };
    // Only a change of what is shown (a situation answer) redraws, so typing keeps its focus.
    const shown = () => (schema.allOf || []).map((e) => (e.if ? matches(e.if, data) : true)).join();
    let last = '';
    form.redraw = () => {
      const focused = document.activeElement && document.activeElement.id;
      root.replaceChildren();
      last = shown();
      const req = requiredNow(schema, data);
      const groups = ui['ui:groups'] || [{ title: null, fields: ui['ui:order'] || Object.keys(defs) }];
      for (const g of groups) {
        const parts = [];
        for (const name of g.fields) {
          const d = defs[name];
          if (!d) continue;
          const visible = d.rule === null || matches(schema.allOf[d.rule].if, data);
          if (!visible) {
            delete data[name];
            continue;
          }
          const s = d.schema;
          const u = ui[name] || {};
          if (s.type === 'object') {
            const obj = data[name] && typeof data[name] === 'object' ? data[name] : (data[name] = {});
            const sec = el('fieldset', { class: 'yjs-section', 'data-path': name },
              el('legend', { text: u['ui:title'] || s.title || name }));
            if (s.description) sec.append(el('p', { class: 'yjs-help', text: s.description }));
            sec.append(...fields(form, obj, s, u, [name]));
            parts.push(sec);
          } else {
            parts.push(field(form, data, name, s, u, req.has(name), [name]));
          }
        }
        if (!parts.length) continue;
        if (g.title) {
          root.append(el('fieldset', { class: 'yjs-group' }, el('legend', { text: g.title }), ...parts));
        } else {
          root.append(...parts);
        }
      }
      const out = el('details', { class: 'yjs-data' }, el('summary', { text: '提交的数据' }),
        el('pre', { text: JSON.stringify(data, null, 2) }));
      root.append(out);
      const again = focused && document.getElementById(focused);
      if (again) again.focus();
    };
    form.changed = () => {
      if (shown() !== last) {
        form.redraw();
      } else {
        const pre = root.querySelector('.yjs-data pre');
        if (pre) pre.textContent = JSON.stringify(data, null, 2);
      }
    };
    form.redraw();
  }

  const answers = (window.__yjsAnswers = window.__yjsAnswers || {});

  /** Draws every form of the page from its embedded schema and uiSchema. */
  window.yjsDrawForms = function () {
    for (const root of document.querySelectorAll('.yjs-form[data-matter]')) {
      const src = root.previousElementSibling;
      if (!src || src.type !== 'application/json') continue;
      const { schema, ui } = JSON.parse(src.textContent);
      const data = (answers[root.dataset.matter] = answers[root.dataset.matter] || {});
      draw(root, schema, ui, data);
    }
  };
})();
