/*
 * Tasklist shows the engine's error messages as they come from its API. Rule violations
 * are already Chinese, but arrive behind an English prefix ("Cannot submit task form
 * <id>: "), and a few common refusals are English only. This script rewrites those
 * texts in Tasklist's notifications, so a handler reads one Chinese sentence.
 */
const PREFIX = /(?:Cannot|Could not) (?:submit task form|complete task|claim task|set assignee for task|resolve task|delegate task) [0-9a-fA-F-]{8,}: ?/g;

const KNOWN = [
  [/Task '[^']*' is already claimed by someone else\.?/, '该任务已被其他人认领，请刷新后重试。'],
  [/.*updated by another transaction concurrently.*/, '该事项已被他人同时修改，请刷新后重试。'],
  [/The user with id '[^']*' does not have .*permission.*/, '您没有执行此操作的权限。'],
  [/Cannot find task with id [^ ]+.*/, '未找到该任务，可能已被他人办理。']
];

function rewrite(text) {
  let result = text.replace(PREFIX, '');
  for (const [pattern, chinese] of KNOWN) {
    if (pattern.test(result)) {
      result = result.replace(pattern, chinese);
    }
  }
  return result;
}

function translateNode(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    const rewritten = rewrite(node.nodeValue);
    if (rewritten !== node.nodeValue) {
      node.nodeValue = rewritten;
    }
    return;
  }
  if (node.nodeType === Node.ELEMENT_NODE) {
    node.childNodes.forEach(translateNode);
  }
}

function isNotification(node) {
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  return element !== null && element.closest('.notifications, .notification, .alert') !== null;
}

new MutationObserver(mutations => {
  for (const mutation of mutations) {
    if (mutation.type === 'characterData' && isNotification(mutation.target)) {
      translateNode(mutation.target);
    }
    mutation.addedNodes.forEach(node => {
      if (isNotification(node)) {
        translateNode(node);
      }
    });
  }
}).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
