/*
 * Chinese texts for Camunda Forms (form-js) rendered inside Tasklist.
 *
 * form-js (bundled in lib/deps.js) has no translation support: its validation
 * messages ("Field is required.", "Field must have minimum length of 3.", ...)
 * and a few UI texts are hard-coded English. This custom script (registered in
 * scripts/config.js `customScripts`) watches the document with a
 * MutationObserver and rewrites those texts inside form-js containers
 * (.fjs-container) while the page language is Chinese (<html lang="zh-...">,
 * set by scripts/locale-default.js). Form content written by form designers
 * (labels, descriptions, option labels) is never touched: only known form-js
 * strings in known form-js elements are replaced.
 *
 * It also localizes the flatpickr date picker used by form-js (month and
 * weekday names, Monday as first day of the week) and has it show and read dates
 * as 2026年12月7日 instead of the browser's format (12/7/2026): form-js derives
 * the input's format from the browser language, the value it submits stays ISO.
 */

// --- validation messages (li elements of .fjs-form-field-error) -------------
const MESSAGES = [
  [/^Field is required\.$/, () => '此项为必填项。'],
  [/^Field must have minimum length of (.+)\.$/, (m) => `长度不能少于 ${m[1]} 个字符。`],
  [/^Field must have maximum length of (.+)\.$/, (m) => `长度不能超过 ${m[1]} 个字符。`],
  [/^Field must have minimum value of (.+)\.$/, (m) => `数值不能小于 ${m[1]}。`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `数值不能大于 ${m[1]}。`],
  [/^Field must match pattern ([\s\S]+)\.$/, (m) => `格式不正确，应符合规则：${m[1]}。`],
  [/^Field must be a valid email\.$/, () => '请输入有效的电子邮箱地址。'],
  [
    /^Field must be a valid\s+international phone number\.(?:\s*\(e\.g\. (.+)\))?$/,
    (m) => `请输入有效的国际电话号码${m[1] ? `（例如 ${m[1]}）` : ''}。`
  ],
  [/^Value is not a number\.$/, () => '请输入数字。'],
  [/^Value is expected to be an integer\.$/, () => '请输入整数。'],
  [
    /^Value is expected to have at most (\d+) decimal digits?\.$/,
    (m) => `最多只能有 ${m[1]} 位小数。`
  ],
  [
    /^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (m) => `请输入有效的数值，最接近的有效值为 ${m[1]} 和 ${m[2]}。`
  ],
  [/^Date and time must both be entered\.$/, () => '日期和时间必须同时填写。']
];

// --- fixed texts, by the element they appear in -----------------------------
const TEXTS = [
  // select without a value
  ['.fjs-select-display.fjs-select-placeholder', { Select: '请选择' }],
  // empty dropdown of select / tag list
  [
    '.fjs-dropdownlist-empty',
    { 'No results': '无匹配结果', 'All values selected': '已全部选择' }
  ],
  // empty table
  ['.fjs-table-middle-container, .fjs-table-td', { 'Nothing to show.': '暂无数据。' }],
  // table pagination "1 of 3"
  ['.fjs-table-nav-label', { of: '/' }],
  // dynamic list buttons
  ['.fjs-repeat-render-add', { 'Add new': '添加' }],
  ['.fjs-repeat-render-collapse', { Collapse: '收起' }],
  // iframe placeholder
  [
    '.fjs-iframe-placeholder-text',
    {
      'No content to show.': '暂无内容。',
      "External content couldn't be loaded.": '无法加载外部内容。'
    }
  ]
];

const TEXT_PATTERNS = [
  ['.fjs-repeat-render-collapse', /^Expand all \((\d+)\)$/, (m) => `全部展开（${m[1]}）`]
];

// --- dates ------------------------------------------------------------------
// how a date picker of a form shows and reads a date: 2026年12月7日 (flatpickr tokens;
// when typed, any separator is accepted, so 2026-12-7 is read as well)
const DATE_FORMAT = 'Y年n月j日';
const DATE_PLACEHOLDER = '点击选择日期';

// --- attributes -------------------------------------------------------------
const ATTRIBUTES = ['placeholder', 'title', 'aria-label', 'alt'];
const ATTRIBUTE_TEXTS = {
  Search: '搜索',
  'Remove tag': '移除',
  'Previous page': '上一页',
  'Next page': '下一页',
  Increment: '增加',
  Decrement: '减少',
  'Click to remove sorting': '点击取消排序',
  'This is an image placeholder': '图片占位',
  'hh:mm': '时:分',
  'hh:mm ?m': '时:分 am/pm'
};
const ATTRIBUTE_PATTERNS = [
  [/^Remove list item (\d+)$/, (m) => `删除第 ${m[1]} 项`],
  [/^Click to sort by (.+) descending$/, (m) => `点击按“${m[1]}”降序排序`],
  [/^Click to sort by (.+) ascending$/, (m) => `点击按“${m[1]}”升序排序`],
  // date placeholder derived from the browser locale, e.g. mm/dd/yyyy, yyyy/mm/dd
  [/^(yyyy|mm|dd)([^a-z]+)(yyyy|mm|dd)([^a-z]+)(yyyy|mm|dd)$/, () => DATE_PLACEHOLDER]
];

// --- flatpickr --------------------------------------------------------------
const FLATPICKR_ZH = {
  weekdays: {
    shorthand: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
    longhand: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
  },
  months: {
    shorthand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'],
    longhand: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月']
  },
  firstDayOfWeek: 1,
  rangeSeparator: ' 至 ',
  weekAbbreviation: '周',
  scrollTitle: '滚动切换',
  toggleTitle: '点击切换 12/24 小时制',
  monthAriaLabel: '月份',
  yearAriaLabel: '年份',
  hourAriaLabel: '时',
  minuteAriaLabel: '分'
};
const EN_WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const EN_MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December'
];
const EN_MONTHS_SHORT = EN_MONTHS.map((month) => month.slice(0, 3));

let flatpickrLocalized = false;

function localizeFlatpickr() {
  const flatpickr = window.flatpickr;
  if (flatpickrLocalized || !flatpickr || typeof flatpickr.localize !== 'function') {
    return;
  }
  flatpickr.localize(FLATPICKR_ZH);
  flatpickr.setDefaults({ ariaDateFormat: DATE_FORMAT, plugins: [chineseDateFormat] });
  flatpickrLocalized = true;
}

/*
 * A flatpickr plugin: form-js passes the browser language's format (e.g. n/j/Y) to
 * every date picker it creates; once that configuration is read, a picker inside a
 * form shows and reads dates in the Chinese format. The picker hands form-js a Date,
 * so the submitted value does not depend on the format.
 */
function chineseDateFormat(picker) {
  return {
    onParseConfig() {
      const input = picker.element;
      if (isChinese() && input && input.closest && input.closest('.fjs-datepicker')) {
        picker.config.dateFormat = DATE_FORMAT;
      }
    }
  };
}

function translateFlatpickrText(node, parent) {
  // fallback for calendars created before flatpickr was localized
  const text = node.data.trim();
  if (!text) {
    return;
  }
  let index;
  if (parent.closest('.flatpickr-weekday')) {
    index = EN_WEEKDAYS.indexOf(text);
    if (index >= 0) {
      node.data = FLATPICKR_ZH.weekdays.shorthand[index];
    }
  } else if (parent.closest('.flatpickr-monthDropdown-month, .cur-month')) {
    index = EN_MONTHS.indexOf(text);
    if (index < 0) {
      index = EN_MONTHS_SHORT.indexOf(text);
    }
    if (index >= 0) {
      node.data = FLATPICKR_ZH.months.longhand[index];
    }
  }
}

// --- translation ------------------------------------------------------------
function isChinese() {
  return (document.documentElement.lang || '').toLowerCase().indexOf('zh') === 0;
}

function translateMessage(text) {
  for (const [pattern, replace] of MESSAGES) {
    const match = pattern.exec(text);
    if (match) {
      return replace(match);
    }
  }
  return null;
}

function translateTextNode(node) {
  const parent = node.parentElement;
  if (!parent || !parent.closest('.fjs-container')) {
    return;
  }
  const raw = node.data;
  const text = raw.trim();
  if (!text) {
    return;
  }
  let translated = null;
  if (parent.closest('.fjs-form-field-error')) {
    translated = translateMessage(text);
  } else if (parent.closest('.flatpickr-calendar')) {
    translateFlatpickrText(node, parent);
    return;
  } else {
    for (const [selector, texts] of TEXTS) {
      if (parent.closest(selector) && Object.prototype.hasOwnProperty.call(texts, text)) {
        translated = texts[text];
        break;
      }
    }
    if (translated === null) {
      for (const [selector, pattern, replace] of TEXT_PATTERNS) {
        const match = parent.closest(selector) && pattern.exec(text);
        if (match) {
          translated = replace(match);
          break;
        }
      }
    }
  }
  if (translated !== null && translated !== text) {
    // keep surrounding white space (e.g. " of " in "1 of 3")
    node.data = raw.replace(text, translated);
  }
}

function translateAttributes(element) {
  if (!element.closest('.fjs-container')) {
    return;
  }
  for (const name of ATTRIBUTES) {
    const value = element.getAttribute(name);
    if (!value) {
      continue;
    }
    let translated = Object.prototype.hasOwnProperty.call(ATTRIBUTE_TEXTS, value)
      ? ATTRIBUTE_TEXTS[value]
      : null;
    if (translated === null) {
      for (const [pattern, replace] of ATTRIBUTE_PATTERNS) {
        const match = pattern.exec(value);
        if (match) {
          translated = replace(match);
          break;
        }
      }
    }
    if (translated !== null && translated !== value) {
      element.setAttribute(name, translated);
    }
  }
}

function translateTree(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    translateTextNode(root);
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  // most DOM changes in Tasklist are not forms: skip them cheaply
  if (!root.closest('.fjs-container') && !root.querySelector('.fjs-container')) {
    return;
  }
  translateAttributes(root);
  const walker = document.createTreeWalker(
    root,
    NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT
  );
  let node = walker.nextNode();
  while (node) {
    if (node.nodeType === Node.TEXT_NODE) {
      translateTextNode(node);
    } else {
      translateAttributes(node);
    }
    node = walker.nextNode();
  }
}

function onMutations(mutations) {
  if (!isChinese()) {
    return;
  }
  localizeFlatpickr();
  for (const mutation of mutations) {
    if (mutation.type === 'childList') {
      mutation.addedNodes.forEach(translateTree);
    } else if (mutation.type === 'characterData') {
      translateTextNode(mutation.target);
    } else if (mutation.type === 'attributes') {
      translateAttributes(mutation.target);
    }
  }
}

function start() {
  // our own changes trigger the observer again; they are no-ops the second time
  new MutationObserver(onMutations).observe(document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ATTRIBUTES
  });
  if (isChinese()) {
    localizeFlatpickr();
    translateTree(document.body || document.documentElement);
  }
}

start();

// exported for tests; the webapp ignores modules without a default export
export { translateMessage };
