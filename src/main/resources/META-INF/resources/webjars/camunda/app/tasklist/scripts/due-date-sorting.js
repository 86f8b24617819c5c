/*
 * Tasklist opens sorted by due date (earliest first), so that what is about to run out
 * of time is on top. Tasklist keeps its sorting in the URL; when the URL names none, this
 * script supplies the due-date sorting before the app starts. A sorting chosen by the
 * user in the list header is kept.
 */
const DUE_DATE_SORTING = JSON.stringify([{ sortBy: 'dueDate', sortOrder: 'asc' }]);

function withDefaultSorting() {
  const hash = window.location.hash || '#/';
  if (!/^#!?\/(\?|$)/.test(hash)) {
    return;
  }
  const queryStart = hash.indexOf('?');
  const params = new URLSearchParams(queryStart < 0 ? '' : hash.slice(queryStart + 1));
  if (params.has('sorting')) {
    return;
  }
  params.set('sorting', DUE_DATE_SORTING);
  const path = queryStart < 0 ? hash : hash.slice(0, queryStart);
  window.history.replaceState(null, '', path + '?' + params.toString());
}

withDefaultSorting();
