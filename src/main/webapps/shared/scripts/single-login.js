/*
 * Single login for the Camunda webapps of rectify-flow.
 *
 * Users log in once on the application's own login page (/login); the webapps take the
 * user from that session. The webapps' built-in login view (#/login) is therefore never
 * the place to log in: whenever the app routes there (after its logout button, or when
 * the session has expired), the browser goes to the application's login page instead,
 * and comes back to the app after logging in. One source file, copied into every app by the build.
 */
const LOGIN_PAGE = '/login';

function isBuiltInLogin() {
  return /^#!?\/login\b/.test(window.location.hash);
}

function toApplicationLogin() {
  if (isBuiltInLogin()) {
    window.location.replace(LOGIN_PAGE);
  }
}

toApplicationLogin();
window.addEventListener('hashchange', toApplicationLogin);
