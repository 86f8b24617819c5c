/*
 * Language selection for the Camunda webapps of rectify-flow.
 *
 * The stock webapps pick the language in an Angular config block
 * (determinePreferredLanguage): the first browser language wins if it is listed
 * in `locales.availableLocales`, otherwise `locales.fallbackLocale` is used. An
 * English browser would therefore get English. This custom script (loaded via
 * `customScripts` in scripts/config.js, before Angular bootstraps) makes the
 * configured fallback locale (zh-CN) the default regardless of the browser, and
 * keeps English selectable:
 *
 *   ?locale=en         choose English (remembered in localStorage 'camunda-locale')
 *   ?locale=zh-CN      choose Chinese
 *   ?locale=default    forget the choice (back to the fallback locale)
 *
 * The parameter is read from the query string or from the query part of the
 * hash (e.g. #/?locale=en). One source file, copied into every app by the build.
 */
const STORAGE_KEY = 'camunda-locale';
const DEFAULT_LOCALE = 'zh-CN';

const appName = document.querySelector('base').getAttribute('app-name');
const conf =
  window['cam' + appName.charAt(0).toUpperCase() + appName.slice(1) + 'Conf'] ||
  {};
const localeConf = conf.locales || {};
const available = localeConf.availableLocales || [DEFAULT_LOCALE];
const fallback = localeConf.fallbackLocale || DEFAULT_LOCALE;

function requestedLocale() {
  const fromSearch = new URLSearchParams(window.location.search).get('locale');
  if (fromSearch !== null) {
    return fromSearch;
  }
  const hash = window.location.hash;
  const queryStart = hash.indexOf('?');
  return queryStart < 0
    ? null
    : new URLSearchParams(hash.slice(queryStart + 1)).get('locale');
}

function chosenLocale() {
  try {
    const requested = requestedLocale();
    if (requested !== null) {
      if (available.indexOf(requested) >= 0) {
        window.localStorage.setItem(STORAGE_KEY, requested);
      } else if (requested === '' || requested === 'default') {
        window.localStorage.removeItem(STORAGE_KEY);
      }
    }
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return available.indexOf(stored) >= 0 ? stored : null;
  } catch (e) {
    // localStorage may be unavailable (privacy settings); use the default
    return null;
  }
}

const locale = chosenLocale() || fallback;
document.documentElement.lang = locale;

// The app chooses among `availableLocales` by the browser language. Offering it only the
// chosen locale makes the app's own start-up pick it, with no second language switch (and
// no moment where labels are looked up in a table that is still loading).
conf.locales = Object.assign({}, localeConf, {
  availableLocales: [locale],
  fallbackLocale: locale
});

// The app loads its labels asynchronously after it has started, and a view that looks a
// label up before then shows the raw key (e.g. DUE_DATE). The app waits for its custom
// scripts, so the labels are fetched here, before it starts, and handed to it up front.
let labels = null;
try {
  const appRoot = document.querySelector('base').getAttribute('app-root') || '';
  const response = await fetch(
    appRoot + '/app/' + appName + '/locales/' + locale + '.json?bust=' + (window.bust || '')
  );
  if (response.ok) {
    labels = (await response.json()).labels || null;
  }
} catch (e) {
  // eslint-disable-next-line no-console
  console.warn('locale-default: labels not preloaded', e);
}

try {
  const custom = window.angular.module('cam.' + appName + '.custom');
  if (labels !== null) {
    custom.config([
      '$translateProvider',
      function($translateProvider) {
        $translateProvider.translations(locale, labels);
      }
    ]);
  }
  custom.run([
    '$rootScope',
    '$translate',
    function($rootScope, $translate) {
      $rootScope.$on('$translateChangeSuccess', function() {
        document.documentElement.lang = $translate.use() || locale;
      });
      if (labels !== null) {
        // With the labels handed over up front the app's loader is skipped; run it once
        // anyway, since it also sets the date formats ("3天后" rather than "in 3 days").
        $translate.refresh(locale);
      }
    }
  ]);
} catch (e) {
  // eslint-disable-next-line no-console
  console.warn('locale-default: could not watch the language', e);
}
