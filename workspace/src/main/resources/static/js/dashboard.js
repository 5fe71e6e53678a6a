// The operations dashboard: the portfolio at #/, one agreement at #/agreements/{id}.
// Reads reporting-service's JSON API through the workspace, redraws the open view on every
// server-sent event (no reload), polls the pipeline's health on its own timer.
// Text is always set as text (el(), textContent), never innerHTML, so a title containing
// HTML shows as text.
import { start, t, text, el, fmt, api, lang, onLanguageChange, liveUpdates } from './app.js';

const TEXTS = {
  vi: {
    heading: 'Bảng điều hành', portfolio: 'Danh mục chương trình', code: 'Mã',
    program: 'Chương trình', status: 'Trạng thái', activities: 'Hoạt động', thisYear: 'Năm nay',
    conferences: 'Hội nghị XTĐT', investors: 'Nhà đầu tư', mous: 'MoU', capital: 'Vốn đăng ký',
    nextReview: 'Sơ kết tiếp theo', behind: 'Cam kết chậm', upcomingReviews: 'Sơ kết sắp tới',
    pipeline: 'Tình trạng luồng sự kiện', group: 'Dịch vụ (nhóm)', topic: 'Chủ đề', lag: 'Độ trễ (bản ghi)',
    deadLetters: 'Thư chết (DLQ): ', outbox: 'Hàng đợi outbox', unavailable: 'không có số liệu',
    service: 'Dịch vụ', parked: 'Bản ghi chờ (parked)', readiness: 'Sẵn sàng (MongoDB, Kafka)', ready_UP: 'sẵn sàng', ready_DOWN: 'chưa sẵn sàng',
    ready_OUT_OF_SERVICE: 'ngừng phục vụ', ready_UNREACHABLE: 'không kết nối được', ready_NO_ANSWER: 'không trả lời',
    pipelineUnavailable: 'Không đọc được tình trạng luồng sự kiện.',
    back: '← Danh mục', exportCsv: 'Xuất CSV', exportXlsx: 'Xuất XLSX', reportHtml: 'Báo cáo sơ kết (HTML)',
    reportPdf: 'Báo cáo sơ kết (PDF)', openAgreement: 'Mở thỏa thuận', notifications: 'Thông báo',
    byYear: 'Hoạt động theo năm và loại',
    commitmentsChart: 'Cam kết năm nay: chỉ tiêu, kế hoạch, đã thực hiện', commitments: 'Cam kết',
    commitment: 'Cam kết', target: 'Chỉ tiêu/năm', planned: 'Kế hoạch', held: 'Đã thực hiện', achieved: 'Đạt được',
    feed: 'Hoạt động gần đây', updated: 'Cập nhật lúc ', overdue: 'quá hạn',
    stream_live: 'Trực tiếp', stream_reconnecting: 'Đang kết nối lại', checkedAt: 'Kiểm tra lúc ',
    host: 'chủ trì: ', sent: 'đã gửi', late: 'trễ', failed: 'lỗi', parties: 'Các bên: ',
    ACTIVE: 'Đang hiệu lực', DRAFT: 'Dự thảo', SUSPENDED: 'Tạm dừng', TERMINATED: 'Chấm dứt', EXPIRED: 'Hết hạn',
    PLANNED: 'Kế hoạch', COMPLETED: 'Đã thực hiện', CANCELLED: 'Đã hủy', OPEN: 'Chưa thực hiện',
    IN_PROGRESS: 'Đang thực hiện', DONE: 'Hoàn thành', DROPPED: 'Bỏ', UPCOMING: 'Sắp tới', DUE: 'Đến hạn',
    OVERDUE: 'Quá hạn', HELD: 'Đã tổ chức', LEAD: 'Chủ trì', PARTNER: 'Đối tác',
    INVESTMENT_PROMOTION_CONFERENCE: 'Hội nghị XTĐT', TRADE_PROMOTION: 'Xúc tiến thương mại',
    INFORMATION_EXCHANGE: 'Trao đổi thông tin', DOCUMENT_SHARING: 'Chia sẻ tài liệu',
    WEBSITE_PROMOTION: 'Quảng bá trên website', EXPERIENCE_EXCHANGE: 'Trao đổi kinh nghiệm', TRAINING: 'Đào tạo',
    SITE_VISIT: 'Khảo sát', JOINT_MEETING: 'Họp liên tịch', SPORTS_EVENT: 'Giao lưu thể thao',
    ANNUAL_REVIEW: 'Sơ kết', OTHER: 'Khác', awaiting: 'Chờ chấp thuận: ', PENDING: 'chờ chấp thuận',
    DECLINED: 'từ chối', ACCEPTED: 'đã chấp thuận'
  },
  en: {
    heading: 'Operations dashboard', portfolio: 'Portfolio', code: 'Code', program: 'Program',
    status: 'Status', activities: 'Activities', thisYear: 'This year', conferences: 'Conferences',
    investors: 'Investors', mous: 'MoUs', capital: 'Registered capital', nextReview: 'Next review',
    behind: 'Behind target', upcomingReviews: 'Upcoming reviews', pipeline: 'Pipeline health',
    group: 'Service (group)', topic: 'Topic', lag: 'Lag (records)', deadLetters: 'Dead letters: ',
    outbox: 'Outbox backlog', unavailable: 'not available', back: '← Portfolio', exportCsv: 'Export CSV',
    service: 'Service', parked: 'Parked records', readiness: 'Ready (MongoDB, Kafka)', ready_UP: 'ready', ready_DOWN: 'not ready',
    ready_OUT_OF_SERVICE: 'out of service', ready_UNREACHABLE: 'unreachable', ready_NO_ANSWER: 'no answer',
    pipelineUnavailable: 'The pipeline health could not be read.',
    exportXlsx: 'Export XLSX', reportHtml: 'Annual review report (HTML)', reportPdf: 'Annual review report (PDF)',
    openAgreement: 'Open the agreement', notifications: 'Notifications', byYear: 'Activities by year and type',
    commitmentsChart: 'Commitments this year: target, planned, held', commitments: 'Commitments',
    commitment: 'Commitment', target: 'Target/year', planned: 'Planned', held: 'Held', achieved: 'Achieved',
    feed: 'Recent activity', updated: 'Updated at ', overdue: 'overdue', host: 'host: ', sent: 'sent', late: 'late',
    stream_live: 'Live', stream_reconnecting: 'Reconnecting', checkedAt: 'Checked at ',
    failed: 'failed', parties: 'Parties: ',
    ACTIVE: 'Active', DRAFT: 'Draft', SUSPENDED: 'Suspended', TERMINATED: 'Terminated', EXPIRED: 'Expired',
    PLANNED: 'Planned', COMPLETED: 'Completed', CANCELLED: 'Cancelled', OPEN: 'Open', IN_PROGRESS: 'In progress',
    DONE: 'Done', DROPPED: 'Dropped', UPCOMING: 'Upcoming', DUE: 'Due', OVERDUE: 'Overdue', HELD: 'Held',
    LEAD: 'Lead', PARTNER: 'Partner',
    INVESTMENT_PROMOTION_CONFERENCE: 'Investment conference', TRADE_PROMOTION: 'Trade promotion',
    INFORMATION_EXCHANGE: 'Information exchange', DOCUMENT_SHARING: 'Document sharing',
    WEBSITE_PROMOTION: 'Website promotion', EXPERIENCE_EXCHANGE: 'Experience exchange', TRAINING: 'Training',
    SITE_VISIT: 'Site visit', JOINT_MEETING: 'Joint meeting', SPORTS_EVENT: 'Sports event',
    ANNUAL_REVIEW: 'Annual review', OTHER: 'Other', awaiting: 'Awaiting acceptance: ', PENDING: 'awaiting acceptance',
    DECLINED: 'declined', ACCEPTED: 'accepted'
  }
};

const COLORS = ['#0b5563', '#e07a1f', '#3c8d2f', '#8e44ad', '#c0392b', '#2c7fb8', '#7f8c8d', '#d4ac0d',
  '#16a085', '#6d4c41', '#ad1457', '#34495e'];
const PROGRAM_ZONE = 'Asia/Ho_Chi_Minh';
const PIPELINE_EVERY_MS = 5000;

let portfolio = [];
let pipeline = null;
let pipelineCheckedAt = null;
let agreement = null;
let updatedAt = null;
let streamState = 'reconnecting';
const charts = {};

// "this year" is the program's: on New Year's Eve in Europe it is already next year in Vietnam
function programYear() {
  return Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: PROGRAM_ZONE }).format(Date.now()));
}
// the pipeline panel says when it last asked to the second (16:44:08): it changes every 5 s
function timeWithSeconds(instant) {
  return new Intl.DateTimeFormat(fmt.locale(), { hour: '2-digit', minute: '2-digit', second: '2-digit',
    hourCycle: 'h23', timeZone: PROGRAM_ZONE }).format(new Date(instant));
}
// <time datetime="…">16:44</time>: the exact instant for machines, the program's clock for people
function timeElement(instant, withSeconds, id) {
  return el('time', { datetime: new Date(instant).toISOString(), id },
    withSeconds ? timeWithSeconds(instant) : fmt.time(instant));
}
function capital(totals) {
  const parts = Object.entries((totals && totals.registeredCapital) || {})
    .map(([currency, amount]) => fmt.money(amount, currency));
  return parts.length ? parts.join(' · ') : t('none');
}
// Chart.js draws an array as lines: long commitment titles wrap instead of slanting
function wrapLabel(label, width) {
  const lines = [];
  for (const word of String(label).split(/\s+/)) {
    const last = lines.length - 1;
    if (last >= 0 && (lines[last] + ' ' + word).length <= width) { lines[last] += ' ' + word; }
    else { lines.push(word); }
  }
  return lines;
}
function cell(row, content, numeric, field) {
  const td = el('td', { class: numeric ? 'number' : null, 'data-field': field }, content);
  row.append(td);
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
  return (review.dueOn ? fmt.date(review.dueOn) : String(review.year)) + (host ? ' · ' + t('host') + host : '');
}

function route() {
  const match = location.hash.match(/^#\/agreements\/([^/]+)$/);
  return match ? decodeURIComponent(match[1]) : null;
}

function renderLinks() {
  document.querySelectorAll('[data-export]').forEach((link) => {
    link.href = 'api/v1/dashboard/export.' + link.dataset.export + '?lang=' + lang();
  });
}

function renderPortfolio() {
  const body = document.querySelector('#portfolio tbody');
  body.replaceChildren();
  for (const entry of portfolio) {
    const row = el('tr', { class: entry.reviewOverdue ? 'overdue' : null, 'data-agreement-id': entry.agreementId });
    cell(row, entry.agreement.code, false, 'code');
    const titleCell = cell(row, el('a', { href: '#/agreements/' + encodeURIComponent(entry.agreementId) },
      text(entry.agreement.title)), false, 'title');
    const awaiting = awaitingText(entry.awaitingAcceptance);
    if (awaiting) { titleCell.append(el('div', { class: 'awaiting' }, awaiting)); }
    cell(row, t(entry.agreement.status), false, 'status');
    cell(row, fmt.number(entry.activityCount), true, 'activityCount');
    cell(row, fmt.number(entry.activitiesThisYear), true, 'activitiesThisYear');
    cell(row, fmt.number(entry.conferenceTotals.conferences), true, 'conferences');
    cell(row, fmt.number(entry.conferenceTotals.investorsAttending), true, 'investors');
    cell(row, fmt.number(entry.conferenceTotals.mousSigned), true, 'mous');
    cell(row, capital(entry.conferenceTotals), true, 'capital');
    const review = cell(row, reviewText(entry.nextReview), false, 'nextReview');
    if (entry.reviewOverdue) { review.append(el('span', { class: 'badge' }, t('overdue'))); }
    cell(row, fmt.number(entry.commitmentsBehindTarget), true, 'behind');
    body.append(row);
  }
  const reviews = document.getElementById('reviews');
  reviews.replaceChildren(...portfolio.filter((entry) => entry.nextReview && entry.nextReview.dueOn)
    .sort((a, b) => a.nextReview.dueOn.localeCompare(b.nextReview.dueOn))
    .map((entry) => el('li', {},
      entry.agreement.code + ' — ' + text(entry.agreement.title) + ': ' + reviewText(entry.nextReview),
      entry.reviewOverdue ? el('span', { class: 'badge' }, t('overdue')) : null)));
  renderPipeline();
}

function renderPipeline() {
  const lags = document.querySelector('#pipeline tbody');
  const services = document.querySelector('#services tbody');
  lags.replaceChildren();
  services.replaceChildren();
  if (pipelineCheckedAt !== null) {
    document.getElementById('pipeline-checked').replaceChildren(t('checkedAt'), timeElement(pipelineCheckedAt, true));
  }
  const dead = document.getElementById('dead-letters');
  if (!pipeline) {
    dead.textContent = pipelineCheckedAt === null ? '' : t('pipelineUnavailable');
    return;
  }
  for (const lag of pipeline.consumerLag || []) {
    const row = el('tr');
    cell(row, lag.group);
    cell(row, lag.topic);
    cell(row, fmt.number(lag.lag), true);
    lags.append(row);
  }
  const letters = (pipeline.deadLetters || []).map((d) => d.topic + ': ' + fmt.number(d.records)).join(' · ');
  dead.textContent = t('deadLetters') + (letters || '0');
  // each service's readiness probe, outbox backlog and parked records, as reporting-service
  // found them (docs/dashboard.md, "Pipeline health"); a number it could not read says so
  const known = (value) => (value === null || value === undefined ? t('unavailable') : fmt.number(value));
  for (const service of pipeline.services || []) {
    const row = el('tr', { 'data-service': service.service, class: service.status !== 'UP' ? 'overdue' : null });
    cell(row, service.service, false, 'service');
    cell(row, t('ready_' + service.status), false, 'status');
    cell(row, known(service.outboxBacklog), true, 'outboxBacklog');
    cell(row, known(service.parkedEvents), true, 'parkedEvents');
    services.append(row);
  }
}

function chart(id, config) {
  if (charts[id]) { charts[id].destroy(); }
  charts[id] = new window.Chart(document.getElementById(id), config);
}

function renderAgreement() {
  if (!agreement) { return; }
  const a = agreement;
  const id = encodeURIComponent(a.agreementId);
  const language = lang();
  document.getElementById('agreement-title').textContent = a.agreement
    ? a.agreement.code + ' — ' + text(a.agreement.title) : a.agreementId;
  document.getElementById('agreement-meta').textContent = a.agreement
    ? t(a.agreement.status) + ' · ' + t('parties') + a.parties.map((p) => (text(p.name) || p.organizationId)
      + ' (' + t(p.role) + (p.consent && p.consent !== 'ACCEPTED' ? ', ' + t(p.consent) : '') + ')').join(', ') : '';
  const awaiting = document.getElementById('agreement-awaiting');
  awaiting.textContent = awaitingText(a.awaitingAcceptance) || '';
  awaiting.hidden = !awaiting.textContent;
  const year = programYear();
  document.getElementById('agreement-csv').href = 'api/v1/dashboard/agreements/' + id + '/export.csv?lang=' + language;
  document.getElementById('agreement-xlsx').href = 'api/v1/dashboard/agreements/' + id + '/export.xlsx?lang=' + language;
  document.getElementById('report-html').href = 'api/v1/agreements/' + id + '/reports/' + year + '?lang=' + language;
  document.getElementById('report-pdf').href = 'api/v1/agreements/' + id + '/reports/' + year + '.pdf?lang=' + language;
  document.getElementById('agreement-edit').href = 'agreements.html?id=' + id;
  document.getElementById('card-activities').textContent = fmt.number(a.activityCount);
  document.getElementById('card-conferences').textContent = fmt.number(a.conferenceTotals.conferences);
  document.getElementById('card-investors').textContent = fmt.number(a.conferenceTotals.investorsAttending);
  document.getElementById('card-capital').textContent = capital(a.conferenceTotals);
  document.getElementById('card-review').textContent = reviewText(a.nextReview)
    + (a.nextReview && a.nextReview.overdue ? ' · ' + t('overdue') : '');
  document.getElementById('card-notifications').textContent = fmt.number(a.notifications.sent) + ' ' + t('sent')
    + ' · ' + fmt.number(a.notifications.late) + ' ' + t('late') + ' · ' + fmt.number(a.notifications.failed)
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
    options: { animation: false, locale: fmt.locale(), scales: { x: { stacked: true, ticks: { maxRotation: 0 } },
      y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } }
  });
  const current = a.commitments.map((c) => c.years.find((y) => y.year === year)
    || { target: c.perYear, targetValue: c.perYear, planned: 0, held: 0, achieved: 0 });
  // a sum (investors, capital) is not drawn next to counts of activities: the table shows it
  const counted = (c, y) => (c.measure === 'OUTCOME_SUM' ? null : (y.targetValue ?? y.target) || 0);
  const amount = (c, value) => (c.measure === 'OUTCOME_SUM' && c.currency ? fmt.money(value, c.currency)
    : fmt.number(value));
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
    options: { animation: false, locale: fmt.locale(), indexAxis: 'y', maintainAspectRatio: false,
      scales: { x: { beginAtZero: true, ticks: { precision: 0, maxRotation: 0 } },
        y: { ticks: { autoSkip: false, maxRotation: 0, minRotation: 0 } } } }
  });

  const commitments = document.querySelector('#commitments tbody');
  commitments.replaceChildren(...a.commitments.map((c, i) => {
    const row = el('tr', { 'data-commitment-id': c.id });
    const name = cell(row, text(c.title));
    if (c.behindTarget) { name.append(el('span', { class: 'badge' }, t('behind'))); }
    const target = current[i].targetValue ?? c.perYear;
    cell(row, target === null || target === undefined ? t('none') : amount(c, target), true);
    cell(row, fmt.number(current[i].planned), true);
    cell(row, fmt.number(current[i].held), true);
    cell(row, amount(c, current[i].achieved ?? current[i].held), true);
    cell(row, t(c.status));
    return row;
  }));
  document.getElementById('feed').replaceChildren(...a.recentActivities.map((activity) => {
    const when = fmt.date(activity.startsAt) + (activity.startsAt ? ' ' + fmt.localTime(activity.startsAt) : '');
    return el('li', {}, when + ' · ' + t(activity.type) + ' · ' + text(activity.title) + ' · ' + t(activity.status));
  }));
}

function renderUpdated() {
  const live = document.getElementById('live');
  if (updatedAt !== null) { live.replaceChildren(t('updated'), timeElement(updatedAt, false, 'updated-at')); }
}

async function refresh() {
  const id = route();
  document.getElementById('portfolio-view').hidden = id !== null;
  document.getElementById('agreement-view').hidden = id === null;
  try {
    if (id === null) {
      // the first page by code, as large as a page may be
      portfolio = await api('api/v1/dashboard', { query: { size: 200 } });
      renderPortfolio();
    }
    else {
      agreement = await api('api/v1/dashboard/agreements/' + encodeURIComponent(id));
      renderAgreement();
    }
    updatedAt = Date.now();
    renderUpdated();
  }
  catch (problem) {
    updatedAt = null;
    document.getElementById('live').textContent = problem.message;
  }
}

// A burst of events (an import, a rebuild) becomes one refresh.
let pending = null;
function refreshSoon() {
  if (pending === null) { pending = setTimeout(() => { pending = null; refresh(); }, 200); }
}

// Pipeline health on its own timer, not only when a projection changes: a lag, a backlog or
// a parked event shows even while nothing else happens. A hidden tab does not ask; it asks
// at once when shown again.
let pipelineTimer = null;
async function pollPipeline() {
  clearTimeout(pipelineTimer);
  pipelineTimer = null;
  if (document.hidden) { return; }
  if (route() === null) {
    try { pipeline = await api('api/v1/dashboard/pipeline'); }
    catch (unavailable) { pipeline = null; }
    pipelineCheckedAt = Date.now();
    renderPipeline();
  }
  if (!document.hidden) { pipelineTimer = setTimeout(pollPipeline, PIPELINE_EVERY_MS); }
}

// The event stream's state, for people: "Trực tiếp / Live" while it is open, "Đang kết nối
// lại / Reconnecting" from an error until it is open again. The browser reconnects by
// itself; a stream it gave up on (closed, e.g. the sign-in lapsed) is opened anew after a pause.
function renderStream() {
  const badge = document.getElementById('stream');
  badge.dataset.state = streamState;
  badge.textContent = t('stream_' + streamState);
}
function connect() {
  let missed = false;
  const source = liveUpdates((change) => {
    const id = route();
    if (id === null || !change.agreementId || change.agreementId === id) { refreshSoon(); }
  }, (state) => {
    streamState = state;
    renderStream();
    if (state === 'live' && missed) {
      // what changed while the stream was down is not replayed: read the view again
      refreshSoon();
    }
    if (state === 'reconnecting') {
      missed = true;
      if (source.readyState === EventSource.CLOSED) { setTimeout(connect, PIPELINE_EVERY_MS); }
    }
  });
}

onLanguageChange(() => {
  renderLinks();
  renderPortfolio();
  renderAgreement();
  renderStream();
  renderUpdated();
});
window.addEventListener('hashchange', () => { refresh(); pollPipeline(); });
// a phone turned, a window narrowed: the commitment titles wrap again to the new width
let resizing = null;
window.addEventListener('resize', () => {
  clearTimeout(resizing);
  resizing = setTimeout(() => { if (route() !== null) { renderAgreement(); } }, 200);
});
document.addEventListener('visibilitychange', () => {
  if (document.hidden) { clearTimeout(pipelineTimer); pipelineTimer = null; }
  else { pollPipeline(); }
});

start({ page: 'dashboard', texts: TEXTS });
renderLinks();
renderStream();
connect();
refresh();
pollPipeline();
