/*
 * The handler's workbench inside Tasklist: what a task needs besides its form, where the
 * task is.
 *
 * - tasklist.navbar.action: 站内信, a bell with the unread count (polled), the list, mark
 *   one or all read, each entry opening its target; 我办过的, the tasks the user completed
 *   last, with 撤回 where the server still allows it;
 * - tasklist.task.action: the deadline in working days, the latest reason the matter was
 *   sent back, and a button for each operation the server offers the user on this task
 *   (转办, 委派, 退回, 抄送, 催办, 申请延期, and 交回 on a task delegated to the user), each
 *   with a Chinese dialog;
 * - tasklist.task.detail: the tabs 附件 (list, upload, download, image preview) and 审批意见;
 * - Tasklist's own controls the user cannot use are hidden (新建任务 while standalone tasks
 *   are off, 添加组, 设置跟进日期 and the due date editor for non-administrators).
 *
 * The server decides everything (see the /api documentation); this file only shows it.
 */

const BELL_POLL_MS = 10000;

const STYLE = `
.rf-bell { position: relative; }
.rf-bell .rf-count { background: #c9302c; color: #fff; border-radius: 9px; padding: 0 6px; font-size: 11px; margin-left: 2px; }
.rf-bell .rf-count.rf-zero { background: #999; }
.rf-inbox { position: absolute; right: 0; top: 100%; width: 420px; max-height: 480px; overflow-y: auto; background: #fff;
  color: #333; border: 1px solid #ccc; box-shadow: 0 4px 12px rgba(0,0,0,.2); z-index: 2000; text-align: left; }
.rf-bell .rf-inbox header { height: auto; line-height: 1.4; display: flex; justify-content: space-between; align-items: center; padding: 6px 10px; border-bottom: 1px solid #eee; }
.rf-inbox ul { list-style: none; margin: 0; padding: 0; }
.rf-inbox li { padding: 8px 10px; border-bottom: 1px solid #f0f0f0; line-height: 1.4; }
.rf-inbox li.rf-unread { background: #fdf6e3; font-weight: bold; }
.rf-bell .rf-inbox li { float: none; display: block; height: auto; }
.rf-bell .rf-inbox li a.rf-open { display: block !important; position: static !important; padding: 0 !important; margin: 0 !important;
  height: auto !important; min-height: 0 !important; line-height: 1.4 !important; white-space: normal !important; font-size: 13px;
  color: #2a6496; cursor: pointer; border: 0; }
.rf-bell .rf-inbox li .rf-when { display: block; padding: 0; line-height: 1.4; color: #888; font-weight: normal; font-size: 12px; }
.rf-inbox .rf-empty { padding: 12px; color: #888; }
.task-details > .three-cols-layout-cell.top::after { content: ''; display: table; clear: both; }
.task-details > .three-cols-layout-cell.top > .task-actions { height: auto; min-height: 22px; }
.rf-workbench { margin: 0; line-height: 22px; }
.rf-workbench .rf-deadline { display: inline-block; padding: 2px 8px; border-radius: 3px; background: #dff0d8; color: #3c763d; margin-right: 8px; }
.rf-workbench .rf-deadline.rf-overdue { background: #f2dede; color: #a94442; }
.rf-workbench .rf-deadline.rf-soon { background: #fcf8e3; color: #8a6d3b; }
.rf-return { margin: 0 0 10px; padding: 6px 10px; background: #fcf8e3; border-left: 4px solid #f0ad4e; color: #8a6d3b; }
.rf-workbench .rf-ops { display: inline-block; }
.rf-workbench .rf-ops button { margin: 0 6px 0 0; }
.rf-modal-backdrop { position: fixed; inset: 0; background: rgba(0,0,0,.4); z-index: 3000; display: flex; align-items: flex-start; justify-content: center; }
.rf-modal { background: #fff; margin-top: 80px; width: 520px; max-width: 95vw; border-radius: 4px; box-shadow: 0 6px 24px rgba(0,0,0,.3); }
.rf-modal h3 { margin: 0; padding: 12px 16px; border-bottom: 1px solid #eee; font-size: 18px; }
.rf-modal .rf-body { padding: 12px 16px; }
.rf-modal .rf-body label { display: block; margin-top: 8px; }
.rf-modal .rf-body select, .rf-modal .rf-body textarea, .rf-modal .rf-body input[type=number], .rf-modal .rf-body input[type=search] { width: 100%; }
.rf-modal .rf-people { max-height: 200px; overflow-y: auto; border: 1px solid #ddd; padding: 4px 8px; }
.rf-modal .rf-people label { display: block; margin: 2px 0; font-weight: normal; }
.rf-modal .rf-result { margin-top: 10px; }
.rf-modal footer { padding: 10px 16px; border-top: 1px solid #eee; text-align: right; }
.rf-modal footer button { margin-left: 6px; }
.rf-tab { padding: 10px 0; }
.rf-tab table { width: 100%; }
.rf-tab td, .rf-tab th { padding: 4px 6px; border-bottom: 1px solid #eee; vertical-align: top; }
.rf-drop { border: 2px dashed #aaa; padding: 14px; text-align: center; color: #666; margin-bottom: 10px; }
.rf-drop.rf-over { border-color: #337ab7; background: #eef5fb; }
.rf-preview { margin-top: 10px; border: 1px solid #ddd; padding: 6px; }
.rf-preview img { max-width: 100%; max-height: 480px; }
.rf-preview img.rf-preview-page { display: block; max-height: none; margin: 0 auto 8px; border: 1px solid #ccc; }
.rf-message.rf-bad { color: #a94442; }
.rf-message.rf-ok { color: #3c763d; }
`;

function addStyle(id, css) {
  if (document.getElementById(id)) {
    return;
  }
  const style = document.createElement('style');
  style.id = id;
  style.textContent = css;
  document.head.appendChild(style);
}

addStyle('rf-workbench-style', STYLE);

// ---------------------------------------------------------------- the server

/**
 * The candidates for the API's CSRF token. Tasklist keeps its own XSRF-TOKEN cookie under
 * /camunda, the API keeps one under /; a page of Tasklist sees both, the more specific
 * path first, while a request to /api carries only the API's. So the last one is tried
 * first, and the others only if the API refuses it.
 */
function csrfTokens() {
  const tokens = [];
  document.cookie.split('; ').forEach((cookie) => {
    if (cookie.startsWith('XSRF-TOKEN=')) {
      tokens.unshift(decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)));
    }
  });
  return tokens.length ? tokens : [''];
}

async function send(method, url, body, token) {
  const headers = { Accept: 'application/json' };
  const init = { method, credentials: 'same-origin', headers };
  if (method !== 'GET') {
    headers['X-XSRF-TOKEN'] = token;
  }
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  return fetch(url, init);
}

async function api(method, url, body) {
  let response;
  if (method === 'GET') {
    response = await send(method, url, body);
  } else {
    const tokens = csrfTokens();
    for (let i = 0; i < tokens.length; i++) {
      response = await send(method, url, body, tokens[i]);
      if (response.status !== 403 || i === tokens.length - 1
          || (await response.clone().text()).includes('messageZh')) {
        break; // answered, or refused for a reason other than the token
      }
    }
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (e) {
    json = null;
  }
  if (!response.ok) {
    const message = (json && (json.messageZh || json.detail || json.title)) || '操作未成功（' + response.status + '），请稍后再试。';
    const error = new Error(message);
    error.status = response.status;
    throw error;
  }
  return json;
}

// ---------------------------------------------------------------- helpers

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([key, value]) => {
    if (value === undefined || value === null || value === false) {
      return;
    }
    if (key.startsWith('on')) {
      node.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      node.className = value;
    } else {
      node.setAttribute(key, value === true ? '' : value);
    }
  });
  children.flat().forEach((child) => {
    if (child === null || child === undefined || child === false) {
      return;
    }
    node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  });
  return node;
}

function chineseDate(instant) {
  if (!instant) {
    return '';
  }
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false
  }).formatToParts(new Date(instant));
  const get = (type) => (parts.find((p) => p.type === type) || {}).value;
  return get('year') + '年' + get('month') + '月' + get('day') + '日 ' + get('hour') + ':' + get('minute');
}

function size(bytes) {
  if (bytes >= 1024 * 1024) {
    return (bytes / 1024 / 1024).toFixed(1) + ' MB';
  }
  if (bytes >= 1024) {
    return Math.round(bytes / 1024) + ' KB';
  }
  return bytes + ' 字节';
}

function taskIdFromUrl() {
  const hash = window.location.hash || '';
  const start = hash.indexOf('?');
  return start < 0 ? null : new URLSearchParams(hash.slice(start + 1)).get('task');
}

/** Closes the open task in Tasklist (its address loses the task). */
function leaveTask() {
  const hash = window.location.hash || '#/';
  const start = hash.indexOf('?');
  if (start < 0) {
    return;
  }
  const params = new URLSearchParams(hash.slice(start + 1));
  params.delete('task');
  params.delete('detailsTab');
  window.location.hash = hash.slice(0, start) + '?' + params.toString();
}

/** Asks Tasklist to reload the open task and its list. */
function refreshTasklist(scope) {
  if (!scope || !scope.$root) {
    return;
  }
  const root = scope.$root;
  const reload = () => {
    let holder = scope;
    while (holder && !holder.taskData) {
      holder = holder.$parent;
    }
    if (holder) {
      holder.taskData.changed('task');
      holder.taskData.changed('taskList');
    }
    root.$broadcast('refresh');
  };
  if (root.$$phase) {
    reload();
  } else {
    root.$apply(reload);
  }
}

// ---------------------------------------------------------------- dialogs

/**
 * A dialog with a title, fields and a confirm button. submit() returns the text shown
 * when it succeeded; a refusal is shown in the dialog, which stays open.
 */
function dialog(title, fields, confirmLabel, submit, onDone) {
  const message = el('div', { class: 'rf-result rf-message', role: 'status' });
  const confirm = el('button', { type: 'button', class: 'btn btn-primary rf-confirm' }, confirmLabel);
  const cancel = el('button', { type: 'button', class: 'btn btn-default rf-cancel' }, '取消');
  const box = el('div', { class: 'rf-modal', role: 'dialog', 'aria-label': title },
    el('h3', {}, title), el('div', { class: 'rf-body' }, fields, message), el('footer', {}, cancel, confirm));
  const backdrop = el('div', { class: 'rf-modal-backdrop' }, box);
  let done = false;
  const close = () => {
    backdrop.remove();
    if (done && onDone) {
      onDone();
    }
  };
  cancel.addEventListener('click', close);
  confirm.addEventListener('click', async () => {
    if (done) {
      close();
      return;
    }
    confirm.disabled = true;
    message.className = 'rf-result rf-message';
    message.textContent = '正在提交…';
    try {
      const result = await submit();
      done = true;
      message.className = 'rf-result rf-message rf-ok alert alert-success';
      message.textContent = result;
      box.querySelectorAll('.rf-body select, .rf-body textarea, .rf-body input').forEach((input) => { input.disabled = true; });
      confirm.textContent = '关闭';
      cancel.style.display = 'none';
    } catch (error) {
      message.className = 'rf-result rf-message rf-bad alert alert-danger';
      message.textContent = error.message;
    } finally {
      confirm.disabled = false;
    }
  });
  document.body.appendChild(backdrop);
  const first = box.querySelector('select, textarea, input');
  if (first) {
    first.focus();
  }
}

function personSelect(name, people) {
  return el('select', { name, class: 'form-control' },
    el('option', { value: '' }, '请选择'),
    people.map((p) => el('option', { value: p.id }, p.name + (p.unit ? '（' + p.unit + '）' : ''))));
}

function textArea(name, placeholder) {
  return el('textarea', { name, rows: 3, class: 'form-control', placeholder, maxlength: 2000 });
}

function nameOf(people, id) {
  const person = people.find((p) => p.id === id);
  return person ? person.name : id;
}

const OPERATION_DIALOGS = {
  transfer(taskId, operation) {
    const who = personSelect('userId', operation.targets);
    const reason = textArea('reason', '必填：为什么转办');
    return ['转办', [el('label', {}, '转办给', who), el('label', {}, '转办原因', reason)], '确认转办', async () => {
      await api('POST', '/api/tasks/' + taskId + '/transfer', { userId: who.value, reason: reason.value });
      return '已转办给 ' + nameOf(operation.targets, who.value) + '。';
    }];
  },
  delegate(taskId, operation) {
    const who = personSelect('userId', operation.targets);
    const note = textArea('note', '选填：请对方办理什么');
    return ['委派', [el('label', {}, '委派给', who), el('label', {}, '说明', note),
      el('p', { class: 'help-block' }, '委派的任务由对方办理后交回给您。')], '确认委派', async () => {
      await api('POST', '/api/tasks/' + taskId + '/delegate', { userId: who.value, note: note.value });
      return '已委派给 ' + nameOf(operation.targets, who.value) + '，对方办理后会交回给您。';
    }];
  },
  return(taskId, operation) {
    const opinion = textArea('opinion', '必填：退回的理由，将显示给上一环节的办理人');
    const step = operation.returnTo ? operation.returnTo.name : '上一环节';
    return ['退回', [el('p', {}, '退回到「' + step + '」。'), el('label', {}, '退回意见', opinion)], '确认退回', async () => {
      await api('POST', '/api/tasks/' + taskId + '/return', { opinion: opinion.value });
      return '已退回到「' + step + '」。';
    }];
  },
  cc(taskId, operation, extras) {
    const people = extras.ccTargets || [];
    const filter = el('input', { type: 'search', class: 'form-control', placeholder: '按姓名或单位筛选' });
    const list = el('div', { class: 'rf-people' }, people.map((p) => el('label', { 'data-search': p.name + ' ' + p.unit + ' ' + p.id },
      el('input', { type: 'checkbox', name: 'userIds', value: p.id }), ' ' + p.name + (p.unit ? '（' + p.unit + '）' : ''))));
    filter.addEventListener('input', () => {
      list.querySelectorAll('label').forEach((label) => {
        label.style.display = label.getAttribute('data-search').includes(filter.value.trim()) ? '' : 'none';
      });
    });
    const note = el('textarea', { name: 'note', rows: 2, class: 'form-control', placeholder: '选填', maxlength: 1000 });
    return ['抄送', [el('label', {}, '抄送给', filter), list, el('label', {}, '抄送说明', note)], '确认抄送', async () => {
      const userIds = Array.from(list.querySelectorAll('input:checked')).map((input) => input.value);
      const answer = await api('POST', '/api/tasks/' + taskId + '/cc', { userIds, note: note.value });
      return '已抄送 ' + answer.copies + ' 人：' + userIds.map((id) => nameOf(people, id)).join('、') + '。';
    }];
  },
  urge(taskId) {
    const text = el('textarea', { name: 'message', rows: 2, class: 'form-control', placeholder: '选填：催办内容', maxlength: 1000 });
    return ['催办', [el('label', {}, '催办内容', text), el('p', { class: 'help-block' }, '每个任务每个工作日只能催办一次。')], '确认催办', async () => {
      const answer = await api('POST', '/api/tasks/' + taskId + '/urge', { message: text.value });
      return '已催办（计入 ' + answer.workingDay + '）。';
    }];
  },
  resolve(taskId, owner) {
    const note = el('textarea', { name: 'note', rows: 2, class: 'form-control', placeholder: '选填：办理情况', maxlength: 1000 });
    const who = owner.name + (owner.unit ? '（' + owner.unit + '）' : '');
    return ['交回', [el('p', {}, '本任务由 ' + who + ' 委派给您。办理完毕后交回，由对方继续办理。'), el('label', {}, '办理情况', note)],
      '确认交回', async () => {
        await api('POST', '/api/tasks/' + taskId + '/resolve', { note: note.value });
        return '已交回给 ' + who + '。';
      }];
  },
  withdraw(task) {
    return ['撤回', [el('p', {}, '撤回「' + task.name + '」' + (task.businessKey ? '（' + task.businessKey + '）' : '')
      + '？撤回后该任务回到您的任务列表，可以修改后重新提交；下一环节的任务随之取消。')], '确认撤回', async () => {
      const answer = await api('POST', '/api/tasks/' + encodeURIComponent(task.id) + '/withdraw');
      task.reopened = answer && answer.id;
      return '已撤回，「' + task.name + '」已回到您的任务列表。';
    }];
  },
  extension(taskId, offer) {
    const days = el('input', { type: 'number', name: 'workingDays', min: 1, max: offer.maxWorkingDays, class: 'form-control' });
    const reason = textArea('reason', '必填：为什么需要延期');
    return ['申请延期', [el('label', {}, '延长的工作日数（1 至 ' + offer.maxWorkingDays + '）', days), el('label', {}, '延期理由', reason),
      el('p', { class: 'help-block' }, '只能申请一次，由审批人决定。')], '提交申请', async () => {
      const answer = await api('POST', offer.url, { reason: reason.value, workingDays: days.value ? Number(days.value) : null });
      return (answer && answer.message) || '延期申请已提交。';
    }];
  }
};

// ---------------------------------------------------------------- task header

/** The task's content, below the header of operations. */
function taskContent() {
  return document.querySelector('.task-details > .three-cols-layout-cell.content');
}

/**
 * The header above the task holds Tasklist's own actions (添加意见) and ours; when they
 * need more than one line, the task's content moves down instead of being covered.
 */
function keepContentBelowHeader() {
  const header = document.querySelector('.task-details > .three-cols-layout-cell.top');
  const content = taskContent();
  if (!header || !content || header.hasAttribute('data-rf-fitted') || typeof ResizeObserver === 'undefined') {
    return;
  }
  header.setAttribute('data-rf-fitted', 'true');
  const fit = () => {
    content.style.top = window.getComputedStyle(content).position === 'absolute' ? header.offsetHeight + 'px' : '';
  };
  new ResizeObserver(fit).observe(header);
  fit();
}

async function renderTaskHeader(container, taskId, scope) {
  container.innerHTML = '';
  document.querySelectorAll('.rf-return').forEach((box) => box.remove());
  keepContentBelowHeader();
  if (!taskId) {
    return;
  }
  const box = el('div', { class: 'rf-workbench', 'data-task': taskId });
  container.appendChild(box);
  let summary;
  let available;
  try {
    [summary, available] = await Promise.all([
      api('GET', '/api/tasks/' + encodeURIComponent(taskId) + '/summary'),
      api('GET', '/api/tasks/' + encodeURIComponent(taskId) + '/operations')
    ]);
  } catch (error) {
    return;
  }
  if (taskIdFromUrl() !== taskId || !box.isConnected) {
    return;
  }
  if (summary.deadline) {
    const d = summary.deadline;
    const cls = 'rf-deadline' + (d.overdue ? ' rf-overdue' : d.workingDaysLeft <= 2 ? ' rf-soon' : '');
    box.appendChild(el('span', { class: cls, title: '办理期限：' + chineseDate(d.due) }, d.text + '（期限 ' + chineseDate(d.due) + '）'));
  }
  const ops = el('span', { class: 'rf-ops' });
  box.appendChild(ops);
  const after = (operationId) => {
    if (operationId === 'return' || operationId === 'resolve') {
      // the task is gone: back to the list, as after 完成
      leaveTask();
    }
    refreshTasklist(scope);
    renderTaskHeader(container, taskIdFromUrl(), scope);
  };
  let ccTargets = null;
  (available.operations || []).forEach((operation) => {
    const make = OPERATION_DIALOGS[operation.id];
    if (!make) {
      return;
    }
    ops.appendChild(el('button', {
      type: 'button', class: 'btn btn-default btn-xs rf-op rf-op-' + operation.id,
      onclick: async () => {
        const extras = {};
        if (operation.id === 'cc') {
          ccTargets = ccTargets || await api('GET', '/api/tasks/' + encodeURIComponent(taskId) + '/cc-targets');
          extras.ccTargets = ccTargets;
        }
        const [title, fields, confirm, submit] = make(taskId, operation, extras);
        dialog(title, fields, confirm, submit, () => after(operation.id));
      }
    }, operation.label));
  });
  if (summary.extension) {
    ops.appendChild(el('button', {
      type: 'button', class: 'btn btn-default btn-xs rf-op rf-op-extension',
      onclick: () => {
        const [title, fields, confirm, submit] = OPERATION_DIALOGS.extension(taskId, summary.extension);
        dialog(title, fields, confirm, submit, () => after('extension'));
      }
    }, '申请延期'));
  }
  if (summary.delegatedBy) {
    ops.appendChild(el('button', {
      type: 'button', class: 'btn btn-primary btn-xs rf-op rf-op-resolve', title: '办理完毕，交回给委派人',
      onclick: () => {
        const [title, fields, confirm, submit] = OPERATION_DIALOGS.resolve(taskId, summary.delegatedBy);
        dialog(title, fields, confirm, submit, () => after('resolve'));
      }
    }, '交回'));
  }
  const content = taskContent();
  if (summary.latestReturn && content) {
    // at the top of the task, above its name and form
    const r = summary.latestReturn;
    content.insertBefore(el('div', { class: 'rf-return', role: 'note', 'data-task': taskId },
      el('strong', {}, '退回意见'), '（' + [r.userName, r.unit, chineseDate(r.at), r.taskName && '「' + r.taskName + '」'].filter(Boolean).join('，') + '）：',
      el('span', { class: 'rf-return-text' }, r.text || '')), content.firstChild);
  }
}

const taskActionPlugin = {
  id: 'rf-task-workbench',
  pluginPoint: 'tasklist.task.action',
  priority: 500,
  render(container, context, scope) {
    let shown = null;
    const update = () => {
      const taskId = taskIdFromUrl();
      if (taskId !== shown) {
        shown = taskId;
        renderTaskHeader(container, taskId, scope);
      }
    };
    update();
    window.addEventListener('hashchange', update);
    if (scope && scope.$on) {
      scope.$on('$locationChangeSuccess', () => setTimeout(update));
      scope.$on('$destroy', () => window.removeEventListener('hashchange', update));
    }
  }
};

// ---------------------------------------------------------------- 附件

async function renderAttachments(container, taskId) {
  container.innerHTML = '';
  const tab = el('div', { class: 'rf-tab rf-attachments' });
  container.appendChild(tab);
  const summary = await api('GET', '/api/tasks/' + encodeURIComponent(taskId) + '/summary');
  if (!summary.item) {
    tab.appendChild(el('p', { class: 'rf-empty' }, '本任务没有可附加材料的事项。'));
    return;
  }
  const item = summary.item;
  const query = '?itemType=' + encodeURIComponent(item.type) + '&itemId=' + encodeURIComponent(item.id);
  const rules = await api('GET', '/api/attachments/rules' + query);
  if (!rules.canView) {
    tab.appendChild(el('p', { class: 'rf-empty' }, '您无权查看该事项的附件。'));
    return;
  }
  const message = el('p', { class: 'rf-message', role: 'status' });
  const list = el('div', { class: 'rf-list' });
  const preview = el('div', { class: 'rf-preview', hidden: true });

  const show = async (attachment) => {
    preview.hidden = false;
    preview.innerHTML = '';
    const inline = attachment.contentUrl + '?inline=true';
    preview.appendChild(el('p', {}, el('strong', {}, '预览：'), attachment.fileName, ' ',
      el('a', { href: '#', class: 'rf-close-preview', onclick: (e) => { e.preventDefault(); preview.hidden = true; preview.innerHTML = ''; } }, '关闭预览')));
    if (attachment.contentType === 'application/pdf') {
      // Tasklist's pages are sandboxed (its Content-Security-Policy) and cannot run the
      // browser's PDF viewer: the server renders the pages as images
      const { pages } = await api('GET', '/api/attachments/' + attachment.id + '/pages');
      for (let page = 1; page <= pages; page++) {
        preview.appendChild(el('img', { src: '/api/attachments/' + attachment.id + '/pages/' + page, alt: attachment.fileName + ' 第' + page + '页', class: 'rf-preview-image rf-preview-page', loading: 'lazy' }));
      }
      return;
    }
    preview.appendChild(el('img', { src: inline, alt: attachment.fileName, class: 'rf-preview-image' }));
  };

  const load = async () => {
    const attachments = await api('GET', '/api/attachments' + query);
    list.innerHTML = '';
    if (!attachments.length) {
      list.appendChild(el('p', { class: 'rf-empty' }, '尚无附件。'));
      return;
    }
    list.appendChild(el('table', { class: 'table' },
      el('thead', {}, el('tr', {}, el('th', {}, '文件'), el('th', {}, '大小'), el('th', {}, '上传人'), el('th', {}, '上传时间'), el('th', {}, ''))),
      el('tbody', {}, attachments.map((a) => el('tr', { class: 'rf-attachment', 'data-id': a.id },
        el('td', { class: 'rf-file-name' }, a.fileName),
        el('td', {}, size(a.size)),
        el('td', { class: 'rf-uploader' }, a.uploadedByName),
        el('td', {}, chineseDate(a.uploadedAt)),
        el('td', {},
          a.contentType.startsWith('image/') || a.contentType === 'application/pdf'
            ? el('a', { href: '#', class: 'rf-preview-link', onclick: (e) => { e.preventDefault(); show(a).catch((error) => { message.className = 'rf-message rf-bad'; message.textContent = error.message; }); } }, '预览') : null,
          ' ',
          el('a', { href: a.contentUrl, class: 'rf-download', download: a.fileName }, '下载')))))));
  };

  if (rules.canAttach) {
    const accept = rules.allowedTypes.map((t) => '.' + t).join(',');
    const picker = el('input', { type: 'file', multiple: true, accept, class: 'rf-picker' });
    const drop = el('div', { class: 'rf-drop' },
      el('p', {}, '把文件拖到这里，或 ', picker),
      el('p', { class: 'help-block' }, '单个文件不超过 ' + rules.maxSize + '；允许的类型：' + rules.allowedTypes.join('、') + '。'));
    const upload = async (files) => {
      for (const file of Array.from(files)) {
        const ext = file.name.includes('.') ? file.name.split('.').pop().toLowerCase() : '';
        if (!rules.allowedTypes.includes(ext)) {
          message.className = 'rf-message rf-bad';
          message.textContent = '「' + file.name + '」的类型不允许上传；允许的类型：' + rules.allowedTypes.join('、') + '。';
          continue;
        }
        if (file.size > rules.maxBytes) {
          message.className = 'rf-message rf-bad';
          message.textContent = '「' + file.name + '」超过大小上限 ' + rules.maxSize + '。';
          continue;
        }
        const form = new FormData();
        form.append('file', file);
        form.append('itemType', item.type);
        form.append('itemId', item.id);
        message.className = 'rf-message';
        message.textContent = '正在上传「' + file.name + '」…';
        try {
          await api('POST', '/api/attachments', form);
          message.className = 'rf-message rf-ok';
          message.textContent = '已上传：' + file.name;
        } catch (error) {
          message.className = 'rf-message rf-bad';
          message.textContent = '「' + file.name + '」未上传：' + error.message;
        }
      }
      picker.value = '';
      await load();
    };
    picker.addEventListener('change', () => upload(picker.files));
    drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('rf-over'); });
    drop.addEventListener('dragleave', () => drop.classList.remove('rf-over'));
    drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('rf-over'); upload(e.dataTransfer.files); });
    tab.appendChild(drop);
  }
  tab.appendChild(message);
  tab.appendChild(list);
  tab.appendChild(preview);
  await load();
}

const attachmentsTab = {
  id: 'rf-attachments',
  pluginPoint: 'tasklist.task.detail',
  priority: 350,
  properties: { label: '附件' },
  render(container, context) {
    renderAttachments(container, context.taskId).catch((error) => {
      container.textContent = error.message;
    });
  }
};

// ---------------------------------------------------------------- 审批意见

async function renderOpinions(container, taskId) {
  container.innerHTML = '';
  const tab = el('div', { class: 'rf-tab rf-opinions' });
  container.appendChild(tab);
  const opinions = await api('GET', '/api/tasks/' + encodeURIComponent(taskId) + '/opinions');
  if (!opinions.length) {
    tab.appendChild(el('p', { class: 'rf-empty' }, '该事项尚无审批意见。'));
    return;
  }
  tab.appendChild(el('table', { class: 'table' },
    el('thead', {}, el('tr', {}, ['环节', '办理人', '单位', '时间', '结论', '意见'].map((h) => el('th', {}, h)))),
    el('tbody', {}, opinions.map((o) => el('tr', { class: 'rf-opinion' + (o.returned ? ' warning' : '') },
      el('td', {}, o.taskName || ''), el('td', {}, o.userName || ''), el('td', {}, o.unit || ''),
      el('td', {}, chineseDate(o.at)), el('td', { class: 'rf-decision' }, o.decisionLabel), el('td', { class: 'rf-opinion-text' }, o.text || ''))))));
}

const opinionsTab = {
  id: 'rf-opinions',
  pluginPoint: 'tasklist.task.detail',
  priority: 340,
  properties: { label: '审批意见' },
  render(container, context) {
    renderOpinions(container, context.taskId).catch((error) => {
      container.appendChild(el('p', { class: 'rf-message rf-bad' }, error.message));
    });
  }
};

// ---------------------------------------------------------------- 站内信

const bellPlugin = {
  id: 'rf-notifications',
  pluginPoint: 'tasklist.navbar.action',
  priority: 400,
  render(container) {
    const count = el('span', { class: 'rf-count rf-zero' }, '0');
    const bell = el('a', { href: '#', class: 'rf-bell-toggle', title: '站内信', role: 'button' },
      el('span', { class: 'glyphicon glyphicon-bell' }), ' 站内信 ', count);
    const inbox = el('div', { class: 'rf-inbox', hidden: true });
    const wrapper = el('span', { class: 'rf-bell' }, bell, inbox);
    container.appendChild(wrapper);

    const setCount = (n) => {
      count.textContent = String(n);
      count.className = 'rf-count' + (n ? '' : ' rf-zero');
      bell.setAttribute('title', n ? '站内信：' + n + ' 条未读' : '站内信');
    };
    const poll = async () => {
      try {
        setCount((await api('GET', '/api/notifications/unread-count')).count);
      } catch (error) {
        // the next poll tries again
      }
    };
    const list = async () => {
      const page = await api('GET', '/api/notifications?size=30');
      inbox.innerHTML = '';
      const readAll = el('button', { type: 'button', class: 'btn btn-xs btn-default rf-read-all' }, '全部标为已读');
      readAll.addEventListener('click', async () => {
        await api('POST', '/api/notifications/read-all');
        await poll();
        await list();
      });
      inbox.appendChild(el('header', {}, el('strong', {}, '站内信'), readAll));
      if (!page.content || !page.content.length) {
        inbox.appendChild(el('div', { class: 'rf-empty' }, '没有站内信。'));
        return;
      }
      inbox.appendChild(el('ul', {}, page.content.map((n) => {
        const open = async (e) => {
          e.preventDefault();
          if (!n.read) {
            await api('POST', '/api/notifications/' + n.id + '/read');
          }
          await poll();
          if (n.link) {
            inbox.hidden = true;
            window.location.assign(n.link);
          } else {
            await list();
          }
        };
        return el('li', { class: 'rf-notification' + (n.read ? '' : ' rf-unread'), 'data-id': n.id },
          el('a', { href: n.link || '#', class: 'rf-open', onclick: open }, n.text),
          el('span', { class: 'rf-when' }, chineseDate(n.createdAt) + (n.read ? '' : ' · 未读')));
      })));
    };
    bell.addEventListener('click', async (e) => {
      e.preventDefault();
      inbox.hidden = !inbox.hidden;
      if (!inbox.hidden) {
        await list();
        await poll();
      }
    });
    document.addEventListener('click', (e) => {
      if (!wrapper.contains(e.target)) {
        inbox.hidden = true;
      }
    });
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden) {
        poll();
      }
    });
    poll();
    setInterval(poll, BELL_POLL_MS);
  }
};

// ---------------------------------------------------------------- 我办过的 and 撤回

const donePlugin = {
  id: 'rf-completed',
  pluginPoint: 'tasklist.navbar.action',
  priority: 390,
  render(container, context, scope) {
    const toggle = el('a', { href: '#', class: 'rf-done-toggle', title: '我最近办理完成的任务；可撤回的可以撤回', role: 'button' },
      el('span', { class: 'glyphicon glyphicon-time' }), ' 我办过的');
    const panel = el('div', { class: 'rf-inbox rf-done-list', hidden: true });
    const wrapper = el('span', { class: 'rf-bell rf-done' }, toggle, panel);
    container.appendChild(wrapper);
    const list = async () => {
      panel.innerHTML = '';
      panel.appendChild(el('header', {}, el('strong', {}, '我办过的'), el('span', { class: 'rf-when' }, '最近 15 项')));
      let tasks;
      try {
        tasks = await api('GET', '/api/tasks/completed');
      } catch (error) {
        panel.appendChild(el('div', { class: 'rf-empty rf-message rf-bad' }, error.message));
        return;
      }
      if (!tasks.length) {
        panel.appendChild(el('div', { class: 'rf-empty' }, '还没有办理完成的任务。'));
        return;
      }
      panel.appendChild(el('ul', {}, tasks.map((task) => el('li', { class: 'rf-completed-task', 'data-id': task.id },
        el('span', { class: 'rf-task-name' }, task.name),
        task.withdrawable ? el('button', {
          type: 'button', class: 'btn btn-xs btn-warning rf-withdraw', style: 'float: right',
          onclick: (e) => {
            e.preventDefault();
            e.stopPropagation();
            panel.hidden = true;
            const [title, fields, confirm, submit] = OPERATION_DIALOGS.withdraw(task);
            dialog(title, fields, confirm, submit, () => {
              if (task.reopened) {
                window.location.hash = '#/?task=' + encodeURIComponent(task.reopened);
              }
              refreshTasklist(scope);
            });
          }
        }, '撤回') : null,
        el('span', { class: 'rf-when' }, [task.processName, task.businessKey].filter(Boolean).join(' · ')
          + '　' + chineseDate(task.completedAt) + ' 办结' + (task.withdrawable ? '' : ' · 不能撤回'))))));
    };
    toggle.addEventListener('click', async (e) => {
      e.preventDefault();
      panel.hidden = !panel.hidden;
      if (!panel.hidden) {
        await list();
      }
    });
    document.addEventListener('click', (e) => {
      if (!wrapper.contains(e.target)) {
        panel.hidden = true;
      }
    });
  }
};

// ---------------------------------------------------------------- controls that cannot be used

async function hideUnusableControls() {
  let controls;
  try {
    controls = await api('GET', '/api/tasklist/controls');
  } catch (error) {
    return;
  }
  let css = '';
  if (!controls.createTask) {
    css += '.create-task-action { display: none !important; }\n';
  }
  if (!controls.editTaskAttributes) {
    // the groups stay readable; what would change them or the dates is gone
    css += '.task-card .followup-date, .task-card .reset-follow-up-date, .task-card .reset-due-date { display: none !important; }\n'
      + '.task-card li.groups > span, .task-card .due-date { pointer-events: none; cursor: default; }\n'
      + '.task-card li.groups a[translate="ADD_GROUPS"] { display: none !important; }\n'
      + '.task-card .due-date a[translate="SET_DUE_DATE"] { display: none !important; }\n';
  }
  addStyle('rf-controls-style', css);
}

hideUnusableControls();

export default [bellPlugin, donePlugin, taskActionPlugin, attachmentsTab, opinionsTab];
