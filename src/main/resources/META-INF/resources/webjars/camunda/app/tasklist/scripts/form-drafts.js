/*
 * 「保存」 in a Camunda Form keeps the form's lists on the server, not only in this browser.
 * Tasklist saves a form's values in the browser's local storage ("camunda-form:<task id>");
 * this script also sends the lists among them (dynamic lists, checklists, taglists: the
 * values a form submits as JSON) to the task as its variables. The task's process accepts
 * only its own inputs (the server's input guard), keeps them while the task is open, and
 * the form shows them again when the task is opened in any browser; the lists are removed
 * when the task is completed.
 */
const FORM_VALUES = 'camunda-form:';

function xsrfToken() {
  const cookie = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : '';
}

function engineApi() {
  const path = window.location.pathname;
  const app = path.indexOf('/app/');
  return (app < 0 ? '' : path.slice(0, app)) + '/api/engine/engine/default';
}

function saveListsOnServer(taskId, text) {
  let values;
  try {
    values = JSON.parse(text);
  } catch (e) {
    return;
  }
  const modifications = {};
  Object.keys(values || {}).forEach((name) => {
    const value = values[name];
    if (value !== null && typeof value === 'object') {
      modifications[name] = { type: 'Json', value: JSON.stringify(value) };
    }
  });
  if (!Object.keys(modifications).length) {
    return;
  }
  fetch(engineApi() + '/task/' + encodeURIComponent(taskId) + '/variables', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': xsrfToken() },
    body: JSON.stringify({ modifications })
  }).then((response) => {
    document.documentElement.setAttribute('data-form-draft', response.ok ? 'saved' : 'refused');
  });
}

const setItem = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  setItem.call(this, key, value);
  if (this === window.localStorage && typeof key === 'string' && key.indexOf(FORM_VALUES) === 0) {
    saveListsOnServer(key.slice(FORM_VALUES.length), value);
  }
};
