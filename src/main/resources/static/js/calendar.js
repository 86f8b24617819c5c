// The holiday calendar page: a year as twelve month grids; a click cycles a day through
// normal, day off (休) and, for weekend days only, make-up working day (班).
(function () {
  'use strict';
  var root = document.getElementById('calendar');
  if (!root) {
    return;
  }
  var WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];
  var PROCESSES = { rectification: '问题整改', clue: '问题线索', inspection: '明察暗访', recommendation: '纪检建议', 'deadline-template': '限期办理' };
  var state = { year: parseInt(root.dataset.year, 10), off: {}, work: {} };

  function iso(date) {
    var m = date.getMonth() + 1;
    var d = date.getDate();
    return date.getFullYear() + '-' + (m < 10 ? '0' : '') + m + '-' + (d < 10 ? '0' : '') + d;
  }

  function chinese(instant) {
    var date = new Date(instant);
    var parts = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).formatToParts(date);
    var get = function (type) { return (parts.find(function (p) { return p.type === type; }) || {}).value; };
    return get('year') + '年' + get('month') + '月' + get('day') + '日 ' + get('hour') + ':' + get('minute');
  }

  function csrf() {
    var match = document.cookie.match(/(?:^|; )XSRF-TOKEN=([^;]*)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  function say(text, ok) {
    var message = document.getElementById('message');
    message.textContent = text;
    message.className = ok ? 'ok' : 'bad';
  }

  function request(method, url, body) {
    return fetch(url, {
      method: method,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-XSRF-TOKEN': csrf() },
      body: body ? JSON.stringify(body) : undefined
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (json) {
        if (!response.ok) {
          throw new Error(json.messageZh || '操作未成功，请稍后再试。');
        }
        return json;
      });
    });
  }

  function render() {
    var months = document.getElementById('months');
    months.textContent = '';
    for (var month = 0; month < 12; month++) {
      var box = document.createElement('div');
      box.className = 'month';
      var title = document.createElement('h3');
      title.textContent = (month + 1) + '月';
      box.appendChild(title);
      var table = document.createElement('table');
      var head = table.insertRow();
      WEEKDAYS.forEach(function (w) { var th = document.createElement('th'); th.textContent = w; head.appendChild(th); });
      var first = new Date(state.year, month, 1);
      var row = table.insertRow();
      for (var pad = (first.getDay() + 6) % 7; pad > 0; pad--) {
        row.insertCell();
      }
      for (var day = first; day.getMonth() === month; day = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1)) {
        if (row.cells.length === 7) {
          row = table.insertRow();
        }
        var cell = row.insertCell();
        var span = document.createElement('span');
        var key = iso(day);
        var weekend = day.getDay() === 0 || day.getDay() === 6;
        span.className = 'day' + (weekend ? ' weekend' : '') + (state.off[key] ? ' off' : '') + (state.work[key] ? ' work' : '');
        span.textContent = state.off[key] ? '休' : (state.work[key] ? '班' : day.getDate());
        span.title = (month + 1) + '月' + day.getDate() + '日' + (state.off[key] ? '（放假）' : state.work[key] ? '（调休上班）' : '');
        span.dataset.date = key;
        span.dataset.weekend = weekend;
        span.addEventListener('click', toggle);
        cell.appendChild(span);
      }
      box.appendChild(table);
      months.appendChild(box);
    }
  }

  function toggle(event) {
    var key = event.currentTarget.dataset.date;
    var weekend = event.currentTarget.dataset.weekend === 'true';
    if (state.off[key]) {
      delete state.off[key];
      if (weekend) {
        state.work[key] = true;
      }
    } else if (state.work[key]) {
      delete state.work[key];
    } else {
      state.off[key] = true;
    }
    document.getElementById('preview-panel').hidden = true;
    render();
  }

  function body(move) {
    return { off: Object.keys(state.off).sort(), work: Object.keys(state.work).sort(), moveDeadlines: move };
  }

  function load(year) {
    state.year = year;
    request('GET', '/api/calendar/years/' + year).then(function (view) {
      state.off = {};
      state.work = {};
      view.days.off.forEach(function (d) { state.off[d] = true; });
      view.days.work.forEach(function (d) { state.work[d] = true; });
      document.getElementById('state').textContent = view.provisional
        ? '尚未录入国务院放假安排：当前为按法定节假日推算的临时安排。'
        : (view.updatedBy ? '由 ' + view.updatedBy + ' 于 ' + chinese(view.updatedAt) + ' 录入。' : '按配置文件的放假安排。');
      document.getElementById('preview-panel').hidden = true;
      say('', true);
      render();
    }).catch(function (error) { say(error.message, false); });
  }

  function preview() {
    request('POST', '/api/calendar/years/' + state.year + '/preview', body(false)).then(function (moves) {
      var tbody = document.querySelector('#moves tbody');
      tbody.textContent = '';
      moves.forEach(function (move) {
        var row = tbody.insertRow();
        [move.businessKey || '—', PROCESSES[move.processDefinitionKey] || move.processDefinitionKey, chinese(move.from), chinese(move.to),
          (move.days > 0 ? '推后' + move.days + '天' : '提前' + (-move.days) + '天')].forEach(function (text) {
          row.insertCell().textContent = text;
        });
      });
      document.getElementById('moves').hidden = moves.length === 0;
      document.getElementById('preview-summary').textContent = moves.length === 0
        ? '没有正在办理的事项受影响。' : '共有' + moves.length + '项正在办理的事项的办理期限会变化。';
      document.getElementById('save-move').hidden = moves.length === 0;
      document.getElementById('save-only').textContent = moves.length === 0 ? '保存' : '仅保存，期限不变';
      document.getElementById('preview-panel').hidden = false;
      say('', true);
    }).catch(function (error) { say(error.message, false); });
  }

  function save(move) {
    request('PUT', '/api/calendar/years/' + state.year, body(move)).then(function (result) {
      say('已保存' + state.year + '年节假日安排' + (result.moved ? '，已调整' + result.moves.length + '项办理期限并通知办理人。' : '。'), true);
      document.getElementById('preview-panel').hidden = true;
      load(state.year);
    }).catch(function (error) { say(error.message, false); });
  }

  var select = document.getElementById('year-select');
  for (var y = state.year - 1; y <= state.year + 2; y++) {
    var option = document.createElement('option');
    option.value = y;
    option.textContent = y + '年';
    option.selected = y === state.year;
    select.appendChild(option);
  }
  select.addEventListener('change', function () { load(parseInt(select.value, 10)); });
  document.getElementById('preview').addEventListener('click', preview);
  document.getElementById('save-move').addEventListener('click', function () { save(true); });
  document.getElementById('save-only').addEventListener('click', function () { save(false); });
  load(state.year);
}());
