/*
 * Keeps 「完成」 usable in a Camunda Form with a dynamic list. form-js 1.8.7 records the
 * validation errors of a field inside a list under the field's id and the item's index;
 * once the field is valid again it removes the item's entry but keeps an empty entry for
 * the field, and Tasklist, which counts the entries, then keeps 「完成」 disabled for good.
 * This script enables the button again whenever the form shows no validation message;
 * clicking it still validates the whole form first (Tasklist submits nothing while a
 * field is invalid, and form-js then shows each message).
 */
function formListButton() {
  return document.querySelector('.form-actions button.btn-primary[ng-click="complete()"]');
}

function enableWhenValid() {
  const button = formListButton();
  if (!button || !button.disabled) {
    return;
  }
  const form = document.querySelector('.fjs-container');
  // A list without 添加/删除 (allowAddRemove false) renders its rows without
  // .fjs-repeat-row-container: look for the list itself.
  if (!form || !form.querySelector('.fjs-form-field-dynamiclist, .fjs-repeat-row-container')) {
    return;
  }
  if (form.querySelector('.fjs-form-field-error li, .fjs-form-field-error:not(:empty)')) {
    return;
  }
  button.disabled = false;
}

let pending = false;
new MutationObserver(() => {
  if (!pending) {
    pending = true;
    window.setTimeout(() => {
      pending = false;
      enableWhenValid();
    }, 100);
  }
}).observe(document.documentElement, {
  subtree: true,
  childList: true,
  attributes: true,
  attributeFilter: ['disabled']
});
