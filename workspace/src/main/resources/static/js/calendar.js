// The calendar: the activities and annual reviews of a month with their hosts, as a month grid
// or an agenda (the default on a phone), filtered by organization or agreement, redrawn when
// the dashboard's event stream says something changed. "Subscribe" makes a secret iCalendar
// URL (reporting-service's /api/v1/calendar/feeds), shows it once to copy, lists and revokes.
// Data reaches the page only through textContent (el()), never innerHTML.
import {
  start, t, api, send, text, fmt, el, showProblem, clearProblems, notify, me, canEdit, lang, onLanguageChange,
  liveUpdates, formValues
} from './app.js';

const TEXTS = {
  vi: {
    organization: 'Tổ chức', agreement: 'Thỏa thuận', allOrganizations: 'Tất cả tổ chức', allAgreements: 'Tất cả thỏa thuận',
    previousMonth: 'Tháng trước', nextMonth: 'Tháng sau', today: 'Hôm nay', view: 'Cách xem', monthView: 'Tháng',
    agendaView: 'Danh sách', live: 'Trực tiếp', reconnecting: 'Đang kết nối lại', allDay: 'Cả ngày',
    review: 'Sơ kết', cancelled: 'Đã hủy', host: 'Chủ trì: ', noEntries: 'Không có hoạt động hay kỳ sơ kết nào trong tháng này.',
    legendReview: 'Sơ kết hằng năm', legendCancelled: 'Đã hủy', more: '+{count} mục khác',
    subscribeHeading: 'Đăng ký lịch (iCalendar)',
    subscribeHelp: 'Tạo một đường dẫn bí mật để xem lịch trong Outlook, Google Calendar hoặc Thunderbird. Ai có đường dẫn đều xem được lịch: hãy thu hồi khi không dùng nữa.',
    feedFor: 'Lịch của', feedOrganization: 'Tổ chức', feedAgreement: 'Thỏa thuận', createFeed: 'Tạo đường dẫn',
    feedCreated: 'Đường dẫn chỉ hiện một lần. Hãy sao chép ngay:', feedUrl: 'Đường dẫn (https)',
    feedWebcal: 'Đường dẫn webcal (mở thẳng trong ứng dụng lịch)', copy: 'Sao chép', copied: 'Đã sao chép.',
    myFeeds: 'Các đường dẫn của tôi', feedName: 'Lịch', feedScope: 'Phạm vi', feedCreatedAt: 'Tạo lúc', actions: 'Thao tác',
    revoke: 'Thu hồi', revoked: 'Đã thu hồi đường dẫn.', noFeeds: 'Bạn chưa tạo đường dẫn nào.',
    ORGANIZATION: 'Tổ chức', AGREEMENT: 'Thỏa thuận', revokeConfirm: 'Thu hồi đường dẫn này? Ứng dụng lịch đang dùng nó sẽ không cập nhật được nữa.',
    PLANNED: 'Dự kiến', COMPLETED: 'Đã diễn ra', CANCELLED: 'Đã hủy', UPCOMING: 'Sắp tới', DUE: 'Đến hạn',
    OVERDUE: 'Quá hạn', HELD: 'Đã tổ chức', MISSED: 'Bị lỡ', SKIPPED: 'Bỏ qua',
    'type.INVESTMENT_PROMOTION_CONFERENCE': 'Hội nghị xúc tiến đầu tư', 'type.TRADE_PROMOTION': 'Xúc tiến thương mại',
    'type.INFORMATION_EXCHANGE': 'Trao đổi thông tin', 'type.DOCUMENT_SHARING': 'Chia sẻ tài liệu, biểu mẫu',
    'type.WEBSITE_PROMOTION': 'Quảng bá trên trang web', 'type.EXPERIENCE_EXCHANGE': 'Trao đổi kinh nghiệm',
    'type.TRAINING': 'Đào tạo', 'type.SITE_VISIT': 'Khảo sát thực tế', 'type.JOINT_MEETING': 'Hội nghị giao ban',
    'type.SPORTS_EVENT': 'Hội thao', 'type.ANNUAL_REVIEW': 'Sơ kết hằng năm', 'type.OTHER': 'Hoạt động khác',
    'type.REVIEW': 'Sơ kết hằng năm'
  },
  en: {
    organization: 'Organization', agreement: 'Agreement', allOrganizations: 'All organizations', allAgreements: 'All agreements',
    previousMonth: 'Previous month', nextMonth: 'Next month', today: 'Today', view: 'View', monthView: 'Month',
    agendaView: 'Agenda', live: 'Live', reconnecting: 'Reconnecting', allDay: 'All day',
    review: 'Review', cancelled: 'Cancelled', host: 'Host: ', noEntries: 'No activity or review this month.',
    legendReview: 'Annual review', legendCancelled: 'Cancelled', more: '+{count} more',
    subscribeHeading: 'Subscribe (iCalendar)',
    subscribeHelp: 'Make a secret link to see the calendar in Outlook, Google Calendar or Thunderbird. Whoever has the link can read the calendar: revoke it when it is no longer used.',
    feedFor: 'Calendar of', feedOrganization: 'Organization', feedAgreement: 'Agreement', createFeed: 'Create link',
    feedCreated: 'The link is shown only once. Copy it now:', feedUrl: 'Link (https)',
    feedWebcal: 'webcal link (opens in the calendar app)', copy: 'Copy', copied: 'Copied.',
    myFeeds: 'My links', feedName: 'Calendar', feedScope: 'Scope', feedCreatedAt: 'Created', actions: 'Actions',
    revoke: 'Revoke', revoked: 'The link was revoked.', noFeeds: 'You have made no link yet.',
    ORGANIZATION: 'Organization', AGREEMENT: 'Agreement', revokeConfirm: 'Revoke this link? A calendar app using it will stop updating.',
    PLANNED: 'Planned', COMPLETED: 'Completed', CANCELLED: 'Cancelled', UPCOMING: 'Upcoming', DUE: 'Due',
    OVERDUE: 'Overdue', HELD: 'Held', MISSED: 'Missed', SKIPPED: 'Skipped',
    'type.INVESTMENT_PROMOTION_CONFERENCE': 'Investment promotion conference', 'type.TRADE_PROMOTION': 'Trade promotion',
    'type.INFORMATION_EXCHANGE': 'Information exchange', 'type.DOCUMENT_SHARING': 'Document and form sharing',
    'type.WEBSITE_PROMOTION': 'Website promotion', 'type.EXPERIENCE_EXCHANGE': 'Experience exchange',
    'type.TRAINING': 'Training', 'type.SITE_VISIT': 'Site visit', 'type.JOINT_MEETING': 'Joint meeting',
    'type.SPORTS_EVENT': 'Sports event', 'type.ANNUAL_REVIEW': 'Annual review', 'type.OTHER': 'Other activity',
    'type.REVIEW': 'Annual review'
  }
};

/** Entries a month cell shows before "+n more" (the agenda shows every one). */
const PER_CELL = 4;
const PHONE = window.matchMedia('(max-width: 40rem)');

const state = {
  month: null,          // '2026-12'
  view: null,           // 'month' | 'agenda'
  organizationId: '',
  agreementId: '',
  entries: [],
  organizations: [],
  agreements: [],
  feeds: []
};

const $ = (id) => document.getElementById(id);

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (match, name) => (values[name] ?? match));
}

// ------------------------------------------------------------------ days, as ISO strings

function parseDay(iso) {
  const [y, m, d] = iso.substring(0, 10).split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}
function isoDay(date) { return date.toISOString().substring(0, 10); }
function addDays(iso, days) { const date = parseDay(iso); date.setUTCDate(date.getUTCDate() + days); return isoDay(date); }
function monthStart(month) { return `${month}-01`; }
function addMonths(month, count) {
  const [y, m] = month.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1 + count, 1));
  return isoDay(date).substring(0, 7);
}
/** Monday-first weekday: 0 = Monday … 6 = Sunday. */
function weekday(iso) { return (parseDay(iso).getUTCDay() + 6) % 7; }

function monthTitle(month) {
  return new Intl.DateTimeFormat(fmt.locale(), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(parseDay(monthStart(month)));
}
function weekdayName(iso, style) {
  return new Intl.DateTimeFormat(fmt.locale(), { weekday: style, timeZone: 'UTC' }).format(parseDay(iso));
}
function longDay(iso) {
  return new Intl.DateTimeFormat(fmt.locale(), { weekday: 'long', day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' })
    .format(parseDay(iso));
}

/** The days the grid shows: whole weeks, Monday to Sunday, around the month. */
function gridRange(month) {
  const first = monthStart(month);
  const from = addDays(first, -weekday(first));
  const last = addDays(monthStart(addMonths(month, 1)), -1);
  const to = addDays(last, 7 - weekday(last)); // the day after the grid's last Sunday
  return { from, to };
}

// ------------------------------------------------------------------ the address keeps the view

function readHash() {
  const params = new URLSearchParams(window.location.hash.substring(1));
  const month = params.get('month');
  state.month = /^\d{4}-\d{2}$/.test(month || '') ? month : fmt.today().substring(0, 7);
  const view = params.get('view');
  state.view = view === 'month' || view === 'agenda' ? view : (PHONE.matches ? 'agenda' : 'month');
  state.organizationId = params.get('organizationId') || '';
  state.agreementId = params.get('agreementId') || '';
}

function writeHash() {
  const params = new URLSearchParams({ month: state.month, view: state.view });
  if (state.organizationId) { params.set('organizationId', state.organizationId); }
  if (state.agreementId) { params.set('agreementId', state.agreementId); }
  history.replaceState(null, '', `#${params}`);
}

// ------------------------------------------------------------------ reading

let loading = 0;

async function load() {
  const ticket = ++loading;
  const range = state.view === 'month' ? gridRange(state.month)
    : { from: monthStart(state.month), to: monthStart(addMonths(state.month, 1)) };
  const container = state.view === 'month' ? $('calendar-month') : $('calendar-agenda');
  container.setAttribute('aria-busy', 'true');
  try {
    const answer = await api('api/v1/calendar', { query: { from: range.from, to: range.to,
      organizationId: state.organizationId, agreementId: state.agreementId } });
    if (ticket !== loading) { return; }
    state.entries = answer.entries || [];
    draw();
  }
  catch (error) {
    if (ticket === loading) { notify((error.problem && (error.problem.detail || error.problem.title)) || t('networkError'), 'error'); }
  }
  finally { container.removeAttribute('aria-busy'); }
}

// ------------------------------------------------------------------ drawing

function timeOf(entry) {
  return entry.allDay ? t('allDay') : fmt.time(entry.start);
}

function hostOf(entry) {
  return text(entry.hostName) || entry.hostOrganizationId || t('none');
}

function typeOf(entry) {
  return entry.kind === 'REVIEW' ? t('type.REVIEW') : t(`type.${entry.type}`);
}

function entryClasses(entry) {
  return ['calendar-entry', entry.kind === 'REVIEW' ? 'review' : 'activity',
    entry.status === 'CANCELLED' || entry.status === 'SKIPPED' ? 'cancelled' : null].filter(Boolean).join(' ');
}

function badges(entry) {
  return [
    entry.kind === 'REVIEW' ? el('span', { class: 'badge warn' }, t('review')) : null,
    entry.status === 'CANCELLED' ? el('span', { class: 'badge error' }, t('cancelled')) : null
  ];
}

/** An entry of the month grid: time and title, host and type below. */
function gridEntry(entry) {
  return el('li', { class: entryClasses(entry), 'data-id': entry.id, 'data-kind': entry.kind,
    title: `${text(entry.title)} – ${hostOf(entry)}` },
    el('time', { datetime: entry.allDay ? entry.date : entry.start, class: 'entry-time' }, timeOf(entry)), ' ',
    el('span', { class: 'entry-title' }, text(entry.title)), ' ', badges(entry),
    el('span', { class: 'entry-detail' }, `${hostOf(entry)} · ${typeOf(entry)}`));
}

function drawMonth() {
  const table = $('calendar-month');
  const { from, to } = gridRange(state.month);
  const today = fmt.today();
  const byDay = new Map();
  for (const entry of state.entries) {
    const day = entry.date || entry.startsAt.substring(0, 10);
    if (!byDay.has(day)) { byDay.set(day, []); }
    byDay.get(day).push(entry);
  }
  const head = el('thead', {}, el('tr', {}, [0, 1, 2, 3, 4, 5, 6].map((offset) => {
    const day = addDays(from, offset);
    return el('th', { scope: 'col', abbr: weekdayName(day, 'long') }, weekdayName(day, 'short'));
  })));
  const rows = [];
  for (let week = from; week < to; week = addDays(week, 7)) {
    const cells = [];
    for (let offset = 0; offset < 7; offset++) {
      const day = addDays(week, offset);
      const entries = byDay.get(day) || [];
      const inMonth = day.substring(0, 7) === state.month;
      const shown = entries.slice(0, PER_CELL);
      cells.push(el('td', { class: ['day', inMonth ? null : 'other-month', day === today ? 'today' : null].filter(Boolean).join(' '),
        'data-day': day, 'aria-current': day === today ? 'date' : null },
        el('span', { class: 'day-number' }, el('time', { datetime: day, 'aria-label': longDay(day) }, String(Number(day.substring(8))))),
        shown.length ? el('ul', { class: 'day-entries' }, shown.map(gridEntry)) : null,
        entries.length > PER_CELL
          ? el('button', { type: 'button', class: 'more', onclick: () => showDayInAgenda(day) }, fill(t('more'), { count: entries.length - PER_CELL }))
          : null));
    }
    rows.push(el('tr', {}, cells));
  }
  table.replaceChildren(head, el('tbody', {}, rows));
}

function showDayInAgenda(day) {
  setView('agenda').then(() => {
    const heading = document.querySelector(`#calendar-agenda [data-day="${CSS.escape(day)}"]`);
    if (heading) { heading.scrollIntoView(); heading.focus(); }
  });
}

/** An entry of the agenda: time, then title, host, type, agreement and place. */
function agendaEntry(entry) {
  const detail = [`${t('host')}${hostOf(entry)}`, typeOf(entry), entry.agreementCode, entry.location].filter(Boolean).join(' · ');
  return el('li', { class: entryClasses(entry), 'data-id': entry.id, 'data-kind': entry.kind },
    el('time', { class: 'entry-time', datetime: entry.allDay ? entry.date : entry.start }, timeOf(entry)),
    el('div', { class: 'entry-body' },
      el('span', { class: 'entry-title' }, text(entry.title)), ' ', badges(entry),
      el('span', { class: 'entry-detail' }, detail)));
}

function drawAgenda() {
  const agenda = $('calendar-agenda');
  const today = fmt.today();
  const days = new Map();
  for (const entry of state.entries) {
    const day = entry.date || entry.startsAt.substring(0, 10);
    if (day.substring(0, 7) !== state.month) { continue; }
    if (!days.has(day)) { days.set(day, []); }
    days.get(day).push(entry);
  }
  if (!days.size) {
    agenda.replaceChildren(el('p', { class: 'muted empty' }, t('noEntries')));
    return;
  }
  agenda.replaceChildren(el('ol', { class: 'agenda-days' }, [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([day, entries]) =>
    el('li', { class: day === today ? 'agenda-day today' : 'agenda-day', 'aria-current': day === today ? 'date' : null },
      el('h3', { 'data-day': day, tabindex: '-1' }, el('time', { datetime: day }, longDay(day))),
      el('ul', { class: 'agenda-entries' }, entries.map(agendaEntry))))));
}

function draw() {
  $('calendar-title').textContent = monthTitle(state.month);
  const month = $('calendar-month');
  const agenda = $('calendar-agenda');
  // only the open view holds entries, so a test or a screen reader finds each entry once
  month.hidden = state.view !== 'month';
  agenda.hidden = state.view !== 'agenda';
  if (state.view === 'month') { agenda.replaceChildren(); drawMonth(); }
  else { month.replaceChildren(); drawAgenda(); }
  document.querySelectorAll('[data-view]').forEach((button) =>
    button.setAttribute('aria-pressed', String(button.dataset.view === state.view)));
}

async function setView(view) {
  state.view = view;
  writeHash();
  await load();
}

async function moveTo(month) {
  state.month = month;
  writeHash();
  await load();
}

// ------------------------------------------------------------------ filters

async function loadAll(path) {
  const all = [];
  for (let page = 0, pages = 1; page < pages && page < 10; page++) {
    const body = await api(path, { query: { page, size: 200, sort: 'code' } });
    all.push(...(Array.isArray(body) ? body : (body.content || [])));
    pages = (body.page && body.page.totalPages) || 1;
  }
  return all;
}

function label(item) { return [item.code, text(item.title || item.name)].filter(Boolean).join(' – ') || item.id; }

function options(select, items, blankKey) {
  const chosen = select.value;
  select.replaceChildren(
    blankKey ? el('option', { value: '' }, t(blankKey)) : null,
    ...items.map((item) => el('option', { value: item.id }, label(item))));
  if (chosen && items.some((item) => item.id === chosen)) { select.value = chosen; }
}

function drawFilters() {
  options($('calendar-organization'), state.organizations, 'allOrganizations');
  options($('calendar-agreement'), state.agreements, 'allAgreements');
  $('calendar-organization').value = state.organizationId;
  $('calendar-agreement').value = state.agreementId;
}

/** The signed-in user's organization: `me` names it by id or by code. */
function myOrganization() {
  const user = me();
  if (!user || !user.organizationId) { return null; }
  return state.organizations.find((organization) => organization.id === user.organizationId
    || organization.code === user.organizationId) || null;
}

function partyTo(agreement, organizationId) {
  return (agreement.parties || []).some((party) => party.organizationId === organizationId && party.consent !== 'DECLINED');
}

// ------------------------------------------------------------------ subscriptions

function drawFeedChoices() {
  const user = me();
  const admin = user && user.role === 'ADMIN';
  const mine = myOrganization();
  const organizations = admin ? state.organizations : (mine ? [mine] : []);
  const agreements = admin ? state.agreements : (mine ? state.agreements.filter((agreement) => partyTo(agreement, mine.id)) : []);
  options($('feed-organization'), organizations, null);
  options($('feed-agreement'), agreements, null);
  $('feed-scope-organization').disabled = !organizations.length;
  $('feed-scope-agreement').disabled = !agreements.length;
  if (!organizations.length && agreements.length) { $('feed-scope-agreement').checked = true; }
  chooseScope();
}

function chooseScope() {
  const agreement = $('feed-scope-agreement').checked;
  $('feed-organization').disabled = agreement || $('feed-scope-organization').disabled;
  $('feed-agreement').disabled = !agreement || $('feed-scope-agreement').disabled;
}

function absolute(url) { return new URL(url, window.location.href).href; }

async function createFeed(event) {
  event.preventDefault();
  const form = event.currentTarget;
  clearProblems(form);
  const values = formValues(form);
  const body = values.scope === 'AGREEMENT' ? { agreementId: values.agreementId } : { organizationId: values.organizationId };
  try {
    const answer = await send('POST', 'api/v1/calendar/feeds', body);
    const https = absolute(answer.body.url);
    $('calendar-feed-url').value = https;
    $('calendar-feed-webcal').value = https.replace(/^https?:/, 'webcal:');
    $('calendar-feed-created').hidden = false;
    $('calendar-feed-url').focus();
    $('calendar-feed-url').select();
    await loadFeeds();
  }
  catch (error) { showProblem(form, error); }
}

async function copy(event) {
  const input = $(event.currentTarget.dataset.copy);
  input.select();
  try { await navigator.clipboard.writeText(input.value); notify(t('copied')); }
  catch (notAllowed) { document.execCommand && document.execCommand('copy'); notify(t('copied')); }
}

async function loadFeeds() {
  try { state.feeds = await api('api/v1/calendar/feeds'); }
  catch (error) { state.feeds = []; }
  drawFeeds();
}

function drawFeeds() {
  const body = document.querySelector('#calendar-feed-list tbody');
  if (!body) { return; }
  if (!state.feeds.length) {
    body.replaceChildren(el('tr', {}, el('td', { colspan: 4, class: 'muted' }, t('noFeeds'))));
    return;
  }
  body.replaceChildren(...state.feeds.map((feed) => el('tr', { 'data-id': feed.id },
    el('td', {}, text(feed.name) || feed.organizationId || feed.agreementId),
    el('td', {}, t(feed.scope)),
    el('td', {}, el('time', { datetime: feed.createdAt }, fmt.dateTime(feed.createdAt))),
    el('td', {}, el('button', { type: 'button', class: 'danger', onclick: () => revoke(feed) }, t('revoke'))))));
}

async function revoke(feed) {
  if (!window.confirm(t('revokeConfirm'))) { return; }
  try {
    await send('DELETE', `api/v1/calendar/feeds/${encodeURIComponent(feed.id)}`);
    notify(t('revoked'));
    $('calendar-feed-created').hidden = true;
    await loadFeeds();
  }
  catch (error) { notify((error.problem && (error.problem.detail || error.problem.title)) || t('forbidden'), 'error'); }
}

// ------------------------------------------------------------------ live

let refreshTimer = null;
let streamOpened = false;

/** Bursts of changes (an import, a replay) become one read. */
function refreshSoon() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(load, 300);
}

function liveState(status) {
  const badge = $('calendar-live');
  badge.dataset.state = status;
  badge.className = status === 'live' ? 'badge ok' : 'badge warn';
  badge.textContent = t(status);
  // what changed while the stream was reconnecting is not replayed: read again
  if (status === 'live') { if (streamOpened) { refreshSoon(); } streamOpened = true; }
}

// ------------------------------------------------------------------ start

async function main() {
  readHash();
  await start({ page: 'calendar', texts: TEXTS });
  $('calendar-prev').addEventListener('click', () => moveTo(addMonths(state.month, -1)));
  $('calendar-next').addEventListener('click', () => moveTo(addMonths(state.month, 1)));
  $('calendar-today').addEventListener('click', () => moveTo(fmt.today().substring(0, 7)));
  document.querySelectorAll('[data-view]').forEach((button) => button.addEventListener('click', () => setView(button.dataset.view)));
  $('calendar-organization').addEventListener('change', (event) => { state.organizationId = event.target.value; writeHash(); load(); });
  $('calendar-agreement').addEventListener('change', (event) => { state.agreementId = event.target.value; writeHash(); load(); });
  $('calendar-filter-form').addEventListener('submit', (event) => { event.preventDefault(); load(); });
  writeHash();
  const loaded = load();
  const [organizations, agreements] = await Promise.all([
    loadAll('api/v1/organizations').catch(() => []), loadAll('api/v1/agreements').catch(() => [])]);
  state.organizations = organizations;
  state.agreements = agreements;
  drawFilters();
  if (canEdit() && $('calendar-feed-form')) {
    $('calendar-feed-form').addEventListener('submit', createFeed);
    document.querySelectorAll('input[name="scope"]').forEach((radio) => radio.addEventListener('change', chooseScope));
    document.querySelectorAll('[data-copy]').forEach((button) => button.addEventListener('click', copy));
    drawFeedChoices();
    loadFeeds();
  }
  await loaded;
  liveUpdates(refreshSoon, liveState);
  onLanguageChange(() => { drawFilters(); if (canEdit()) { drawFeedChoices(); drawFeeds(); } draw(); });
  document.documentElement.lang = lang();
}

main();
