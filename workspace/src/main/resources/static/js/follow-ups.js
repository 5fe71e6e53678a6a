// "My follow-ups": what the signed-in user's organization has to follow up (the
// secretariat: every agreement's). Reviews due, commitments behind target and parties
// awaiting acceptance come from reporting-service's GET /api/v1/follow-ups (one read of the
// portfolio summaries); the failed mails themselves from notification-service's ledger,
// asked only for the agreements whose summary counts failed mail.
// Data is shown as text only (el()), never innerHTML.
import { start, t, text, el, fmt, api, onLanguageChange } from './app.js';

const TEXTS = {
  vi: {
    reviewsHeading: 'Sơ kết đến hạn hoặc quá hạn', commitmentsHeading: 'Cam kết chưa đạt chỉ tiêu',
    acceptanceHeading: 'Các bên chờ chấp thuận', mailHeading: 'Thư gửi không thành công',
    nothing: 'Không có việc cần theo dõi.', scopeAll: 'Tất cả thỏa thuận của chương trình.',
    scopeOrganization: 'Các thỏa thuận mà tổ chức của bạn ({code}) là một bên.',
    scopeUnknown: 'Chưa có thỏa thuận nào của tổ chức {code}.',
    host: 'chủ trì: ', overdue: 'quá hạn', due: 'đến hạn', responsible: 'phụ trách: ', together: 'các bên cùng thực hiện',
    progress: 'năm {year}: kế hoạch {planned}, đã thực hiện {held}, chỉ tiêu {target}',
    achievedOf: 'năm {year}: đạt {achieved} / chỉ tiêu {target}',
    awaits: 'chưa trả lời', openAgreement: 'Mở thỏa thuận để chấp thuận hoặc từ chối',
    attempts: 'số lần thử: ', failedCount: '{count} thư lỗi', seeLedger: 'Xem nhật ký thông báo',
    recipientHidden: 'người nhận ẩn', ledgerUnavailable: 'Không đọc được nhật ký thông báo; số thư lỗi theo bảng điều hành.',
    'review-reminder': 'Nhắc sơ kết', 'activity-recorded': 'Hoạt động mới', 'activity-completed': 'Hoạt động hoàn thành',
    'activity-rescheduled': 'Hoạt động đổi lịch', 'activity-cancelled': 'Hoạt động bị hủy', 'activity-digest': 'Tin tổng hợp',
    'annual-report': 'Báo cáo sơ kết', 'review-cancel': 'Hủy sơ kết', 'review-update': 'Đổi lịch sơ kết'
  },
  en: {
    reviewsHeading: 'Reviews due or overdue', commitmentsHeading: 'Commitments behind target',
    acceptanceHeading: 'Parties awaiting acceptance', mailHeading: 'Mail that failed',
    nothing: 'Nothing to follow up.', scopeAll: 'Every agreement of the program.',
    scopeOrganization: 'The agreements your organization ({code}) is a party of.',
    scopeUnknown: 'No agreement of {code} is known yet.',
    host: 'host: ', overdue: 'overdue', due: 'due', responsible: 'responsible: ', together: 'all parties together',
    progress: '{year}: {planned} planned, {held} held, target {target}',
    achievedOf: '{year}: {achieved} achieved of {target}',
    awaits: 'has not answered', openAgreement: 'Open the agreement to accept or decline',
    attempts: 'attempts: ', failedCount: '{count} failed', seeLedger: 'See the notification ledger',
    recipientHidden: 'recipient hidden', ledgerUnavailable: 'The notification ledger could not be read; failed mail as the dashboard counts it.',
    'review-reminder': 'Review reminder', 'activity-recorded': 'Activity recorded', 'activity-completed': 'Activity completed',
    'activity-rescheduled': 'Activity rescheduled', 'activity-cancelled': 'Activity cancelled', 'activity-digest': 'Daily digest',
    'annual-report': 'Annual report', 'review-cancel': 'Review cancelled', 'review-update': 'Review moved'
  }
};

/** The failed mails listed per agreement: enough to act on; the ledger page has the rest. */
const MAIL_PER_AGREEMENT = 20;

let followUps = null;
let failedMail = null; // [{agreement, entries: [...]|null, total}]

function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (match, name) => (values[name] ?? match));
}
function agreementLabel(agreement) {
  return [agreement.code, text(agreement.title)].filter(Boolean).join(' — ') || agreement.id;
}
function dashboardLink(agreement) {
  return el('a', { href: 'index.html#/agreements/' + encodeURIComponent(agreement.id) }, agreementLabel(agreement));
}

/** Draws one section: its count and its items, or "nothing to follow up". */
function section(id, items, count) {
  const list = document.getElementById(id);
  list.removeAttribute('aria-busy');
  list.replaceChildren(...(items.length ? items : [el('li', { class: 'empty' }, t('nothing'))]));
  const badge = document.getElementById(id + '-count');
  const total = count ?? items.length;
  badge.dataset.count = String(total);
  badge.textContent = fmt.number(total);
}

function reviewItem(review) {
  const host = text(review.hostName) || review.hostOrganizationId;
  return el('li', { 'data-agreement-id': review.agreement.id },
    el('strong', {}, fmt.date(review.dueOn)), ' · ', dashboardLink(review.agreement),
    review.overdue ? el('span', { class: 'badge error' }, t('overdue')) : el('span', { class: 'badge warn' }, t('due')),
    host ? el('span', { class: 'detail' }, t('host') + host) : null);
}

function commitmentItem(commitment) {
  const money = commitment.measure === 'OUTCOME_SUM' && commitment.currency;
  const amount = (value) => (money ? fmt.money(value, commitment.currency) : fmt.number(value));
  const progress = commitment.measure === 'OUTCOME_SUM'
    ? fill(t('achievedOf'), { year: commitment.year, achieved: amount(commitment.achieved), target: amount(commitment.target) })
    : fill(t('progress'), { year: commitment.year, planned: fmt.number(commitment.planned),
      held: fmt.number(commitment.held), target: fmt.number(commitment.target) });
  const responsible = commitment.responsibleOrganizationId
    ? text(commitment.responsibleName) || commitment.responsibleOrganizationId : t('together');
  return el('li', { 'data-agreement-id': commitment.agreement.id, 'data-commitment-id': commitment.commitmentId },
    el('strong', {}, text(commitment.title)), ' · ', dashboardLink(commitment.agreement),
    el('span', { class: 'detail' }, progress + ' · ' + t('responsible') + responsible));
}

function acceptanceItem(pending) {
  return el('li', { 'data-agreement-id': pending.agreement.id, 'data-organization-id': pending.organizationId },
    el('strong', {}, text(pending.name) || pending.organizationId), ' ', t('awaits'), ' · ',
    el('a', { href: 'agreements.html?id=' + encodeURIComponent(pending.agreement.id) }, agreementLabel(pending.agreement)),
    el('span', { class: 'detail' }, t('openAgreement')));
}

function ledgerLink(agreement) {
  return el('a', { href: 'ledger.html?' + new URLSearchParams({ agreementId: agreement.id, status: 'FAILED' }) },
    t('seeLedger'));
}

function mailItems() {
  const items = [];
  for (const group of failedMail || []) {
    if (group.entries === null) {
      // the ledger could not be read: the dashboard's count stands in
      items.push(el('li', { 'data-agreement-id': group.agreement.id }, dashboardLink(group.agreement), ' · ',
        fill(t('failedCount'), { count: fmt.number(group.total) }), ' · ', ledgerLink(group.agreement),
        el('span', { class: 'detail' }, t('ledgerUnavailable'))));
      continue;
    }
    for (const mail of group.entries) {
      const what = [t(mail.kind), mail.subject].filter(Boolean).join(': ');
      items.push(el('li', { 'data-agreement-id': group.agreement.id, 'data-notification-id': mail.id },
        el('strong', {}, fmt.dateTime(mail.sentAt || mail.dueAt || mail.plannedAt)), ' · ', dashboardLink(group.agreement),
        el('span', { class: 'detail' }, (mail.recipient || t('recipientHidden')) + ' · ' + what),
        el('span', { class: 'detail' }, t('attempts') + fmt.number(mail.attempts)
          + (mail.lastError ? ' · ' + mail.lastError : '')),
        ledgerLink(group.agreement)));
    }
  }
  return items;
}

function render() {
  if (!followUps) { return; }
  const scope = document.getElementById('follow-up-scope');
  scope.textContent = followUps.organizationCode === null || followUps.organizationCode === undefined ? t('scopeAll')
    : fill(t(followUps.organizationId ? 'scopeOrganization' : 'scopeUnknown'), { code: followUps.organizationCode });
  section('follow-up-reviews', followUps.reviews.map(reviewItem));
  section('follow-up-commitments', followUps.commitments.map(commitmentItem));
  section('follow-up-acceptance', followUps.acceptance.map(acceptanceItem));
  if (failedMail !== null) {
    section('follow-up-mail', mailItems(), failedMail.reduce((sum, group) => sum + group.total, 0));
  }
}

/** The failed mails of each agreement the summaries count failed mail for, in parallel. */
async function loadFailedMail() {
  failedMail = await Promise.all(followUps.failedMail.map(async (failed) => {
    try {
      const page = await api('api/v1/notifications', { query: { agreementId: failed.agreement.id, status: 'FAILED',
        size: MAIL_PER_AGREEMENT } });
      return { agreement: failed.agreement, entries: page.content || [],
        total: (page.page && page.page.totalElements) ?? (page.content || []).length };
    }
    catch (unavailable) {
      return { agreement: failed.agreement, entries: null, total: failed.failed };
    }
  }));
}

async function load() {
  try {
    followUps = await api('api/v1/follow-ups');
    render();
    await loadFailedMail();
    render();
  }
  catch (problem) {
    document.getElementById('follow-up-scope').textContent = problem.message;
  }
}

onLanguageChange(render);
start({ page: 'followUps', texts: TEXTS });
load();
