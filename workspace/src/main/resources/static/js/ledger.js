// The notification ledger: who was told what and when, late or failed, kept back
// (suppressed) and why. A paged, filtered read of notification-service's
// GET /api/v1/notifications (agreement, status, kind, and the days a notice is due: from/to,
// days of the program's zone, both included; newest first, in the order due for one kind).
// The filters live in the address (?agreementId=&status=…) so a link (from the follow-ups
// page) opens the ledger filtered. Data is shown as text only (el()), never innerHTML.
import { start, t, text, el, fmt, api, onLanguageChange, showProblem, clearProblems } from './app.js';

const TEXTS = {
  vi: {
    intro: 'Ai được báo tin gì, khi nào; thư trễ, lỗi, hay không gửi và vì sao.',
    agreement: 'Thỏa thuận', allAgreements: 'Tất cả thỏa thuận', outcome: 'Kết quả', allOutcomes: 'Tất cả',
    kind: 'Loại thông báo', allKinds: 'Tất cả loại', from: 'Đến hạn từ ngày', to: 'Đến hạn đến ngày',
    pageSize: 'Số dòng mỗi trang', datesHint: 'Khoảng ngày (giờ Việt Nam, tính cả hai ngày) lọc mọi loại thông báo theo thời điểm đến hạn.',
    apply: 'Lọc', clear: 'Bỏ lọc', caption: 'Nhật ký thông báo, mới nhất trước', time: 'Thời gian',
    recipient: 'Người nhận', what: 'Nội dung', reason: 'Lý do / lỗi', pages: 'Các trang',
    previous: '← Trang trước', next: 'Trang sau →', page: 'Trang {page}/{pages} · {total} thông báo',
    empty: 'Không có thông báo nào khớp bộ lọc.', recipientHidden: 'ẩn (chỉ các bên đã chấp thuận được xem)',
    attempts: 'số lần thử: ', dueAt: 'đến hạn: ', plannedAt: 'lên lịch: ',
    status_SENT: 'Đã gửi', status_FAILED: 'Lỗi', status_SUPPRESSED: 'Không gửi', status_PLANNED: 'Đã lên lịch',
    status_SENDING: 'Đang gửi', status_CANCELLED: 'Đã hủy',
    outcome_sent: 'đã gửi', outcome_late: 'gửi trễ', outcome_failed: 'lỗi', outcome_suppressed: 'không gửi',
    outcome_planned: 'đã lên lịch', outcome_sending: 'đang gửi', outcome_cancelled: 'đã hủy',
    'review-reminder': 'Nhắc sơ kết', 'activity-recorded': 'Hoạt động mới', 'activity-completed': 'Hoạt động hoàn thành',
    'activity-rescheduled': 'Hoạt động đổi lịch', 'activity-cancelled': 'Hoạt động bị hủy', 'activity-digest': 'Tin tổng hợp',
    'annual-report': 'Báo cáo sơ kết', 'review-cancel': 'Hủy sơ kết', 'review-update': 'Đổi lịch sơ kết'
  },
  en: {
    intro: 'Who was told what, and when; mail that was late, failed, or kept back, and why.',
    agreement: 'Agreement', allAgreements: 'All agreements', outcome: 'Outcome', allOutcomes: 'All',
    kind: 'Kind', allKinds: 'All kinds', from: 'Due from', to: 'Due until',
    pageSize: 'Rows per page', datesHint: 'The dates (Vietnam time, both days included) filter every kind of notice by the moment it is due.',
    apply: 'Filter', clear: 'Clear filters', caption: 'Notification ledger, newest first', time: 'Time',
    recipient: 'Recipient', what: 'What', reason: 'Reason / error', pages: 'Pages',
    previous: '← Previous page', next: 'Next page →', page: 'Page {page} of {pages} · {total} notices',
    empty: 'No notice matches the filters.', recipientHidden: 'hidden (shown to accepted parties only)',
    attempts: 'attempts: ', dueAt: 'due: ', plannedAt: 'planned: ',
    status_SENT: 'Sent', status_FAILED: 'Failed', status_SUPPRESSED: 'Suppressed', status_PLANNED: 'Planned',
    status_SENDING: 'Sending', status_CANCELLED: 'Cancelled',
    outcome_sent: 'sent', outcome_late: 'late', outcome_failed: 'failed', outcome_suppressed: 'suppressed',
    outcome_planned: 'planned', outcome_sending: 'sending', outcome_cancelled: 'cancelled',
    'review-reminder': 'Review reminder', 'activity-recorded': 'Activity recorded', 'activity-completed': 'Activity completed',
    'activity-rescheduled': 'Activity rescheduled', 'activity-cancelled': 'Activity cancelled', 'activity-digest': 'Daily digest',
    'annual-report': 'Annual report', 'review-cancel': 'Review cancelled', 'review-update': 'Review moved'
  }
};

const BADGES = { sent: 'ok', late: 'warn', failed: 'error', suppressed: 'suppressed' };

const form = document.getElementById('ledger-form');
let agreements = new Map(); // id → {code, title}
let page = 0;
let result = null;

/** The filters as the address holds them. */
function filters() {
  const values = {};
  for (const name of ['agreementId', 'status', 'kind', 'from', 'to', 'size']) {
    const value = form.elements[name].value;
    if (value) { values[name] = value; }
  }
  return values;
}

/** The days go as they are (2026-12-04): the service reads them in the program's zone, "to" included. */
function request(values) {
  return api('api/v1/notifications', { query: { agreementId: values.agreementId, status: values.status,
    kind: values.kind, from: values.from, to: values.to, size: values.size || 50, page } });
}

/** sent, late, failed, suppressed, or the status itself (planned, sending, cancelled). */
function outcome(entry) {
  if (entry.status === 'SENT') { return entry.late ? 'late' : 'sent'; }
  return String(entry.status || '').toLowerCase();
}

function agreementCell(id) {
  const known = agreements.get(id);
  if (!id) { return t('none'); }
  return el('a', { href: 'index.html#/agreements/' + encodeURIComponent(id) },
    known ? [known.code, text(known.title)].filter(Boolean).join(' — ') : id);
}

function row(entry) {
  const kind = outcome(entry);
  const when = entry.sentAt || entry.dueAt || entry.plannedAt;
  const explanation = entry.status === 'SUPPRESSED' ? entry.reason : entry.lastError;
  // data-label: a phone shows each row as a card, every value under its column's name
  const column = (field, label, ...content) => el('td', { 'data-field': field, 'data-label': t(label),
    class: field === 'time' ? 'when' : null }, el('div', {}, ...content));
  return el('tr', { 'data-outcome': kind, 'data-kind': entry.kind },
    column('time', 'time', when ? el('time', { datetime: when }, fmt.dateTime(when)) : t('none'),
      entry.dueAt && entry.dueAt !== when ? el('span', { class: 'detail' }, t('dueAt') + fmt.dateTime(entry.dueAt)) : null),
    column('agreement', 'agreement', agreementCell(entry.agreementId)),
    column('recipient', 'recipient', entry.recipient || el('span', { class: 'muted' }, t('recipientHidden'))),
    column('kind', 'what', t(entry.kind), entry.subject ? el('span', { class: 'detail' }, entry.subject) : null),
    column('outcome', 'outcome', el('span', { class: 'badge ' + (BADGES[kind] || '') }, t('outcome_' + kind)),
      entry.attempts > 1 ? el('span', { class: 'detail' }, t('attempts') + fmt.number(entry.attempts)) : null),
    column('reason', 'reason', explanation || ''));
}

function render() {
  if (!result) { return; }
  const entries = result.content || [];
  const info = result.page || { number: page, totalPages: 1, totalElements: entries.length };
  const body = document.querySelector('#ledger-list tbody');
  body.replaceChildren(...(entries.length ? entries.map(row)
    : [el('tr', {}, el('td', { colspan: 6, class: 'muted' }, t('empty')))]));
  document.getElementById('ledger-summary').textContent = t('page')
    .replace('{page}', fmt.number(info.number + 1)).replace('{pages}', fmt.number(Math.max(info.totalPages, 1)))
    .replace('{total}', fmt.number(info.totalElements));
  document.getElementById('ledger-page').textContent = fmt.number(info.number + 1) + ' / '
    + fmt.number(Math.max(info.totalPages, 1));
  document.getElementById('ledger-previous').disabled = info.number <= 0;
  document.getElementById('ledger-next').disabled = info.number + 1 >= info.totalPages;
}

async function load() {
  const values = filters();
  history.replaceState(null, '', '?' + new URLSearchParams({ ...values, ...(page ? { page } : {}) }));
  const list = document.getElementById('ledger-list');
  list.setAttribute('aria-busy', 'true');
  clearProblems(form);
  try {
    result = await request(values);
    render();
  }
  catch (problem) {
    result = null;
    document.querySelector('#ledger-list tbody').replaceChildren();
    document.getElementById('ledger-summary').textContent = '';
    // a filter the service refused (400 naming the field) shows next to that field
    showProblem(form, problem);
  }
  finally {
    list.removeAttribute('aria-busy');
  }
}

/** The agreements to pick from, by code, as the dashboard lists them. */
async function loadAgreements() {
  try {
    const portfolio = await api('api/v1/dashboard', { query: { size: 200 } });
    agreements = new Map(portfolio.map((entry) => [entry.agreementId, entry.agreement]));
  }
  catch (unavailable) {
    agreements = new Map();
  }
  drawAgreementOptions();
}

function drawAgreementOptions() {
  const select = form.elements.agreementId;
  const chosen = select.value || new URLSearchParams(location.search).get('agreementId') || '';
  select.replaceChildren(select.options[0]);
  for (const [id, agreement] of agreements) {
    select.append(el('option', { value: id }, [agreement.code, text(agreement.title)].filter(Boolean).join(' — ')));
  }
  if (chosen && !agreements.has(chosen)) { select.append(el('option', { value: chosen }, chosen)); }
  select.value = chosen;
}

function fromAddress() {
  const address = new URLSearchParams(location.search);
  for (const name of ['status', 'kind', 'from', 'to', 'size']) {
    if (address.get(name)) { form.elements[name].value = address.get(name); }
  }
  page = Math.max(0, Number(address.get('page')) || 0);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  page = 0;
  load();
});
form.addEventListener('reset', () => {
  // after the browser reset the fields
  setTimeout(() => { page = 0; load(); }, 0);
});
document.getElementById('ledger-previous').addEventListener('click', () => { page = Math.max(0, page - 1); load(); });
document.getElementById('ledger-next').addEventListener('click', () => { page += 1; load(); });
onLanguageChange(() => { drawAgreementOptions(); render(); });

start({ page: 'ledger', texts: TEXTS });
fromAddress();
loadAgreements().then(load);
