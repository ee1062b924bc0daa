// The merged form in the browser: react-jsonschema-form with its AJV 8 validator, Chinese
// messages, and the server's problems shown at their fields. Bundled by build.mjs into
// ../form.js, which the pages load as `window.YjsForm`.
import { createElement, useState, useImperativeHandle, forwardRef, createRef } from 'react';
import { createRoot } from 'react-dom/client';
import Form from '@rjsf/core';
import { customizeValidator } from '@rjsf/validator-ajv8';
// The custom formats of every yjs form (check digits), as `yjs build` writes them.
import formats from '../../../generated/formats.mjs';

/** RJSF's Ajv with the identifiers' formats: the browser refuses what the runtime refuses. */
const validator = customizeValidator({ customFormats: formats });

/** The settings every yjs form needs (spec/artifacts.md): no answer is pre-filled, and the
 * data of a section that stopped applying is never submitted. */
const SETTINGS = {
  experimental_defaultFormStateBehavior: {
    constAsDefaults: 'skipOneOf',
    requiredBooleanDefault: 'skip',
    emptyObjectFields: 'skipDefaults',
  },
  omitExtraData: true,
  liveOmit: true,
};

/** What a failed custom format means, in Chinese. */
const FORMAT_MESSAGES = {
  date: '请填写日期（年-月-日）',
  'id-card': '不是有效的居民身份证号码（请核对出生日期和末位校验码）',
  uscc: '不是有效的统一社会信用代码（请核对末位校验码）',
  'region-code': '不是有效的行政区划代码',
};

/** A date bound's format (`date-not-after-today`, `date-not-before-2000-01-01`) in Chinese. */
function dateBound(format) {
  const m = /^date-not-(before|after)-(.+)$/.exec(format || '');
  if (!m) return null;
  const day = m[2] === 'today' ? '今天' : m[2];
  return `日期不能${m[1] === 'before' ? '早于' : '晚于'}${day}`;
}

/** Chinese for the schema keywords a person can break. */
function message(e) {
  const p = e.params || {};
  switch (e.name) {
    case 'required': return '必填';
    case 'maxLength': return `不能超过 ${p.limit} 个字`;
    case 'minLength': return `至少 ${p.limit} 个字`;
    case 'pattern': return '格式不正确';
    case 'format': return FORMAT_MESSAGES[p.format] || dateBound(p.format) || '格式不正确';
    case 'minimum': return `不能小于 ${p.limit}`;
    case 'maximum': return `不能大于 ${p.limit}`;
    case 'type': return '类型不正确';
    case 'enum': case 'const': case 'oneOf': case 'anyOf': return '请选择一项';
    case 'additionalProperties': return '多余的字段';
    default: return e.message;
  }
}

function transformErrors(errors) {
  return errors
    // An `if` failure only says that a `then` did not hold; the `then`'s own errors say what.
    .filter((e) => e.name !== 'if')
    .map((e) => Object.assign({}, e, { message: message(e), stack: message(e) }));
}

/** The server's problems as RJSF's extraErrors: a tree by pointer with `__errors` lists. */
function extraErrors(problems) {
  const root = {};
  for (const p of problems) {
    let node = root;
    for (const part of p.pointer.split('/').slice(1)) {
      const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
      node = node[key] = node[key] || {};
    }
    (node.__errors = node.__errors || []).push(p.message);
  }
  return root;
}

const Holder = forwardRef(function Holder(props, ref) {
  const [formData, setFormData] = useState(props.formData);
  const [problems, setProblems] = useState([]);
  useImperativeHandle(ref, () => ({ setErrors: setProblems }));
  return createElement(Form, {
    ...SETTINGS,
    schema: props.schema,
    uiSchema: props.uiSchema,
    formData,
    validator,
    liveValidate: false,
    showErrorList: false,
    noHtml5Validate: true,
    transformErrors,
    extraErrors: extraErrors(problems),
    onChange: (e) => { setFormData(e.formData); props.onChange && props.onChange(e.formData); },
    onSubmit: (e) => props.onSubmit(e.formData),
    // The errors are shown at their fields; RJSF would also log them to the console.
    onError: () => {},
  });
});

/** Renders the form into `container`; returns `{ setErrors(problems) }`. */
function render(container, props) {
  const ref = createRef();
  createRoot(container).render(createElement(Holder, Object.assign({ ref }, props)));
  return {
    setErrors(problems) { if (ref.current) ref.current.setErrors(problems); },
  };
}

window.YjsForm = { render };
