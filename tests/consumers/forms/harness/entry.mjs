// The two renderers as a form developer wires them to yjs artifacts, with the glue
// spec/artifacts.md documents: RJSF 6 (@rjsf/core + validator-ajv8) and JSON Forms 3 (vanilla
// renderers). Bundled by ../render.mjs for Chromium; `window.yjsRender(kind, artifacts)`.
import { createElement, useState } from 'react';
import { createRoot } from 'react-dom/client';
import Form from '@rjsf/core';
import { customizeValidator } from '@rjsf/validator-ajv8';
import { JsonForms } from '@jsonforms/react';
import { createAjv } from '@jsonforms/core';
import { vanillaCells, vanillaRenderers } from '@jsonforms/vanilla-renderers';
// The build's custom formats, as a developer imports them from the build output.
import formats from '../../../../generated/formats.mjs';

/** RJSF: the i18n file's messages for Ajv's errors (`transformErrors`). */
function rjsfTransformErrors(zh) {
  const key = (e) => (e.property || '').replace(/^\./, '').replace(/\.\d+(?=\.|$)/g, '');
  return (errors) => errors
    .filter((e) => e.name !== 'if')
    .map((e) => {
      const message = zh[`${key(e)}.error.${e.name}`] ?? zh[`error.${e.name}`] ?? e.message;
      return { ...e, message, stack: message };
    });
}

/** RJSF: draws the uiSchema's `ui:groups` as fieldsets (办理情形, 基本信息, one per section). */
function GroupedObject(props) {
  const groups = props.uiSchema?.['ui:groups'];
  const shown = (p) => !p.hidden;
  if (!groups) {
    return createElement('fieldset', { id: props.fieldPathId?.$id },
      props.title ? createElement('legend', null, props.title) : null,
      props.properties.filter(shown).map((p) => p.content));
  }
  const byName = new Map(props.properties.map((p) => [p.name, p]));
  return createElement('div', null, groups.map((g, i) => {
    const parts = g.fields.map((f) => byName.get(f)).filter((p) => p && shown(p));
    if (!parts.length) return null;
    // A section is its own fieldset, titled with its item and department.
    if (!g.title) return createElement('div', { key: i }, parts.map((p) => p.content));
    return createElement('fieldset', { key: i, className: 'yjs-group' },
      createElement('legend', null, g.title), parts.map((p) => p.content));
  }));
}

function Rjsf({ a, onData }) {
  const [formData, setFormData] = useState({});
  return createElement(Form, {
    schema: a.schema,
    uiSchema: a.ui,
    validator: customizeValidator({ customFormats: a.formats }),
    formData,
    // No answer pre-filled; data of parts that stopped applying is dropped, never submitted.
    experimental_defaultFormStateBehavior: { constAsDefaults: 'skipOneOf', requiredBooleanDefault: 'skip' },
    omitExtraData: true,
    liveOmit: true,
    showErrorList: false,
    noHtml5Validate: true,
    transformErrors: rjsfTransformErrors(a.i18n),
    templates: { ObjectFieldTemplate: GroupedObject },
    onChange: (e) => { setFormData(e.formData); onData(e.formData); },
    onSubmit: (e) => onData(e.formData, true),
    onError: () => {},
  });
}

function Jf({ a, onData }) {
  const { formats, i18n: zh } = a;
  // Made once: a new Ajv or i18n on a render makes JSON Forms compile and validate again.
  const [ajv] = useState(() => {
    const ajv = createAjv();
    for (const [name, check] of Object.entries(formats)) ajv.addFormat(name, check);
    return ajv;
  });
  const [i18n] = useState(() => ({ locale: 'zh', translate: (key, fallback) => zh[key] ?? fallback }));
  // `data` is the initial answers only, never fed back from onChange: JSON Forms emits onChange
  // 10 ms after a change, and a `data` prop that lags behind the typing resets the form to it
  // (eclipsesource/jsonforms#2174; a value typed in that window was lost here once).
  const [initial] = useState({});
  return createElement(JsonForms, {
    schema: a.schema,
    uischema: a.jsonforms,
    data: initial,
    renderers: vanillaRenderers,
    cells: vanillaCells,
    ajv,
    validationMode: 'ValidateAndShow',
    i18n,
    onChange: ({ data }) => onData(data),
  });
}

window.yjsRender = (kind, a) => {
  window.yjsData = {};
  const onData = (d, submitted) => { window.yjsData = d; if (submitted) window.yjsSubmitted = d; };
  createRoot(document.getElementById('app')).render(
    createElement(kind === 'rjsf' ? Rjsf : Jf, { a: { ...a, formats }, onData }));
};
