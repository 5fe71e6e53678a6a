// The operations dashboard: the portfolio at #/, one agreement at #/agreements/{id}.
// Reads the JSON API, redraws the open view on every server-sent event (no reload).
// Text is always set with textContent, never innerHTML, so a title containing HTML shows as text.
'use strict';

const TEXTS = {
  vi: {
    title: 'Cooperation Hub — Bảng điều hành', portfolio: 'Danh mục chương trình', code: 'Mã',
    program: 'Chương trình', status: 'Trạng thái', activities: 'Hoạt động', thisYear: 'Năm nay',
    conferences: 'Hội nghị XTĐT', investors: 'Nhà đầu tư', mous: 'MoU', capital: 'Vốn đăng ký',
    nextReview: 'Sơ kết tiếp theo', behind: 'Cam kết chậm', upcomingReviews: 'Sơ kết sắp tới',
    pipeline: 'Tình trạng luồng sự kiện', group: 'Dịch vụ (nhóm)', topic: 'Chủ đề', lag: 'Độ trễ (bản ghi)',
    deadLetters: 'Thư chết (DLQ): ', outbox: 'Hàng đợi outbox', unavailable: 'không có số liệu',
    service: 'Dịch vụ', parked: 'Bản ghi chờ (parked)', readiness: 'Sẵn sàng (MongoDB, Kafka)', ready_UP: 'sẵn sàng', ready_DOWN: 'chưa sẵn sàng',
    ready_OUT_OF_SERVICE: 'ngừng phục vụ', ready_UNREACHABLE: 'không kết nối được', ready_NO_ANSWER: 'không trả lời',
    back: '← Danh mục', exportCsv: 'Xuất CSV', exportXlsx: 'Xuất XLSX', reportHtml: 'Báo cáo sơ kết (HTML)',
    reportPdf: 'Báo cáo sơ kết (PDF)', notifications: 'Thông báo', byYear: 'Hoạt động theo năm và loại',
    commitmentsChart: 'Cam kết năm nay: chỉ tiêu, kế hoạch, đã thực hiện', commitments: 'Cam kết',
    commitment: 'Cam kết', target: 'Chỉ tiêu/năm', planned: 'Kế hoạch', held: 'Đã thực hiện', achieved: 'Đạt được',
    feed: 'Hoạt động gần đây', waiting: 'Đang kết nối…', updated: 'Cập nhật lúc ', overdue: 'quá hạn',
    stream_live: 'Trực tiếp', stream_reconnecting: 'Đang kết nối lại', checkedAt: 'Kiểm tra lúc ',
    host: 'chủ trì: ', sent: 'đã gửi', late: 'trễ', failed: 'lỗi', none: '—', parties: 'Các bên: ',
    ACTIVE: 'Đang hiệu lực', DRAFT: 'Dự thảo', SUSPENDED: 'Tạm dừng', TERMINATED: 'Chấm dứt', EXPIRED: 'Hết hạn',
    PLANNED: 'Kế hoạch', COMPLETED: 'Đã thực hiện', CANCELLED: 'Đã hủy', OPEN: 'Chưa thực hiện',
    IN_PROGRESS: 'Đang thực hiện', DONE: 'Hoàn thành', DROPPED: 'Bỏ', UPCOMING: 'Sắp tới', DUE: 'Đến hạn',
    OVERDUE: 'Quá hạn', HELD: 'Đã tổ chức', LEAD: 'Chủ trì', PARTNER: 'Đối tác',
    INVESTMENT_PROMOTION_CONFERENCE: 'Hội nghị XTĐT', TRADE_PROMOTION: 'Xúc tiến thương mại',
    INFORMATION_EXCHANGE: 'Trao đổi thông tin', DOCUMENT_SHARING: 'Chia sẻ tài liệu',
    WEBSITE_PROMOTION: 'Quảng bá trên website', EXPERIENCE_EXCHANGE: 'Trao đổi kinh nghiệm', TRAINING: 'Đào tạo',
    SITE_VISIT: 'Khảo sát', JOINT_MEETING: 'Họp liên tịch', SPORTS_EVENT: 'Giao lưu thể thao',
    ANNUAL_REVIEW: 'Sơ kết', OTHER: 'Khác', signOut: 'Đăng xuất', ADMIN: 'Ban thư ký',
    EDITOR: 'Biên tập', VIEWER: 'Xem', awaiting: 'Chờ chấp thuận: ', PENDING: 'chờ chấp thuận',
    DECLINED: 'từ chối', ACCEPTED: 'đã chấp thuận'
  },
  en: {
    title: 'Cooperation Hub — Operations dashboard', portfolio: 'Portfolio', code: 'Code', program: 'Program',
    status: 'Status', activities: 'Activities', thisYear: 'This year', conferences: 'Conferences',
    investors: 'Investors', mous: 'MoUs', capital: 'Registered capital', nextReview: 'Next review',
    behind: 'Behind target', upcomingReviews: 'Upcoming reviews', pipeline: 'Pipeline health',
    group: 'Service (group)', topic: 'Topic', lag: 'Lag (records)', deadLetters: 'Dead letters: ',
    outbox: 'Outbox backlog', unavailable: 'not available', back: '← Portfolio', exportCsv: 'Export CSV',
    service: 'Service', parked: 'Parked records', readiness: 'Ready (MongoDB, Kafka)', ready_UP: 'ready', ready_DOWN: 'not ready',
    ready_OUT_OF_SERVICE: 'out of service', ready_UNREACHABLE: 'unreachable', ready_NO_ANSWER: 'no answer',
    exportXlsx: 'Export XLSX', reportHtml: 'Annual review report (HTML)', reportPdf: 'Annual review report (PDF)',
    notifications: 'Notifications', byYear: 'Activities by year and type',
    commitmentsChart: 'Commitments this year: target, planned, held', commitments: 'Commitments',
    commitment: 'Commitment', target: 'Target/year', planned: 'Planned', held: 'Held', achieved: 'Achieved',
    feed: 'Recent activity',
    waiting: 'Connecting…', updated: 'Updated at ', overdue: 'overdue', host: 'host: ', sent: 'sent', late: 'late',
    stream_live: 'Live', stream_reconnecting: 'Reconnecting', checkedAt: 'Checked at ',
    failed: 'failed', none: '—', parties: 'Parties: ',
    ACTIVE: 'Active', DRAFT: 'Draft', SUSPENDED: 'Suspended', TERMINATED: 'Terminated', EXPIRED: 'Expired',
    PLANNED: 'Planned', COMPLETED: 'Completed', CANCELLED: 'Cancelled', OPEN: 'Open', IN_PROGRESS: 'In progress',
    DONE: 'Done', DROPPED: 'Dropped', UPCOMING: 'Upcoming', DUE: 'Due', OVERDUE: 'Overdue', HELD: 'Held',
    LEAD: 'Lead', PARTNER: 'Partner',
    INVESTMENT_PROMOTION_CONFERENCE: 'Investment conference', TRADE_PROMOTION: 'Trade promotion',
    INFORMATION_EXCHANGE: 'Information exchange', DOCUMENT_SHARING: 'Document sharing',
    WEBSITE_PROMOTION: 'Website promotion', EXPERIENCE_EXCHANGE: 'Experience exchange', TRAINING: 'Training',
    SITE_VISIT: 'Site visit', JOINT_MEETING: 'Joint meeting', SPORTS_EVENT: 'Sports event',
    ANNUAL_REVIEW: 'Annual review', OTHER: 'Other', signOut: 'Sign out', ADMIN: 'Secretariat',
    EDITOR: 'Editor', VIEWER: 'Viewer', awaiting: 'Awaiting acceptance: ', PENDING: 'awaiting acceptance',
    DECLINED: 'declined', ACCEPTED: 'accepted'
  }
};

const COLORS = ['#0b5563', '#e07a1f', '#3c8d2f', '#8e44ad', '#c0392b', '#2c7fb8', '#7f8c8d', '#d4ac0d',
  '#16a085', '#6d4c41', '#ad1457', '#34495e'];

let language = (localStorage.getItem('lang') || navigator.language || 'vi').startsWith('en') ? 'en' : 'vi';
let portfolio = [];
let pipeline = null;
let pipelineCheckedAt = null;
let agreement = null;
const charts = {};

function t(key) { return TEXTS[language][key] || key; }
function text(value) { return (value && (value[language] || value.vi || value.en)) || ''; }

// The one formatting module of the page: every number, amount, date and time shown goes
// through Intl in the page's language (vi: 16:44, 06/11/2012, 980.000.000.000 ₫), and
// times are the program's (Asia/Ho_Chi_Minh), whatever zone the browser is in.
const PROGRAM_ZONE = 'Asia/Ho_Chi_Minh';
const format = {
  locale() { return language === 'vi' ? 'vi-VN' : 'en-GB'; },
  number(value) { return new Intl.NumberFormat(format.locale()).format(value || 0); },
  money(amount, currency) {
    try {
      return new Intl.NumberFormat(format.locale(), { style: 'currency', currency }).format(amount || 0);
    }
    catch (unknownCurrency) {
      return format.number(amount) + ' ' + currency;
    }
  },
  // a calendar day or a wall-clock time of the program (LocalDate, LocalDateTime: no zone in
  // the JSON) is shown as written: read and formatted in UTC, so no zone shifts it
  date(iso) {
    if (!iso) { return t('none'); }
    const [y, m, d] = iso.substring(0, 10).split('-').map(Number);
    const style = language === 'vi' ? { day: '2-digit', month: '2-digit', year: 'numeric' }
      : { day: 'numeric', month: 'short', year: 'numeric' };
    return new Intl.DateTimeFormat(format.locale(), { ...style, timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
  },
  localTime(iso) {
    if (!iso || iso.length < 16) { return ''; }
    const [h, mi] = iso.substring(11, 16).split(':').map(Number);
    return new Intl.DateTimeFormat(format.locale(), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
      timeZone: 'UTC' }).format(new Date(Date.UTC(2000, 0, 1, h, mi)));
  },
  // "this year" is the program's: on New Year's Eve in Europe it is already next year in Vietnam
  programYear() {
    return Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: PROGRAM_ZONE }).format(Date.now()));
  },
  // an instant (a Date, or ISO with its offset) as the program's clock shows it
  time(instant, withSeconds) {
    return new Intl.DateTimeFormat(format.locale(), { hour: '2-digit', minute: '2-digit',
      second: withSeconds ? '2-digit' : undefined, hourCycle: 'h23', timeZone: PROGRAM_ZONE })
      .format(new Date(instant));
  }
};
// <time datetime="…">16:44</time>: the exact instant for machines, the program's clock for people
function timeElement(instant, withSeconds, id) {
  const node = el('time', format.time(instant, withSeconds));
  node.dateTime = new Date(instant).toISOString();
  if (id) { node.id = id; }
  return node;
}
function capital(totals) {
  const parts = Object.entries((totals && totals.registeredCapital) || {})
    .map(([currency, amount]) => format.money(amount, currency));
  return parts.length ? parts.join(' · ') : t('none');
}
// Chart.js draws an array as lines: long commitment titles wrap instead of slanting
function wrapLabel(label, width) {
  const lines = [];
  for (const word of label.split(/\s+/)) {
    const last = lines.length - 1;
    if (last >= 0 && (lines[last] + ' ' + word).length <= width) { lines[last] += ' ' + word; }
    else { lines.push(word); }
  }
  return lines;
}
function el(tag, content, className) {
  const node = document.createElement(tag);
  if (content !== undefined && content !== null) { node.textContent = content; }
  if (className) { node.className = className; }
  return node;
}
function cell(row, content, numeric, field) {
  const td = el('td', content, numeric ? 'number' : null);
  if (field) { td.dataset.field = field; }
  row.appendChild(td);
  return td;
}
// The parties that have not accepted the agreement, by name: "Chờ chấp thuận: Ban Quản lý ..."
function awaitingText(awaiting) {
  if (!awaiting || !awaiting.length) { return null; }
  return t('awaiting') + awaiting.map((p) => (text(p.name) || p.organizationId)
    + (p.consent === 'DECLINED' ? ' (' + t('DECLINED') + ')' : '')).join(', ');
}
function reviewText(review) {
  if (!review) { return t('none'); }
  const host = text(review.hostName) || review.hostOrganizationId || '';
  return (review.dueOn ? format.date(review.dueOn) : String(review.year)) + (host ? ' · ' + t('host') + host : '');
}

function route() {
  const match = location.hash.match(/^#\/agreements\/([^/]+)$/);
  return match ? decodeURIComponent(match[1]) : null;
}

function renderTexts() {
  document.documentElement.lang = language;
  document.querySelectorAll('[data-i18n]').forEach((node) => { node.textContent = t(node.dataset.i18n); });
  document.querySelectorAll('[data-lang]').forEach((button) => {
    button.classList.toggle('active', button.dataset.lang === language);
  });
  document.querySelectorAll('[data-export]').forEach((link) => {
    link.href = 'api/v1/dashboard/export.' + link.dataset.export + '?lang=' + language;
  });
}

function renderPortfolio() {
  const body = document.querySelector('#portfolio tbody');
  body.replaceChildren();
  for (const entry of portfolio) {
    const row = document.createElement('tr');
    row.dataset.agreementId = entry.agreementId;
    if (entry.reviewOverdue) { row.className = 'overdue'; }
    cell(row, entry.agreement.code, false, 'code');
    const titleCell = cell(row, null, false, 'title');
    const link = el('a', text(entry.agreement.title));
    link.href = '#/agreements/' + encodeURIComponent(entry.agreementId);
    titleCell.appendChild(link);
    const awaiting = awaitingText(entry.awaitingAcceptance);
    if (awaiting) { titleCell.appendChild(el('div', awaiting, 'awaiting')); }
    cell(row, t(entry.agreement.status), false, 'status');
    cell(row, format.number(entry.activityCount), true, 'activityCount');
    cell(row, format.number(entry.activitiesThisYear), true, 'activitiesThisYear');
    cell(row, format.number(entry.conferenceTotals.conferences), true, 'conferences');
    cell(row, format.number(entry.conferenceTotals.investorsAttending), true, 'investors');
    cell(row, format.number(entry.conferenceTotals.mousSigned), true, 'mous');
    cell(row, capital(entry.conferenceTotals), true, 'capital');
    const review = cell(row, reviewText(entry.nextReview), false, 'nextReview');
    if (entry.reviewOverdue) { review.appendChild(el('span', t('overdue'), 'badge')); }
    cell(row, format.number(entry.commitmentsBehindTarget), true, 'behind');
    body.appendChild(row);
  }
  const reviews = document.getElementById('reviews');
  reviews.replaceChildren();
  portfolio.filter((entry) => entry.nextReview && entry.nextReview.dueOn)
    .sort((a, b) => a.nextReview.dueOn.localeCompare(b.nextReview.dueOn))
    .forEach((entry) => {
      const item = el('li', entry.agreement.code + ' — ' + text(entry.agreement.title) + ': ' + reviewText(entry.nextReview));
      if (entry.reviewOverdue) { item.appendChild(el('span', t('overdue'), 'badge')); }
      reviews.appendChild(item);
    });
  renderPipeline();
}

function renderPipeline() {
  const body = document.querySelector('#pipeline tbody');
  body.replaceChildren();
  document.querySelector('#services tbody').replaceChildren();
  if (pipelineCheckedAt !== null) {
    document.getElementById('pipeline-checked').replaceChildren(t('checkedAt'), timeElement(pipelineCheckedAt, true));
  }
  if (!pipeline) { return; }
  for (const lag of pipeline.consumerLag) {
    const row = document.createElement('tr');
    cell(row, lag.group);
    cell(row, lag.topic);
    cell(row, format.number(lag.lag), true);
    body.appendChild(row);
  }
  const dead = pipeline.deadLetters.map((d) => d.topic + ': ' + format.number(d.records)).join(' · ');
  document.getElementById('dead-letters').textContent = t('deadLetters') + (dead || '0');
  // each service's readiness probe, outbox backlog and parked records, as reporting-service
  // found them (docs/dashboard.md, "Pipeline health"); a number it could not read shows as such
  const known = (value) => (value === null || value === undefined ? t('unavailable') : format.number(value));
  const services = document.querySelector('#services tbody');
  services.replaceChildren();
  for (const service of pipeline.services || []) {
    const row = document.createElement('tr');
    row.dataset.service = service.service;
    if (service.status !== 'UP') { row.className = 'overdue'; }
    cell(row, service.service, false, 'service');
    cell(row, t('ready_' + service.status), false, 'status');
    cell(row, known(service.outboxBacklog), true, 'outboxBacklog');
    cell(row, known(service.parkedEvents), true, 'parkedEvents');
    services.appendChild(row);
  }
}

function chart(id, config) {
  if (charts[id]) { charts[id].destroy(); }
  charts[id] = new Chart(document.getElementById(id), config);
}

function renderAgreement() {
  if (!agreement) { return; }
  const a = agreement;
  const id = encodeURIComponent(a.agreementId);
  document.getElementById('agreement-title').textContent = a.agreement
    ? a.agreement.code + ' — ' + text(a.agreement.title) : a.agreementId;
  document.getElementById('agreement-meta').textContent = a.agreement
    ? t(a.agreement.status) + ' · ' + t('parties') + a.parties.map((p) => (text(p.name) || p.organizationId)
      + ' (' + t(p.role) + (p.consent && p.consent !== 'ACCEPTED' ? ', ' + t(p.consent) : '') + ')').join(', ') : '';
  const awaiting = document.getElementById('agreement-awaiting');
  awaiting.textContent = awaitingText(a.awaitingAcceptance) || '';
  awaiting.hidden = !awaiting.textContent;
  const year = format.programYear();
  document.getElementById('agreement-csv').href = 'api/v1/dashboard/agreements/' + id + '/export.csv?lang=' + language;
  document.getElementById('agreement-xlsx').href = 'api/v1/dashboard/agreements/' + id + '/export.xlsx?lang=' + language;
  document.getElementById('report-html').href = 'api/v1/agreements/' + id + '/reports/' + year + '?lang=' + language;
  document.getElementById('report-pdf').href = 'api/v1/agreements/' + id + '/reports/' + year + '.pdf?lang=' + language;
  document.getElementById('card-activities').textContent = format.number(a.activityCount);
  document.getElementById('card-conferences').textContent = format.number(a.conferenceTotals.conferences);
  document.getElementById('card-investors').textContent = format.number(a.conferenceTotals.investorsAttending);
  document.getElementById('card-capital').textContent = capital(a.conferenceTotals);
  document.getElementById('card-review').textContent = reviewText(a.nextReview)
    + (a.nextReview && a.nextReview.overdue ? ' · ' + t('overdue') : '');
  document.getElementById('card-notifications').textContent = format.number(a.notifications.sent) + ' ' + t('sent')
    + ' · ' + format.number(a.notifications.late) + ' ' + t('late') + ' · ' + format.number(a.notifications.failed)
    + ' ' + t('failed');

  const years = Object.keys(a.activitiesByYear);
  const types = [...new Set(years.flatMap((y) => Object.keys(a.activitiesByYear[y])))];
  chart('chart-years', {
    type: 'bar',
    data: {
      labels: years,
      datasets: types.map((type, i) => ({ label: t(type), backgroundColor: COLORS[i % COLORS.length],
        data: years.map((y) => a.activitiesByYear[y][type] || 0) }))
    },
    options: { animation: false, locale: format.locale(), scales: { x: { stacked: true, ticks: { maxRotation: 0 } },
      y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }
  });
  const current = a.commitments.map((c) => c.years.find((y) => y.year === year)
    || { target: c.perYear, targetValue: c.perYear, planned: 0, held: 0, achieved: 0 });
  // a sum (investors, capital) is not drawn next to counts of activities: the table shows it
  const counted = (c, y) => (c.measure === 'OUTCOME_SUM' ? null : (y.targetValue ?? y.target) || 0);
  const amount = (c, value) => (c.measure === 'OUTCOME_SUM' && c.currency ? format.money(value, c.currency)
    : format.number(value));
  // horizontal bars: the titles stand on the y axis, wrapped, never rotated; the box grows
  // with the number of commitments so that every title keeps its line
  const box = document.getElementById('chart-commitments').parentNode;
  const labels = a.commitments.map((c) => wrapLabel(text(c.title), box.clientWidth < 480 ? 16 : 28));
  const lines = labels.reduce((sum, label) => sum + Math.max(label.length, 2), 0);
  box.style.height = Math.max(180, 60 + lines * 22) + 'px';
  chart('chart-commitments', {
    type: 'bar',
    data: {
      labels,
      datasets: [
        { label: t('target'), backgroundColor: COLORS[6], data: current.map((y, i) => counted(a.commitments[i], y)) },
        { label: t('planned'), backgroundColor: COLORS[1], data: current.map((y) => y.planned) },
        { label: t('held'), backgroundColor: COLORS[2], data: current.map((y) => y.held) }
      ]
    },
    options: { animation: false, locale: format.locale(), indexAxis: 'y', maintainAspectRatio: false,
      scales: { x: { beginAtZero: true, ticks: { precision: 0, maxRotation: 0 } },
        y: { ticks: { autoSkip: false, maxRotation: 0, minRotation: 0 } } } }
  });

  const commitments = document.querySelector('#commitments tbody');
  commitments.replaceChildren();
  a.commitments.forEach((c, i) => {
    const row = document.createElement('tr');
    const name = cell(row, text(c.title));
    if (c.behindTarget) { name.appendChild(el('span', t('behind'), 'badge')); }
    const target = current[i].targetValue ?? c.perYear;
    cell(row, target === null || target === undefined ? t('none') : amount(c, target), true);
    cell(row, format.number(current[i].planned), true);
    cell(row, format.number(current[i].held), true);
    cell(row, amount(c, current[i].achieved ?? current[i].held), true);
    cell(row, t(c.status));
    commitments.appendChild(row);
  });
  const feed = document.getElementById('feed');
  feed.replaceChildren();
  for (const activity of a.recentActivities) {
    const when = format.date(activity.startsAt) + (activity.startsAt ? ' ' + format.localTime(activity.startsAt) : '');
    feed.appendChild(el('li', when + ' · ' + t(activity.type)
      + ' · ' + text(activity.title) + ' · ' + t(activity.status)));
  }
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  // the sign-in lapsed: the page itself signs in again
  if (response.status === 401) { location.reload(); }
  if (!response.ok) { throw new Error(url + ': ' + response.status); }
  return response.json();
}

// Who is signed in; signing out ends the session here and at identity-service.
let me = null;
function renderMe() {
  if (me === null) { return; }
  document.getElementById('me').textContent = me.user + (me.organizationCode ? ' · ' + me.organizationCode : '')
    + ' · ' + t(me.role);
}
function cookie(name) {
  const found = document.cookie.split('; ').find((c) => c.startsWith(name + '='));
  return found ? decodeURIComponent(found.substring(name.length + 1)) : '';
}
document.getElementById('sign-out').addEventListener('click', async () => {
  const response = await fetch('logout', { method: 'POST',
    headers: { Accept: 'application/json', 'X-XSRF-TOKEN': cookie('XSRF-TOKEN') } });
  const answer = response.ok ? await response.json() : { signOutUrl: '.' };
  location.href = answer.signOutUrl;
});
getJson('api/v1/me').then((answer) => { me = answer; renderMe(); }).catch(() => {});

async function refresh() {
  const id = route();
  document.getElementById('portfolio-view').hidden = id !== null;
  document.getElementById('agreement-view').hidden = id === null;
  try {
    if (id === null) {
      // the first page by code, as large as a page may be
      portfolio = await getJson('api/v1/dashboard?size=200');
      renderPortfolio();
    }
    else {
      agreement = await getJson('api/v1/dashboard/agreements/' + encodeURIComponent(id));
      renderAgreement();
    }
    document.getElementById('live').replaceChildren(t('updated'), timeElement(Date.now(), false, 'updated-at'));
  }
  catch (error) {
    document.getElementById('live').textContent = String(error.message);
  }
}

document.querySelectorAll('[data-lang]').forEach((button) => button.addEventListener('click', () => {
  language = button.dataset.lang;
  localStorage.setItem('lang', language);
  renderTexts();
  renderMe();
  renderPortfolio();
  renderAgreement();
  renderStream();
  const updated = document.getElementById('updated-at');
  if (updated) { document.getElementById('live').replaceChildren(t('updated'), timeElement(updated.dateTime, false, 'updated-at')); }
}));
window.addEventListener('hashchange', refresh);
// a phone turned, a window narrowed: the commitment titles wrap again to the new width
let resizing = null;
window.addEventListener('resize', () => {
  clearTimeout(resizing);
  resizing = setTimeout(() => { if (route() !== null) { renderAgreement(); } }, 200);
});

// A burst of events (an import, a rebuild) becomes one refresh.
let pending = null;
function refreshSoon() {
  if (pending === null) { pending = setTimeout(() => { pending = null; refresh(); }, 200); }
}

// Pipeline health on its own timer, not only when a projection changes: a lag or a dead
// letter shows even while nothing else happens. A hidden tab does not ask; it asks at once
// when shown again.
const PIPELINE_EVERY_MS = 5000;
let pipelineTimer = null;
async function pollPipeline() {
  clearTimeout(pipelineTimer);
  pipelineTimer = null;
  if (document.hidden) { return; }
  if (route() === null) {
    try {
      pipeline = await getJson('api/v1/dashboard/pipeline');
    }
    catch (unavailable) {
      pipeline = null;
    }
    pipelineCheckedAt = Date.now();
    renderPipeline();
  }
  if (!document.hidden) { pipelineTimer = setTimeout(pollPipeline, PIPELINE_EVERY_MS); }
}
document.addEventListener('visibilitychange', () => {
  if (document.hidden) { clearTimeout(pipelineTimer); pipelineTimer = null; }
  else { pollPipeline(); }
});
window.addEventListener('hashchange', pollPipeline);

// The event stream's state, for people: "Trực tiếp / Live" while the EventSource is open,
// "Đang kết nối lại / Reconnecting" from its error until it is open again. The browser
// reconnects by itself; a stream it gave up on (closed) is opened anew after a pause.
let streamState = 'reconnecting';
function renderStream() {
  const badge = document.getElementById('stream');
  badge.dataset.state = streamState;
  badge.textContent = t('stream_' + streamState);
}
function connect() {
  const events = new EventSource('api/v1/dashboard/stream');
  let missed = false;
  events.addEventListener('open', () => {
    streamState = 'live';
    renderStream();
    // what changed while the stream was down is not replayed: read the view again
    if (missed) { refreshSoon(); }
  });
  events.addEventListener('error', () => {
    missed = true;
    streamState = 'reconnecting';
    renderStream();
    if (events.readyState === EventSource.CLOSED) { setTimeout(connect, PIPELINE_EVERY_MS); }
  });
  events.addEventListener('dashboard-changed', (event) => {
    const change = JSON.parse(event.data || '{}');
    const id = route();
    if (id === null || !change.agreementId || change.agreementId === id) { refreshSoon(); }
  });
}
renderTexts();
renderStream();
connect();
refresh();
pollPipeline();
