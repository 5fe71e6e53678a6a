// The workspace shell every page shares: header, navigation, language, the signed-in user,
// calls to the services through this origin (the session cookie; the browser never holds a
// token), problem details shown next to their fields, and Vietnamese/English formats.
// Data reaches the page only through textContent (el()), never innerHTML.
'use strict';

const COMMON = {
  vi: {
    product: 'Cooperation Hub', dashboard: 'Bảng điều hành', activities: 'Hoạt động', agreements: 'Thỏa thuận',
    organizations: 'Tổ chức', import: 'Nhập từ tệp', calendar: 'Lịch', followUps: 'Việc cần theo dõi',
    ledger: 'Nhật ký thông báo', signOut: 'Đăng xuất', menu: 'Menu', mainNav: 'Điều hướng chính',
    language: 'Ngôn ngữ', save: 'Lưu', cancel: 'Hủy', close: 'Đóng', edit: 'Sửa', loading: 'Đang tải…',
    none: '—', required: 'bắt buộc', conflict: 'Người khác đã thay đổi mục này trong lúc bạn sửa. Những gì đã thay đổi:',
    reload: 'Tải lại bản mới nhất', problem: 'Không lưu được', networkError: 'Không kết nối được máy chủ. Vui lòng thử lại.',
    signedOut: 'Phiên đăng nhập đã hết. Đang chuyển đến trang đăng nhập…', forbidden: 'Bạn không có quyền làm việc này.',
    saved: 'Đã lưu.', ADMIN: 'Ban thư ký', EDITOR: 'Biên tập', VIEWER: 'Chỉ xem', readOnly: 'Chỉ xem: bạn không thể sửa.',
    skip: 'Bỏ qua đến nội dung chính'
  },
  en: {
    product: 'Cooperation Hub', dashboard: 'Dashboard', activities: 'Activities', agreements: 'Agreements',
    organizations: 'Organizations', import: 'Import', calendar: 'Calendar', followUps: 'My follow-ups',
    ledger: 'Notification ledger', signOut: 'Sign out', menu: 'Menu', mainNav: 'Main navigation',
    language: 'Language', save: 'Save', cancel: 'Cancel', close: 'Close', edit: 'Edit', loading: 'Loading…',
    none: '—', required: 'required', conflict: 'Someone changed this meanwhile. Here is what changed:',
    reload: 'Load the latest version', problem: 'Could not save', networkError: 'Cannot reach the server. Please try again.',
    signedOut: 'Your session has ended. Taking you to sign in…', forbidden: 'You are not allowed to do this.',
    saved: 'Saved.', ADMIN: 'Secretariat', EDITOR: 'Editor', VIEWER: 'Viewer', readOnly: 'Read only: you cannot make changes.',
    skip: 'Skip to main content'
  }
};

const PAGES = [
  ['dashboard', 'index.html'], ['activities', 'activities.html'], ['agreements', 'agreements.html'],
  ['organizations', 'organizations.html'], ['import', 'import.html'], ['calendar', 'calendar.html'],
  ['followUps', 'follow-ups.html'], ['ledger', 'ledger.html']
];
const LANG_COOKIE = 'coophub-lang';
const PROGRAM_ZONE = 'Asia/Ho_Chi_Minh';

let pageTexts = { vi: {}, en: {} };
let currentUser = null;
const languageListeners = [];

function cookie(name) {
  const found = document.cookie.split('; ').find((part) => part.startsWith(name + '='));
  return found ? decodeURIComponent(found.substring(name.length + 1)) : null;
}

/** The page's language: the remembered choice, else the browser's, else Vietnamese. */
export function lang() {
  const chosen = cookie(LANG_COOKIE);
  if (chosen === 'vi' || chosen === 'en') { return chosen; }
  return (navigator.language || 'vi').startsWith('en') ? 'en' : 'vi';
}

export function setLang(language) {
  document.cookie = `${LANG_COOKIE}=${language}; path=/; max-age=31536000; SameSite=Lax`;
  document.documentElement.lang = language;
  translate(document);
  languageListeners.forEach((listener) => listener(language));
}

/** Calls back when the user switches language, so a page redraws what it built from data. */
export function onLanguageChange(listener) { languageListeners.push(listener); }

/** A text of the page or of the shell in the page's language; the key itself when missing. */
export function t(key) {
  const language = lang();
  return pageTexts[language][key] ?? COMMON[language][key] ?? pageTexts.en[key] ?? COMMON.en[key] ?? key;
}

/** A bilingual value ({vi, en}) in the page's language, falling back to the other one. */
export function text(value) {
  if (value == null) { return ''; }
  if (typeof value === 'string') { return value; }
  return value[lang()] || value.vi || value.en || '';
}

/** Sets every [data-i18n] element's text (and [data-i18n-placeholder], [data-i18n-label]). */
export function translate(root) {
  root.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach((node) => { node.placeholder = t(node.dataset.i18nPlaceholder); });
  root.querySelectorAll('[data-i18n-label]').forEach((node) => { node.setAttribute('aria-label', t(node.dataset.i18nLabel)); });
  document.title = `${t(document.body.dataset.title || 'product')} – Cooperation Hub`;
}

/** Builds an element: el('a', {href: '#', class: 'x', onclick: f}, 'text', child). Strings become text nodes. */
export function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value == null || value === false) { continue; }
    if (name.startsWith('on') && typeof value === 'function') { node.addEventListener(name.substring(2), value); }
    else if (name === 'dataset') { Object.assign(node.dataset, value); }
    else if (value === true) { node.setAttribute(name, ''); }
    else { node.setAttribute(name, String(value)); }
  }
  for (const child of children.flat()) {
    if (child == null || child === false) { continue; }
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/**
 * Formats in the page's language: vi 16:44, 06/11/2012, 980.000.000.000 ₫; times on the program's clock. A list's
 * page (docs/api.md, paging) says totalCapped when a search's total stopped at its bound: more may follow.
 */
export const fmt = {
  locale() { return lang() === 'vi' ? 'vi-VN' : 'en-GB'; },
  number(value) { return new Intl.NumberFormat(fmt.locale()).format(value || 0); },
  /** A list's total as its page tells it; vi 1.000+, en 1,000+ when a search's count stopped at its bound. */
  total(page) { return fmt.number(page && page.totalElements) + (page && page.totalCapped ? '+' : ''); },
  /** A list's number of pages, at least 1; 50+ when a search's count stopped at its bound. */
  pages(page) { return String(Math.max(1, (page && page.totalPages) || 0)) + (page && page.totalCapped ? '+' : ''); },
  money(amount, currency) {
    try { return new Intl.NumberFormat(fmt.locale(), { style: 'currency', currency: currency || 'VND' }).format(amount || 0); }
    catch (unknownCurrency) { return `${fmt.number(amount)} ${currency}`; }
  },
  /** A calendar day (2012-11-06 or the day of a local date-time) as written, no zone shift. */
  date(iso) {
    if (!iso) { return t('none'); }
    const [y, m, d] = String(iso).substring(0, 10).split('-').map(Number);
    return new Intl.DateTimeFormat(fmt.locale(), { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' })
      .format(new Date(Date.UTC(y, m - 1, d)));
  },
  /** The wall-clock time of a local date-time (2026-05-20T08:00:00) as written. */
  localTime(iso) {
    if (!iso || String(iso).length < 16) { return ''; }
    const [h, mi] = String(iso).substring(11, 16).split(':').map(Number);
    return new Intl.DateTimeFormat(fmt.locale(), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' })
      .format(new Date(Date.UTC(2000, 0, 1, h, mi)));
  },
  /** An instant (with offset or Z) as the program's clock shows it. */
  time(instant) {
    return new Intl.DateTimeFormat(fmt.locale(), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: PROGRAM_ZONE })
      .format(new Date(instant));
  },
  /** An instant's day and time on the program's clock. */
  dateTime(instant) {
    if (!instant) { return t('none'); }
    return new Intl.DateTimeFormat(fmt.locale(), { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit',
      minute: '2-digit', hourCycle: 'h23', timeZone: PROGRAM_ZONE }).format(new Date(instant));
  },
  /** Today on the program's clock, as 2026-12-04. */
  today() {
    return new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: PROGRAM_ZONE })
      .format(new Date());
  }
};

/** What a service answered when it refused: status and the problem details. */
export class ApiProblem extends Error {
  constructor(status, problem, etag) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.etag = etag;
  }
}

function headers(extra) {
  return { Accept: 'application/json, application/problem+json', 'Accept-Language': lang(), ...extra };
}

async function answer(response) {
  if (response.status === 401) {
    notify(t('signedOut'), 'error');
    window.location.assign(window.location.pathname + window.location.search + window.location.hash);
    throw new ApiProblem(401, { title: t('signedOut') });
  }
  const type = response.headers.get('Content-Type') || '';
  const body = response.status === 204 ? null
    : type.includes('json') ? await response.json().catch(() => null) : await response.text();
  if (!response.ok) {
    throw new ApiProblem(response.status, typeof body === 'object' ? body : { detail: body }, response.headers.get('ETag'));
  }
  return { status: response.status, etag: response.headers.get('ETag'), location: response.headers.get('Location'), body };
}

function query(path, parameters) {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters || {})) {
    if (value == null || value === '') { continue; }
    (Array.isArray(value) ? value : [value]).forEach((one) => search.append(name, one));
  }
  const encoded = search.toString();
  return encoded ? `${path}${path.includes('?') ? '&' : '?'}${encoded}` : path;
}

/** GET a JSON resource; the body, or ApiProblem. `withEtag: true` answers {body, etag}. */
export async function api(path, options = {}) {
  let response;
  try { response = await fetch(query(path, options.query), { headers: headers(), credentials: 'same-origin' }); }
  catch (offline) { throw new ApiProblem(0, { title: t('networkError') }); }
  const result = await answer(response);
  return options.withEtag ? result : result.body;
}

/** Sends JSON with the CSRF header, the language, and If-Match when an etag is given. */
export async function send(method, path, body, options = {}) {
  const extra = { 'X-XSRF-TOKEN': cookie('XSRF-TOKEN') || '' };
  if (body !== undefined && body !== null) { extra['Content-Type'] = 'application/json'; }
  if (options.etag) { extra['If-Match'] = options.etag; }
  let response;
  try {
    response = await fetch(query(path, options.query), { method, headers: headers(extra), credentials: 'same-origin',
      body: body == null ? undefined : JSON.stringify(body) });
  }
  catch (offline) { throw new ApiProblem(0, { title: t('networkError') }); }
  return answer(response);
}

/** Uploads a FormData (a file) with the CSRF header and the language. */
export async function upload(path, formData, options = {}) {
  let response;
  try {
    response = await fetch(query(path, options.query), { method: options.method || 'POST', credentials: 'same-origin',
      headers: headers({ 'X-XSRF-TOKEN': cookie('XSRF-TOKEN') || '' }), body: formData });
  }
  catch (offline) { throw new ApiProblem(0, { title: t('networkError') }); }
  return answer(response);
}

/** Removes what showProblem put into the form. */
export function clearProblems(form) {
  form.querySelectorAll('.field-error').forEach((node) => node.remove());
  form.querySelectorAll('[aria-invalid]').forEach((node) => { node.removeAttribute('aria-invalid'); node.removeAttribute('aria-describedby'); });
  form.querySelectorAll('.form-problem').forEach((node) => { node.replaceChildren(); node.hidden = true; });
}

function named(form, name) {
  return form.querySelector(`[name="${CSS.escape(name)}"]`)
    || form.querySelector(`[name="${CSS.escape(name.replace(/\[(\d+)\]/g, '.$1'))}"]`);
}

/**
 * The input a problem's field belongs to: the field's path (after the page's alias, if any)
 * shortened from its end until an input has that name (parties[1].organizationId,
 * parties[1], parties).
 */
function fieldInput(form, field, alias) {
  let candidate = alias ? alias(field) : field;
  while (candidate) {
    const input = named(form, candidate);
    if (input) { return input; }
    const shorter = candidate.replace(/(\.[^.[\]]+|\[[^\]]*\])$/, '');
    if (shorter === candidate) { return null; }
    candidate = shorter;
  }
  return null;
}

/**
 * Shows a service's problem details in a form: each errors[] message next to the input named
 * like its field, the rest (title, detail, fields without an input) in the form's .form-problem box.
 * A 412 (If-Match) says someone changed the record meanwhile; `changes` (optional) lists what.
 * `alias` (optional) maps an API field path to the form's name for it.
 */
export function showProblem(form, error, changes, alias) {
  clearProblems(form);
  let box = form.querySelector('.form-problem');
  if (!box) { box = el('div', { class: 'form-problem', role: 'alert' }); form.prepend(box); }
  box.hidden = false;
  const problem = (error && error.problem) || {};
  if (error && error.status === 412) {
    box.append(el('p', {}, t('conflict')));
    if (changes && changes.length) { box.append(el('ul', {}, changes.map((change) => el('li', {}, change)))); }
    return;
  }
  if (error && error.status === 403) { box.append(el('p', {}, problem.detail || t('forbidden'))); return; }
  box.append(el('p', { class: 'problem-title' }, problem.title || t('problem')));
  if (problem.detail) { box.append(el('p', {}, problem.detail)); }
  const unplaced = [];
  for (const fieldError of problem.errors || []) {
    const input = fieldError.field ? fieldInput(form, fieldError.field, alias) : null;
    if (!input) { unplaced.push(fieldError); continue; }
    const id = `error-${input.name || input.id}-${Math.random().toString(36).slice(2, 7)}`;
    const message = el('span', { class: 'field-error', id, dataset: { field: fieldError.field } }, fieldError.message);
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', id);
    input.insertAdjacentElement('afterend', message);
  }
  if (unplaced.length) {
    box.append(el('ul', {}, unplaced.map((fieldError) => el('li', {}, fieldError.field ? `${fieldError.field}: ${fieldError.message}` : fieldError.message))));
  }
  const first = form.querySelector('[aria-invalid="true"]');
  if (first) { first.focus(); }
}

/**
 * Shows a refused change in its form. On a 412 it asks `changesSince()` for what changed
 * meanwhile ({changes, current}), lists it, and offers a button that hands the current
 * version to `onReload(current)`, so the user applies the change again onto it.
 */
export async function showRefusal(form, error, { alias, changesSince, onReload } = {}) {
  if (error.status !== 412 || !changesSince) { showProblem(form, error, undefined, alias); return; }
  const { changes, current } = await changesSince();
  showProblem(form, error, changes);
  const box = form.querySelector('.form-problem');
  if (box && current && onReload) {
    box.append(el('button', { type: 'button', class: 'reload', onclick: () => {
      clearProblems(form);
      onReload(current);
    } }, t('reload')));
  }
}

/** A short message in the page's status region (role=status): 'ok' or 'error'. */
export function notify(message, kind = 'ok') {
  const region = document.getElementById('app-status');
  if (!region) { return; }
  region.dataset.kind = kind;
  region.textContent = message;
}

/** The signed-in user: {username, name, role, organizationId}. */
export function me() { return currentUser; }

/** False for a VIEWER: pages then draw no edit controls (the services refuse anyway). */
export function canEdit() { return !!currentUser && currentUser.role !== 'VIEWER'; }

function header(page) {
  const languageSwitch = el('div', { class: 'lang', role: 'group', 'data-i18n-label': 'language' },
    ['vi', 'en'].map((language) => el('button', { type: 'button', 'data-lang': language, lang: language,
      'aria-pressed': String(lang() === language), onclick: () => {
        setLang(language);
        document.querySelectorAll('[data-lang]').forEach((button) => button.setAttribute('aria-pressed', String(button.dataset.lang === language)));
      } }, language === 'vi' ? 'Tiếng Việt' : 'English')));
  const links = el('ul', { id: 'nav-links' }, PAGES.map(([key, href]) => el('li', {},
    el('a', { href, 'data-i18n': key, 'aria-current': key === page ? 'page' : null }, t(key)))));
  const toggle = el('button', { type: 'button', class: 'nav-toggle', 'aria-expanded': 'false', 'aria-controls': 'nav-links',
    'data-i18n': 'menu', onclick: (event) => {
      const open = event.currentTarget.getAttribute('aria-expanded') !== 'true';
      event.currentTarget.setAttribute('aria-expanded', String(open));
      links.classList.toggle('open', open);
    } }, t('menu'));
  const user = el('span', { id: 'me', class: 'me' });
  const signOut = el('button', { type: 'button', id: 'sign-out', 'data-i18n': 'signOut', onclick: signOutNow }, t('signOut'));
  return el('header', { class: 'app-header' },
    el('a', { class: 'skip', href: '#main', 'data-i18n': 'skip' }, t('skip')),
    el('a', { class: 'brand', href: 'index.html' }, 'Cooperation Hub'),
    el('nav', { 'data-i18n-label': 'mainNav' }, toggle, links),
    el('div', { class: 'session' }, user, languageSwitch, signOut));
}

async function signOutNow() {
  try {
    // the answer names identity's sign-out page (another origin): the browser goes there itself
    const response = await fetch('logout', { method: 'POST', credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-XSRF-TOKEN': cookie('XSRF-TOKEN') || '' } });
    const body = await response.json().catch(() => ({}));
    window.location.assign(body.signOutUrl || 'index.html');
  }
  catch (offline) { notify(t('networkError'), 'error'); }
}

function drawUser() {
  const node = document.getElementById('me');
  if (!node || !currentUser) { return; }
  node.textContent = [currentUser.name || currentUser.username, currentUser.organizationCode, t(currentUser.role)]
    .filter(Boolean).join(' · ');
  document.body.dataset.role = currentUser.role;
}

/**
 * Starts a page: draws the header and the status region, translates [data-i18n], loads who is
 * signed in. Resolves with the user once known.
 */
export async function start({ page, texts }) {
  pageTexts = { vi: { ...(texts && texts.vi) }, en: { ...(texts && texts.en) } };
  document.documentElement.lang = lang();
  document.body.prepend(header(page));
  const main = document.querySelector('main');
  if (main) {
    main.id = main.id || 'main';
    main.prepend(el('p', { id: 'app-status', class: 'app-status', role: 'status', 'aria-live': 'polite' }));
  }
  translate(document);
  onLanguageChange(drawUser);
  try { currentUser = await api('api/v1/me'); }
  catch (error) { currentUser = null; }
  drawUser();
  if (currentUser && !canEdit()) {
    document.querySelectorAll('[data-edit]').forEach((node) => node.remove());
  }
  return currentUser;
}

/**
 * Opens the dashboard's event stream and calls back on each change; reports 'live' and
 * 'reconnecting' to onState. EventSource reconnects by itself.
 */
export function liveUpdates(onChange, onState) {
  const source = new EventSource('api/v1/dashboard/stream');
  source.onopen = () => onState && onState('live');
  source.onerror = () => onState && onState('reconnecting');
  source.onmessage = (event) => onChange({});
  source.addEventListener('dashboard-changed', (event) => onChange(JSON.parse(event.data || '{}')));
  return source;
}

/** The value of a form as an object: empty fields left out, numbers as numbers (type=number). */
export function formValues(form) {
  const values = {};
  for (const input of form.elements) {
    if (!input.name || input.disabled || input.type === 'submit' || input.type === 'button') { continue; }
    if ((input.type === 'checkbox' || input.type === 'radio') && !input.checked) { continue; }
    if (input.value === '') { continue; }
    const value = input.type === 'number' ? Number(input.value) : input.type === 'checkbox' ? true : input.value;
    if (input.multiple && input.tagName === 'SELECT') {
      values[input.name] = Array.from(input.selectedOptions).map((option) => option.value);
    }
    else { values[input.name] = value; }
  }
  return values;
}
