/* Supervision dashboard: draws /api/supervision/summary with ECharts. Every text is set
 * with textContent (never innerHTML) and ECharts renders tooltips as canvas rich text, so
 * nothing from the data is ever parsed as HTML. */
(function () {
  'use strict';

  var root = document.getElementById('dashboard');
  if (!root) {
    return;
  }
  var charts = [];
  var KIND_COLORS = ['#5470c6', '#91cc75', '#fac858', '#73c0de', '#9a60b4'];

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) {
      e.textContent = String(text);
    }
    if (cls) {
      e.className = cls;
    }
    return e;
  }

  // Lists behind a figure are read from /api and drawn here; an item opens its page.
  function safeLink(href) {
    return (typeof href === 'string' && (href.indexOf('/api/') === 0 || href.indexOf('/items/') === 0)) ? href : null;
  }

  function itemPage(columns, item) {
    if (item.id === undefined || item.id === null) {
      return null;
    }
    return (columns === LEDGER_COLUMNS ? '/items/ledger/' : '/items/clues/') + encodeURIComponent(item.id);
  }

  // A link opens a page, never JSON: a list read from /api is shown in the list panel, and
  // its address is the list's page (a campaign's ledger) or the panel itself.
  function pageOf(source) {
    var ledger = /^\/api\/campaigns\/(\d+)\/ledger(?:\?(?:.*&)?unit=([^&]+))?/.exec(source);
    if (ledger) {
      return '/items/campaigns/' + ledger[1] + '/ledger' + (ledger[2] ? '?unit=' + ledger[2] : '');
    }
    return '#list-panel';
  }

  function link(text, href, onClick) {
    var target = safeLink(href);
    if (!target || (target.indexOf('/api/') === 0 && !onClick)) {
      return el('span', text);
    }
    var a = el('a', text);
    if (target.indexOf('/api/') === 0) {
      a.href = pageOf(target);
      a.setAttribute('data-source', target);
    } else {
      a.href = target;
    }
    a.addEventListener('click', function (event) {
      if (onClick) {
        event.preventDefault();
        onClick();
      }
    });
    return a;
  }

  function date(value) {
    if (!value) {
      return '';
    }
    var d = new Date(value);
    return isNaN(d) ? String(value) : d.toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' });
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  function row(tbody, cells) {
    var tr = document.createElement('tr');
    cells.forEach(function (c) {
      var td = document.createElement('td');
      if (c instanceof Node) {
        td.appendChild(c);
      } else {
        td.textContent = (c === null || c === undefined) ? '' : String(c);
        if (typeof c === 'number') {
          td.className = 'num';
        }
      }
      tr.appendChild(td);
    });
    tbody.appendChild(tr);
    return tr;
  }

  function chart(id, option, onClick) {
    var node = document.getElementById(id);
    var existing = echarts.getInstanceByDom(node);
    if (existing) {
      existing.dispose();
    }
    var c = echarts.init(node, null, { renderer: 'canvas' });
    option.tooltip = Object.assign({ renderMode: 'richText', trigger: 'axis' }, option.tooltip || {});
    option.animation = false;
    c.setOption(option);
    if (onClick) {
      c.on('click', onClick);
    }
    charts.push(c);
    node.setAttribute('data-rendered', 'true');
    return c;
  }

  // ------------------------------------------------------------------ list behind a figure

  var LEDGER_COLUMNS = [['code', '编号'], ['unitCode', '单位'], ['categoryName', '问题类别'], ['description', '问题描述'],
    ['statusName', '状态'], ['deadline', '完成时限'], ['overdue', '是否超期']];
  var CLUE_COLUMNS = [['number', '线索编号'], ['channel', '举报渠道'], ['subjectUnitName', '被反映单位'],
    ['statusText', '办理状态'], ['route', '办理通道'], ['deadlineAt', '办理期限'], ['overdue', '是否超期']];
  var HELD_COLUMNS = [['kindLabel', '类别'], ['ref', '编号'], ['title', '事项'], ['placeName', '办理单位/组'],
    ['holder', '办理人'], ['taskName', '当前环节'], ['deadline', '期限'], ['workingDaysOverdue', '超期工作日']];

  function holderText(item) {
    if (item.holder) {
      return item.holderName || item.holder;
    }
    return item.unclaimed ? '未认领（' + (item.placeName || item.candidateGroup) + '）' : '—';
  }

  function showList(title, href) {
    var target = safeLink(href);
    if (!target || target.indexOf('/api/') !== 0) {
      return;
    }
    var panel = document.getElementById('list-panel');
    panel.hidden = false;
    document.getElementById('list-title').textContent = title;
    var source = document.getElementById('list-source');
    source.textContent = target;
    var table = document.getElementById('list-table');
    var head = table.querySelector('thead');
    var body = table.querySelector('tbody');
    clear(head);
    clear(body);
    fetch(target, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) {
        if (!r.ok) {
          throw new Error('HTTP ' + r.status);
        }
        return r.json();
      })
      .then(function (page) {
        var items = page.content || page.items || [];
        var held = target.indexOf('/api/supervision/items') === 0;
        var columns = held ? HELD_COLUMNS : (page.content !== undefined) ? LEDGER_COLUMNS : CLUE_COLUMNS;
        var tr = document.createElement('tr');
        columns.forEach(function (c) {
          tr.appendChild(el('th', c[1]));
        });
        head.appendChild(tr);
        items.forEach(function (item) {
          row(body, columns.map(function (c) {
            var v = item[c[0]];
            if (c[0] === 'overdue') {
              return v ? '是' : '否';
            }
            if (c[0] === 'deadline' || c[0] === 'deadlineAt') {
              return date(v);
            }
            if (held && c[0] === 'holder') {
              return holderText(item);
            }
            if (held && c[0] === 'ref') {
              return link(v, item.link);
            }
            if (!held && (c[0] === 'code' || c[0] === 'number')) {
              return link(v, itemPage(columns, item));
            }
            if (held && c[0] === 'title' && !v) {
              return '（内容不予显示）';
            }
            return v;
          }));
        });
        if (items.length === 0) {
          row(body, ['（无）']);
        }
        panel.setAttribute('data-count', String(items.length));
        panel.scrollIntoView({ block: 'nearest' });
      })
      .catch(function (e) {
        row(body, ['清单加载失败：' + e.message]);
      });
  }

  // ------------------------------------------------------------------ rendering

  function render(s) {
    charts.forEach(function (c) {
      c.dispose();
    });
    charts = [];
    document.getElementById('generated').textContent = '统计时间：' + new Date(s.generatedAt).toLocaleString('zh-CN',
      { timeZone: 'Asia/Shanghai' });

    var select = document.getElementById('campaign-select');
    clear(select);
    s.campaigns.forEach(function (c) {
      var o = el('option', c.code + ' ' + c.title);
      o.value = String(c.id);
      if (s.campaign && s.campaign.id === c.id) {
        o.selected = true;
      }
      select.appendChild(o);
    });

    var downloads = document.getElementById('downloads');
    clear(downloads);
    if (s.campaign) {
      [['下载整改台账（Excel）', '/api/campaigns/' + s.campaign.id + '/ledger.xlsx'],
        ['下载工作情况报告（Word）', '/api/campaigns/' + s.campaign.id + '/report.docx']].forEach(function (d) {
        var a = el('a', d[0]);
        a.href = d[1];
        downloads.appendChild(a);
        downloads.appendChild(document.createTextNode('　'));
      });
    }
    var clueXlsx = el('a', '下载问题线索（Excel）');
    clueXlsx.href = '/api/clues.xlsx';
    downloads.appendChild(clueXlsx);

    // Open and overdue items per unit, per kind.
    var units = s.units.map(function (u) {
      return u.unitName;
    });
    var series = [];
    s.sources.forEach(function (src, i) {
      series.push({ name: src.label + '（在办）', type: 'bar', stack: src.kind, itemStyle: { color: KIND_COLORS[i % KIND_COLORS.length] },
        data: s.units.map(function (u) {
          var f = u.items[src.kind];
          return f ? f.open - f.overdue : 0;
        }), kind: src.kind, overdueOnly: false });
      series.push({ name: src.label + '（超期）', type: 'bar', stack: src.kind, itemStyle: { color: '#c23531' },
        data: s.units.map(function (u) {
          var f = u.items[src.kind];
          return f ? f.overdue : 0;
        }), kind: src.kind, overdueOnly: true });
    });
    chart('chart-units', {
      legend: { type: 'scroll' }, grid: { left: 40, right: 10, bottom: 40, top: 40 },
      xAxis: { type: 'category', data: units, axisLabel: { interval: 0 } }, yAxis: { type: 'value', minInterval: 1 }, series: series
    }, function (p) {
      var serie = series[p.seriesIndex];
      var unit = s.units[p.dataIndex];
      var f = unit.items[serie.kind];
      if (f) {
        showList(unit.unitName + ' - ' + serie.name, serie.overdueOnly ? f.overdueLink : f.openLink);
      }
    });

    // Closure rates exist for units with ledger entries only, not for groups.
    var ledgerUnits = s.units.filter(function (u) {
      return u.ledgerTotal > 0;
    });
    chart('chart-closure', {
      grid: { left: 50, right: 10, bottom: 40, top: 20 },
      xAxis: { type: 'category', data: ledgerUnits.map(function (u) {
        return u.unitName;
      }), axisLabel: { interval: 0 } },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [{ name: '销号率', type: 'bar', itemStyle: { color: '#2a7' }, label: { show: true, position: 'top', formatter: '{c}%' },
        data: ledgerUnits.map(function (u) {
          return Math.round(u.closureRate * 1000) / 10;
        }) }]
    }, function (p) {
      var unit = ledgerUnits[p.dataIndex];
      showList(unit.unitName + ' - 整改台账', unit.ledgerLink);
    });

    var channels = s.clues.byChannel.filter(function (c) {
      return c.count > 0;
    });
    chart('chart-channels', {
      tooltip: { trigger: 'item' }, legend: { type: 'scroll', bottom: 0 },
      series: [{ name: '举报渠道', type: 'pie', radius: ['35%', '65%'], label: { formatter: '{b}: {c}' },
        data: channels.map(function (c) {
          return { name: c.label, value: c.count };
        }) }]
    }, function (p) {
      var c = channels[p.dataIndex];
      showList('问题线索 - ' + c.label, c.link);
    });

    chart('chart-routes', {
      legend: {}, grid: { left: 40, right: 10, bottom: 30, top: 40 },
      xAxis: { type: 'category', data: s.clues.byRoute.map(function (r) {
        return r.label;
      }) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ name: '在办', type: 'bar', stack: 'r', data: s.clues.byRoute.map(function (r) {
        return r.open;
      }) }, { name: '已办结', type: 'bar', stack: 'r', data: s.clues.byRoute.map(function (r) {
        return r.closed;
      }) }]
    }, function (p) {
      var r = s.clues.byRoute[p.dataIndex];
      showList('问题线索 - ' + r.label, r.link);
    });
    var routeBody = document.querySelector('#route-table tbody');
    clear(routeBody);
    s.clues.byRoute.forEach(function (r) {
      row(routeBody, [link(r.label, r.link, function () {
        showList('问题线索 - ' + r.label, r.link);
      }), r.total, r.open, r.closed, (r.medianWorkingDaysToClose === null) ? '—' : r.medianWorkingDaysToClose]);
    });

    chart('chart-trend', {
      legend: {}, grid: { left: 40, right: 10, bottom: 30, top: 40 },
      xAxis: { type: 'category', data: s.trend.map(function (w) {
        return w.weekStart.substring(5);
      }) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [['cluesReceived', '线索受理'], ['cluesClosed', '线索办结'], ['ledgerOpened', '台账新增'], ['ledgerClosed', '台账销号']]
        .map(function (k) {
          return { name: k[1], type: 'line', data: s.trend.map(function (w) {
            return w[k[0]];
          }) };
        })
    });

    var campaignBody = document.querySelector('#campaign-table tbody');
    clear(campaignBody);
    s.campaigns.forEach(function (c) {
      var phases = el('span');
      c.phases.forEach(function (p, i) {
        if (i > 0) {
          phases.appendChild(document.createTextNode(' → '));
        }
        phases.appendChild(el('span', p.name + (p.deadline ? '（' + p.deadline + '）' : ''), 'state-' + p.state));
      });
      row(campaignBody, [link(c.code + ' ' + c.title, c.link), phases, link(String(c.ledgerTotal), c.ledgerLink,
        function () {
          showList(c.code + ' 整改台账', c.ledgerLink);
        }), c.ledgerClosed, c.ledgerOverdue, c.regulationsPublished]);
    });

    var overdueBody = document.querySelector('#overdue-table tbody');
    clear(overdueBody);
    s.overdueItems.forEach(function (item) {
      row(overdueBody, [item.kindLabel, link(item.ref, item.link), item.title || '（内容不予显示）',
        item.unitName || '—', item.placeName, holderText(item), item.taskName || '', date(item.deadline),
        item.workingDaysOverdue]).className = 'late';
    });

    var holderBody = document.querySelector('#holder-table tbody');
    clear(holderBody);
    s.holders.forEach(function (h) {
      var who = h.unclaimed ? '未认领（' + (h.placeName || h.candidateGroup) + '）' : (h.holderName || h.holder);
      var title = h.placeName + ' - ' + who;
      var tr = row(holderBody, [h.placeName, who, link(String(h.open), h.link, function () {
        showList(title + ' 在办事项', h.link);
      }), link(String(h.overdue), h.overdueLink, function () {
        showList(title + ' 超期事项', h.overdueLink);
      }), h.maxWorkingDaysOverdue]);
      if (h.overdue > 0) {
        tr.className = 'late';
      }
    });
    if (s.holders.length === 0) {
      row(holderBody, ['暂无在办事项']);
    }
    if (s.overdueItems.length === 0) {
      row(overdueBody, ['暂无超期事项']);
    }

    var longestBody = document.querySelector('#longest-table tbody');
    clear(longestBody);
    document.getElementById('longest-content-head').hidden = !s.contentVisible;
    s.clues.longestOpen.forEach(function (c) {
      var cells = [link(c.number, c.link), c.unitName, c.statusText, date(c.receivedAt), c.workingDaysOpen,
        c.overdue ? '是' : '否'];
      if (s.contentVisible) {
        cells.push((c.subjectPerson ? c.subjectPerson + '：' : '') + (c.description || ''));
      }
      row(longestBody, cells);
    });
    root.setAttribute('data-ready', 'true');
  }

  function loadBurden(campaignId) {
    var url = '/api/supervision/burden' + (campaignId ? '?campaignId=' + encodeURIComponent(campaignId) : '');
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) {
        return r.ok ? r.json() : { rows: [], totals: [] };
      })
      .then(function (m) {
        var totals = document.querySelector('#burden-total-table tbody');
        var rows = document.querySelector('#burden-table tbody');
        clear(totals);
        clear(rows);
        m.totals.forEach(function (t) {
          row(totals, [t.unitName, t.tasks, t.forms, t.fields]);
        });
        m.rows.forEach(function (b) {
          var month = b.month.split('-');
          row(rows, [month[0] + '年' + Number(month[1]) + '月', b.unitName, b.taskName, b.tasks, b.forms, b.fields]);
        });
      });
  }

  function load(campaignId) {
    loadBurden(campaignId);
    var url = root.getAttribute('data-summary') + (campaignId ? '?campaignId=' + encodeURIComponent(campaignId) : '');
    root.removeAttribute('data-ready');
    fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) {
        if (!r.ok) {
          return r.json().catch(function () {
            return {};
          }).then(function (p) {
            throw new Error(p.detail || ('HTTP ' + r.status));
          });
        }
        return r.json();
      })
      .then(render)
      .catch(function (e) {
        var box = document.getElementById('load-error');
        box.hidden = false;
        box.textContent = '统计数据加载失败：' + e.message;
      });
  }

  document.getElementById('campaign-select').addEventListener('change', function (e) {
    load(e.target.value);
  });
  window.addEventListener('resize', function () {
    charts.forEach(function (c) {
      c.resize();
    });
  });
  load(null);
}());
