// The activities page: pick an agreement, list its activities (newest first, paged as the API
// pages), record one with the outcomes of its type, edit it with If-Match (a 412 shows what the
// other person changed), complete, reschedule or cancel it in small dialogs. Everything goes
// through the shell (app.js); data reaches the page only as text.
import {
  start, t, api, send, text, fmt, el, showProblem, clearProblems, notify, me, canEdit, lang, onLanguageChange, liveUpdates
} from './app.js';

const TEXTS = {
  vi: {
    activities: 'Hoạt động', pickAgreement: 'Chọn thỏa thuận', agreement: 'Thỏa thuận', live: 'Cập nhật trực tiếp',
    connecting: 'Đang kết nối…', connected: 'Đang cập nhật', reconnecting: 'Đang kết nối lại…',
    listHeading: 'Các hoạt động', listCaption: 'Hoạt động của thỏa thuận, mới nhất trước',
    date: 'Ngày', type: 'Loại', title: 'Tiêu đề', host: 'Đơn vị chủ trì', status: 'Trạng thái', outcomes: 'Kết quả',
    actions: 'Thao tác', pages: 'Các trang', previous: 'Trang trước', next: 'Trang sau',
    pageInfo: 'Trang {page}/{pages} · {total} hoạt động', noActivities: 'Chưa có hoạt động nào.',
    noAgreements: 'Chưa có thỏa thuận nào.', recordHeading: 'Ghi nhận hoạt động', editHeading: 'Sửa hoạt động',
    titleVi: 'Tiêu đề (tiếng Việt)', titleEn: 'Tiêu đề (tiếng Anh)', startsAt: 'Bắt đầu', endsAt: 'Kết thúc',
    province: 'Tỉnh thành', venue: 'Địa điểm', description: 'Mô tả', participants: 'Đơn vị tham gia',
    departments: 'Phòng ban tham gia', commitments: 'Cam kết liên quan', notifyPartners: 'Gửi thư báo cho các đối tác',
    notifyHint: 'Bỏ chọn khi nhập lại một hoạt động đã qua từ lâu.', datesHint: 'Ngày giờ, loại và đơn vị chủ trì không sửa ở đây; ngày giờ đổi bằng “Dời lịch”.',
    record: 'Ghi nhận', saveChanges: 'Lưu thay đổi', newActivity: 'Biểu mẫu mới', noChoices: 'Không có mục nào để chọn.',
    notActive: 'Thỏa thuận này không ở trạng thái hiệu lực (ACTIVE): không thể ghi nhận hoạt động mới.',
    completeHeading: 'Hoàn thành hoạt động', complete: 'Hoàn thành', rescheduleHeading: 'Dời lịch hoạt động',
    newStartsAt: 'Bắt đầu mới', newEndsAt: 'Kết thúc mới', rescheduleNote: 'Lý do dời lịch', reschedule: 'Dời lịch',
    cancelHeading: 'Hủy hoạt động', cancelWarning: 'Hoạt động đã hủy sẽ không thay đổi được nữa.', cancelNote: 'Lý do hủy',
    cancelActivity: 'Hủy hoạt động', completed: 'Đã ghi nhận hoàn thành.', rescheduled: 'Đã dời lịch.', cancelled: 'Đã hủy hoạt động.',
    checkForm: 'Vui lòng kiểm tra các trường được đánh dấu.', fieldRequired: 'Vui lòng nhập trường này.',
    atLeast: 'Không được nhỏ hơn {n}.', atMost: 'Không được lớn hơn {n}.', wholeNumber: 'Phải là số nguyên (hoặc tối đa 2 chữ số thập phân với số tiền).',
    httpUrl: 'Phải là đường dẫn http(s)://…', badInput: 'Giá trị không hợp lệ.', tooLong: 'Quá dài.',
    endBeforeStart: 'Kết thúc không được trước thời điểm bắt đầu.', noVisibleChange: 'Phiên bản mới không khác ở các trường hiển thị.',
    noChanges: 'Không có gì thay đổi.',
    addDocument: 'Thêm tài liệu', addPlanItem: 'Thêm nội dung', removeRow: 'Xóa dòng', documentN: 'Tài liệu {n}',
    planItemN: 'Nội dung {n}', docTitle: 'Tên tài liệu', docKind: 'Loại tài liệu', docLink: 'Đường dẫn',
    capitalAmount: 'Vốn đăng ký: số tiền', capitalCurrency: 'Vốn đăng ký: đơn vị tiền tệ', minutes: 'Biên bản',
    documentsCount: '{n} tài liệu', planItemsCount: '{n} nội dung kế hoạch', actionOn: '{action}: {title}',
    party: 'Bên tham gia', periodFrom: 'Từ {from}', periodTo: ' đến {to}',
    PLANNED: 'Dự kiến', COMPLETED: 'Đã diễn ra', CANCELLED: 'Đã hủy',
    DRAFT: 'Dự thảo', ACTIVE: 'Hiệu lực', SUSPENDED: 'Tạm dừng', TERMINATED: 'Chấm dứt', EXPIRED: 'Hết hạn',
    'type.INVESTMENT_PROMOTION_CONFERENCE': 'Hội nghị xúc tiến đầu tư', 'type.TRADE_PROMOTION': 'Xúc tiến thương mại',
    'type.INFORMATION_EXCHANGE': 'Trao đổi thông tin', 'type.DOCUMENT_SHARING': 'Chia sẻ tài liệu, biểu mẫu',
    'type.WEBSITE_PROMOTION': 'Quảng bá trên trang web', 'type.EXPERIENCE_EXCHANGE': 'Trao đổi kinh nghiệm',
    'type.TRAINING': 'Đào tạo', 'type.SITE_VISIT': 'Khảo sát thực tế', 'type.JOINT_MEETING': 'Hội nghị giao ban',
    'type.SPORTS_EVENT': 'Hội thao', 'type.ANNUAL_REVIEW': 'Sơ kết hàng năm', 'type.OTHER': 'Hoạt động khác',
    'kind.FORM': 'Biểu mẫu', 'kind.REGULATION': 'Quy chế, quy định', 'kind.REPORT': 'Báo cáo', 'kind.OTHER': 'Khác',
    'o.investorsAttending': 'Nhà đầu tư tham dự', 'o.enterprisesAttending': 'Doanh nghiệp tham dự',
    'o.investmentLeads': 'Cơ hội đầu tư', 'o.mousSigned': 'MoU đã ký', 'o.projectsRegistered': 'Dự án đăng ký',
    'o.registeredCapital': 'Vốn đăng ký', 'o.documents': 'Tài liệu', 'o.topic': 'Chủ đề',
    'o.participants': 'Số người tham gia', 'o.minutesLink': 'Biên bản (đường dẫn)', 'o.planItems': 'Kế hoạch kỳ tới'
  },
  en: {
    activities: 'Activities', pickAgreement: 'Choose an agreement', agreement: 'Agreement', live: 'Live updates',
    connecting: 'Connecting…', connected: 'Live', reconnecting: 'Reconnecting…',
    listHeading: 'Activities', listCaption: 'The agreement\'s activities, newest first',
    date: 'Date', type: 'Type', title: 'Title', host: 'Host', status: 'Status', outcomes: 'Outcomes',
    actions: 'Actions', pages: 'Pages', previous: 'Previous page', next: 'Next page',
    pageInfo: 'Page {page} of {pages} · {total} activities', noActivities: 'No activities yet.',
    noAgreements: 'There are no agreements yet.', recordHeading: 'Record an activity', editHeading: 'Edit the activity',
    titleVi: 'Title (Vietnamese)', titleEn: 'Title (English)', startsAt: 'Starts', endsAt: 'Ends',
    province: 'Province', venue: 'Venue', description: 'Description', participants: 'Participating organizations',
    departments: 'Participating departments', commitments: 'Linked commitments', notifyPartners: 'E-mail the partners',
    notifyHint: 'Clear this when typing in an activity that took place long ago.', datesHint: 'Type, host and dates are not edited here; dates change by “Reschedule”.',
    record: 'Record', saveChanges: 'Save changes', newActivity: 'New form', noChoices: 'Nothing to choose.',
    notActive: 'This agreement is not ACTIVE: no new activity can be recorded under it.',
    completeHeading: 'Complete the activity', complete: 'Complete', rescheduleHeading: 'Reschedule the activity',
    newStartsAt: 'New start', newEndsAt: 'New end', rescheduleNote: 'Why it moves', reschedule: 'Reschedule',
    cancelHeading: 'Cancel the activity', cancelWarning: 'A cancelled activity can no longer change.', cancelNote: 'Why it is cancelled',
    cancelActivity: 'Cancel the activity', completed: 'Marked as completed.', rescheduled: 'Rescheduled.', cancelled: 'Activity cancelled.',
    checkForm: 'Please check the marked fields.', fieldRequired: 'Please fill in this field.',
    atLeast: 'Must not be less than {n}.', atMost: 'Must not be more than {n}.', wholeNumber: 'Must be a whole number (an amount: at most 2 decimals).',
    httpUrl: 'Must be an http(s):// link.', badInput: 'Not a valid value.', tooLong: 'Too long.',
    endBeforeStart: 'The end must not be before the start.', noVisibleChange: 'The new version differs in no field shown here.',
    noChanges: 'Nothing changed.',
    addDocument: 'Add a document', addPlanItem: 'Add an item', removeRow: 'Remove', documentN: 'Document {n}',
    planItemN: 'Item {n}', docTitle: 'Document title', docKind: 'Kind of document', docLink: 'Link',
    capitalAmount: 'Registered capital: amount', capitalCurrency: 'Registered capital: currency', minutes: 'Minutes',
    documentsCount: '{n} documents', planItemsCount: '{n} plan items', actionOn: '{action}: {title}',
    party: 'Party', periodFrom: 'From {from}', periodTo: ' to {to}',
    PLANNED: 'Planned', COMPLETED: 'Completed', CANCELLED: 'Cancelled',
    DRAFT: 'Draft', ACTIVE: 'Active', SUSPENDED: 'Suspended', TERMINATED: 'Terminated', EXPIRED: 'Expired',
    'type.INVESTMENT_PROMOTION_CONFERENCE': 'Investment promotion conference', 'type.TRADE_PROMOTION': 'Trade promotion',
    'type.INFORMATION_EXCHANGE': 'Information exchange', 'type.DOCUMENT_SHARING': 'Document and form sharing',
    'type.WEBSITE_PROMOTION': 'Website promotion', 'type.EXPERIENCE_EXCHANGE': 'Experience exchange',
    'type.TRAINING': 'Training', 'type.SITE_VISIT': 'Site visit', 'type.JOINT_MEETING': 'Joint meeting',
    'type.SPORTS_EVENT': 'Sports event', 'type.ANNUAL_REVIEW': 'Annual review', 'type.OTHER': 'Other activity',
    'kind.FORM': 'Form', 'kind.REGULATION': 'Regulation', 'kind.REPORT': 'Report', 'kind.OTHER': 'Other',
    'o.investorsAttending': 'Investors attending', 'o.enterprisesAttending': 'Enterprises attending',
    'o.investmentLeads': 'Investment leads', 'o.mousSigned': 'MoUs signed', 'o.projectsRegistered': 'Projects registered',
    'o.registeredCapital': 'Registered capital', 'o.documents': 'Documents', 'o.topic': 'Topic',
    'o.participants': 'Participants', 'o.minutesLink': 'Minutes (link)', 'o.planItems': 'Plan for the next period'
  }
};

// The outcome fields of each type, as activity-service's OutcomeFields allows them (docs/api.md).
const FIGURES = ['investorsAttending', 'enterprisesAttending', 'investmentLeads', 'mousSigned', 'projectsRegistered'];
const OUTCOMES_BY_TYPE = {
  INVESTMENT_PROMOTION_CONFERENCE: [...FIGURES, 'registeredCapital'],
  TRADE_PROMOTION: [...FIGURES, 'registeredCapital'],
  INFORMATION_EXCHANGE: ['documents'],
  DOCUMENT_SHARING: ['documents'],
  WEBSITE_PROMOTION: ['documents'],
  EXPERIENCE_EXCHANGE: ['topic', 'participants'],
  TRAINING: ['topic', 'participants'],
  SITE_VISIT: ['topic', 'participants'],
  JOINT_MEETING: ['participants'],
  SPORTS_EVENT: ['participants'],
  ANNUAL_REVIEW: ['minutesLink', 'planItems'],
  OTHER: ['documents', 'topic', 'participants']
};
const TYPES = Object.keys(OUTCOMES_BY_TYPE);
const ALL_OUTCOMES = [...FIGURES, 'registeredCapital', 'documents', 'topic', 'participants', 'minutesLink', 'planItems'];
// The API's upper bounds (ActivityInput.OutcomesInput), so the page refuses what the API would.
const MAXIMUM = { investorsAttending: 1000000, enterprisesAttending: 1000000, investmentLeads: 1000000,
  mousSigned: 100000, projectsRegistered: 100000, participants: 1000000 };
const DOCUMENT_KINDS = ['FORM', 'REGULATION', 'REPORT', 'OTHER'];
// The API's link pattern (ActivityInput.HTTP_URL), checked by the browser too.
// Written for the `v` flag browsers compile a pattern attribute with: '/' and '|' escaped in classes.
const HTTP_URL = '[Hh][Tt][Tt][Pp][Ss]?://[^\\s\\/?#\\|]+[^\\s\\|]*';
const PAGE_SIZE = 20;

const state = {
  agreements: [], agreement: null, organizations: new Map(), page: 0, pageInfo: null, activities: [],
  // {view, etag, filled} of the activity in the form, null while recording a new one: view and etag are
  // the version the next PATCH applies to, filled the version the form was filled from
  editing: null,
  dialog: null // {kind, view, etag} of the activity a dialog acts on
};

const $ = (id) => document.getElementById(id);
const form = () => $('activity-form');
const activityPath = (id) => `api/v1/activities/${encodeURIComponent(id)}`;

function say(key, values) {
  return Object.entries(values || {}).reduce((message, [name, value]) => message.replace(`{${name}}`, value), t(key));
}

// ---------- organizations and agreements ----------

async function organization(id) {
  if (!state.organizations.has(id)) {
    state.organizations.set(id, api(`api/v1/organizations/${encodeURIComponent(id)}`).catch(() => null));
  }
  return state.organizations.get(id);
}

let organizationsKnown = new Map();

async function loadPartyOrganizations(agreement) {
  const ids = (agreement.parties || []).map((party) => party.organizationId);
  const found = await Promise.all(ids.map(organization));
  organizationsKnown = new Map(ids.map((id, i) => [id, found[i]]));
}

function organizationName(id) {
  const known = organizationsKnown.get(id);
  return known ? text(known.name) || known.code : id;
}

function organizationLabel(id) {
  const known = organizationsKnown.get(id);
  return known ? `${known.code} – ${text(known.name)}` : id;
}

function acceptedParties() {
  return ((state.agreement && state.agreement.parties) || [])
    .filter((party) => !party.consent || party.consent === 'ACCEPTED')
    .map((party) => party.organizationId);
}

function isMyOrganization(id) {
  const user = me();
  const known = organizationsKnown.get(id);
  return !!user && !!user.organizationId && (id === user.organizationId || (known && known.code === user.organizationId));
}

async function loadAgreements() {
  const agreements = [];
  for (let page = 0; page < 10; page++) {
    const answer = await api('api/v1/agreements', { query: { page, size: 200, sort: 'code' } });
    agreements.push(...(answer.content || []));
    if (!answer.page || page + 1 >= answer.page.totalPages) { break; }
  }
  state.agreements = agreements;
}

function drawPicker() {
  const picker = $('agreement-picker');
  const chosen = state.agreement ? state.agreement.id : picker.value;
  picker.replaceChildren(...state.agreements.map((agreement) => el('option', { value: agreement.id },
    `${agreement.code} – ${text(agreement.title)}${agreement.status === 'ACTIVE' ? '' : ` (${t(agreement.status)})`}`)));
  if (chosen) { picker.value = chosen; }
}

function drawAgreementSummary() {
  const summary = $('agreement-summary');
  const agreement = state.agreement;
  if (!agreement) { summary.textContent = state.agreements.length ? '' : t('noAgreements'); return; }
  const period = say('periodFrom', { from: fmt.date(agreement.startsOn) }) + (agreement.endsOn ? say('periodTo', { to: fmt.date(agreement.endsOn) }) : '');
  summary.textContent = `${t(agreement.status)} · ${period} · ${(agreement.parties || []).map((party) => organizationName(party.organizationId)).join(', ')}`;
}

async function chooseAgreement(id, { remember = true } = {}) {
  if (!id) { state.agreement = null; drawAgreementSummary(); drawList(); return; }
  try {
    state.agreement = await api(`api/v1/agreements/${encodeURIComponent(id)}`);
  }
  catch (error) { notify(error.message, 'error'); return; }
  if (remember) {
    const url = new URL(window.location.href);
    url.searchParams.set('agreement', id);
    window.history.replaceState(null, '', url);
  }
  await loadPartyOrganizations(state.agreement);
  drawAgreementSummary();
  state.page = 0;
  state.activities = [];
  state.pageInfo = null;
  if (form()) { resetForm(); }
  await loadActivities();
}

// ---------- the list ----------

async function loadActivities() {
  if (!state.agreement) { drawList(); return; }
  try {
    const answer = await api('api/v1/activities', { query: { agreementId: state.agreement.id, page: state.page,
      size: PAGE_SIZE, sort: 'startsAt,desc' } });
    state.activities = answer.content || [];
    state.pageInfo = answer.page || null;
    if (state.pageInfo && state.page > 0 && state.page >= state.pageInfo.totalPages) {
      state.page = Math.max(0, state.pageInfo.totalPages - 1);
      return loadActivities();
    }
  }
  catch (error) { notify(error.message, 'error'); }
  drawList();
}

function when(activity) {
  const start = `${fmt.date(activity.startsAt)} ${fmt.localTime(activity.startsAt)}`;
  if (!activity.endsAt) { return start; }
  const sameDay = String(activity.endsAt).substring(0, 10) === String(activity.startsAt).substring(0, 10);
  return sameDay ? `${start}–${fmt.localTime(activity.endsAt)}`
    : `${start} – ${fmt.date(activity.endsAt)} ${fmt.localTime(activity.endsAt)}`;
}

/** One outcome's value as text (for the list's summary and the conflict's changes). */
function outcomeText(field, value) {
  if (value == null || (Array.isArray(value) && !value.length)) { return ''; }
  if (field === 'registeredCapital') { return fmt.money(value.amount, value.currency); }
  if (field === 'documents') { return value.map((doc) => `${doc.title} (${t(`kind.${doc.kind}`)}) ${doc.link}`).join('; '); }
  if (field === 'planItems') { return value.join('; '); }
  if (typeof value === 'number') { return fmt.number(value); }
  return String(value);
}

function outcomeSummary(activity) {
  const outcomes = activity.outcomes || {};
  const parts = [];
  for (const field of ALL_OUTCOMES) {
    const value = outcomes[field];
    if (value == null || (Array.isArray(value) && !value.length)) { continue; }
    if (field === 'documents') {
      parts.push(el('span', {}, say('documentsCount', { n: value.length }), ': ',
        value.flatMap((doc, i) => [i ? ', ' : '', linkOrText(doc.link, doc.title)])));
    }
    else if (field === 'minutesLink') { parts.push(linkOrText(value, t('minutes'))); }
    else if (field === 'planItems') { parts.push(say('planItemsCount', { n: value.length })); }
    else if (field === 'topic') { parts.push(`${t('o.topic')}: ${value}`); }
    else { parts.push(`${t(`o.${field}`)}: ${outcomeText(field, value)}`); }
  }
  return parts.length ? parts.flatMap((part, i) => [i ? ' · ' : '', part]) : t('none');
}

/** A link only to http(s) addresses (the API allows no other); anything else stays text. */
function linkOrText(href, label) {
  return /^https?:\/\//i.test(href || '') ? el('a', { href, rel: 'noopener noreferrer', target: '_blank' }, label || href) : (label || href);
}

/** The language text() picks for a title, for the cell's lang attribute (screen readers). */
function titleLanguage(title) {
  return title && title[lang()] ? lang() : title && title.vi ? 'vi' : 'en';
}

function statusBadge(status) {
  const kind = status === 'COMPLETED' ? 'ok' : status === 'CANCELLED' ? 'error' : 'warn';
  return el('span', { class: `badge ${kind}` }, t(status));
}

function actionButton(action, label, activity, extra) {
  return el('button', { type: 'button', class: `small ${extra || ''}`.trim(), 'data-edit': true,
    dataset: { action, id: activity.id },
    'aria-label': say('actionOn', { action: t(label), title: text(activity.title) }) }, t(label));
}

function actionsOf(activity) {
  const buttons = [];
  if (activity.status !== 'CANCELLED') { buttons.push(actionButton('edit', 'edit', activity)); }
  if (activity.status === 'PLANNED') {
    buttons.push(actionButton('complete', 'complete', activity));
    buttons.push(actionButton('reschedule', 'reschedule', activity));
    buttons.push(actionButton('cancel', 'cancelActivity', activity, 'danger'));
  }
  return el('div', { class: 'row-actions' }, buttons);
}

function drawList() {
  const body = $('activity-list').tBodies[0];
  const editable = canEdit();
  const columns = editable ? 7 : 6;
  if (!state.agreement || !state.activities.length) {
    body.replaceChildren(el('tr', {}, el('td', { colspan: columns, class: 'muted' },
      state.agreements.length ? t('noActivities') : t('noAgreements'))));
  }
  else {
    body.replaceChildren(...state.activities.map((activity) => el('tr', { dataset: { id: activity.id } },
      el('td', { class: 'when' }, when(activity)),
      el('td', { class: 'type' }, t(`type.${activity.type}`)),
      el('td', { class: 'title', lang: titleLanguage(activity.title) }, text(activity.title)),
      el('td', { class: 'host' }, organizationName(activity.hostOrganizationId)),
      el('td', {}, statusBadge(activity.status),
        activity.cancellationNote ? el('p', { class: 'muted note' }, activity.cancellationNote) : null),
      el('td', { class: 'outcomes' }, outcomeSummary(activity)),
      editable ? el('td', { class: 'actions' }, actionsOf(activity)) : null)));
  }
  const info = state.pageInfo;
  $('page-info').textContent = info ? say('pageInfo', { page: state.page + 1, pages: fmt.pages(info), total: fmt.total(info) }) : '';
  $('page-previous').disabled = state.page <= 0;
  // a capped total is a lower bound: more pages may follow it
  $('page-next').disabled = !info || (!info.totalCapped && state.page + 1 >= info.totalPages);
}

function onListClick(event) {
  const button = event.target.closest('button[data-action]');
  if (!button) { return; }
  const id = button.dataset.id;
  if (button.dataset.action === 'edit') { startEdit(id); }
  else { openDialog(button.dataset.action, id); }
}

// ---------- outcome fields (the record form and the complete dialog) ----------

function field(id, labelKey, control) {
  return el('div', { class: 'field' }, el('label', { for: id, 'data-i18n': labelKey }, t(labelKey)), control);
}

/** Builds the inputs of a type's outcomes into container, filled with values; ids start with prefix. */
function drawOutcomeFields(container, prefix, type, values) {
  const outcomes = values || {};
  const allowed = OUTCOMES_BY_TYPE[type] || [];
  const numbers = el('div', { class: 'fields' });
  const parts = [numbers];
  for (const name of allowed) {
    const id = `${prefix}-${name}`;
    if (name in MAXIMUM) {
      numbers.append(field(id, `o.${name}`, el('input', { id, name: `outcomes.${name}`, type: 'number', min: 0,
        max: MAXIMUM[name], step: 1, inputmode: 'numeric', value: outcomes[name] ?? null })));
    }
    else if (name === 'registeredCapital') {
      const capital = outcomes.registeredCapital || {};
      numbers.append(field(`${id}-amount`, 'capitalAmount', el('input', { id: `${id}-amount`,
        name: 'outcomes.registeredCapital.amount', type: 'number', min: 0, step: '0.01', inputmode: 'decimal',
        value: capital.amount ?? null })));
      const currency = el('select', { id: `${id}-currency`, name: 'outcomes.registeredCapital.currency' },
        ['VND', 'USD'].map((code) => el('option', { value: code }, code)));
      currency.value = capital.currency || 'VND';
      numbers.append(field(`${id}-currency`, 'capitalCurrency', currency));
    }
    else if (name === 'topic') {
      numbers.append(field(id, 'o.topic', el('input', { id, name: 'outcomes.topic', maxlength: 300, value: outcomes.topic ?? null })));
    }
    else if (name === 'minutesLink') {
      numbers.append(field(id, 'o.minutesLink', el('input', { id, name: 'outcomes.minutesLink', type: 'url',
        pattern: HTTP_URL, maxlength: 2000, placeholder: 'https://', value: outcomes.minutesLink ?? null })));
    }
    else if (name === 'documents') {
      parts.push(repeatable(prefix, 'documents', outcomes.documents || [], documentRow, 'addDocument'));
    }
    else if (name === 'planItems') {
      parts.push(repeatable(prefix, 'planItems', outcomes.planItems || [], planItemRow, 'addPlanItem'));
    }
  }
  container.replaceChildren(...parts);
}

/** A list the user grows and shrinks: one row per item, names numbered as the API numbers them. */
function repeatable(prefix, name, items, rowOf, addKey) {
  const rows = el('div', { class: 'repeat-rows', dataset: { repeat: name } });
  const list = el('fieldset', { class: 'repeatable' }, el('legend', { 'data-i18n': `o.${name}` }, t(`o.${name}`)), rows);
  const add = () => { rows.append(rowOf(prefix, rows.children.length, {})); renumber(rows, prefix, name); };
  items.forEach((item, i) => rows.append(rowOf(prefix, i, item)));
  rows.addEventListener('click', (event) => {
    const remove = event.target.closest('button[data-remove]');
    if (!remove) { return; }
    const row = remove.closest('.repeat-row');
    const next = row.nextElementSibling || row.previousElementSibling;
    row.remove();
    renumber(rows, prefix, name);
    (next ? next.querySelector('input') : list.querySelector('button[data-add]')).focus();
  });
  list.append(el('button', { type: 'button', class: 'small', dataset: { add: name }, 'data-i18n': addKey,
    onclick: () => { add(); rows.lastElementChild.querySelector('input').focus(); } }, t(addKey)));
  return list;
}

/** Keeps ids, label fors and names (outcomes.documents[2].link) in step with the rows' order. */
function renumber(rows, prefix, name) {
  Array.from(rows.children).forEach((row, i) => {
    row.querySelectorAll('[data-key]').forEach((numbered) => {
      numbered.dataset.n = String(i + 1);
      numbered.textContent = say(numbered.dataset.key, { n: i + 1 });
    });
    row.querySelectorAll('[data-part]').forEach((input) => {
      const part = input.dataset.part;
      const id = `${prefix}-${name}-${i}${part ? `-${part}` : ''}`;
      const label = input.id ? row.querySelector(`label[for="${CSS.escape(input.id)}"]`) : null;
      input.id = id;
      input.name = `outcomes.${name}[${i}]${part ? `.${part}` : ''}`;
      if (label) { label.htmlFor = id; }
    });
  });
}

function removeButton() {
  return el('button', { type: 'button', class: 'small danger', dataset: { remove: 'true' }, 'data-i18n': 'removeRow' }, t('removeRow'));
}

function documentRow(prefix, i, doc) {
  const base = `${prefix}-documents-${i}`;
  const kind = el('select', { id: `${base}-kind`, name: `outcomes.documents[${i}].kind`, dataset: { part: 'kind' }, required: true },
    DOCUMENT_KINDS.map((code) => el('option', { value: code, 'data-i18n': `kind.${code}` }, t(`kind.${code}`))));
  kind.value = doc.kind || 'OTHER';
  return el('fieldset', { class: 'repeat-row' },
    el('legend', { dataset: { key: 'documentN', n: String(i + 1) } }, say('documentN', { n: i + 1 })),
    el('div', { class: 'fields' },
      field(`${base}-title`, 'docTitle', el('input', { id: `${base}-title`, name: `outcomes.documents[${i}].title`,
        dataset: { part: 'title' }, required: true, maxlength: 300, value: doc.title ?? null })),
      field(`${base}-kind`, 'docKind', kind),
      field(`${base}-link`, 'docLink', el('input', { id: `${base}-link`, name: `outcomes.documents[${i}].link`,
        dataset: { part: 'link' }, type: 'url', required: true, pattern: HTTP_URL, maxlength: 2000,
        placeholder: 'https://', value: doc.link ?? null }))),
    removeButton());
}

function planItemRow(prefix, i, item) {
  const id = `${prefix}-planItems-${i}`;
  return el('div', { class: 'repeat-row plan-item' },
    el('div', { class: 'field' },
      el('label', { for: id, dataset: { key: 'planItemN', n: String(i + 1) } }, say('planItemN', { n: i + 1 })),
      el('input', { id, name: `outcomes.planItems[${i}]`, dataset: { part: '' }, required: true, maxlength: 1000,
        value: typeof item === 'string' ? item : null })),
    removeButton());
}

/** The outcomes the container's inputs hold, only the type's fields, only those filled in. */
function readOutcomes(container, type) {
  const allowed = OUTCOMES_BY_TYPE[type] || [];
  const value = (name) => {
    const input = container.querySelector(`[name="${CSS.escape(name)}"]`);
    return input && input.value.trim() !== '' ? input.value.trim() : null;
  };
  const outcomes = {};
  for (const name of allowed) {
    if (name in MAXIMUM) {
      const number = value(`outcomes.${name}`);
      if (number != null) { outcomes[name] = Number(number); }
    }
    else if (name === 'registeredCapital') {
      const amount = value('outcomes.registeredCapital.amount');
      if (amount != null) { outcomes.registeredCapital = { amount: Number(amount), currency: value('outcomes.registeredCapital.currency') || 'VND' }; }
    }
    else if (name === 'documents') {
      const documents = Array.from(container.querySelectorAll('[data-repeat="documents"] > .repeat-row')).map((row) => ({
        title: row.querySelector('[data-part="title"]').value.trim(),
        kind: row.querySelector('[data-part="kind"]').value,
        link: row.querySelector('[data-part="link"]').value.trim()
      }));
      if (documents.length) { outcomes.documents = documents; }
    }
    else if (name === 'planItems') {
      const items = Array.from(container.querySelectorAll('[data-repeat="planItems"] input')).map((input) => input.value.trim());
      if (items.length) { outcomes.planItems = items; }
    }
    else {
      const one = value(`outcomes.${name}`);
      if (one != null) { outcomes[name] = one; }
    }
  }
  return outcomes;
}

// ---------- checking a form in the page ----------

function messageOf(input) {
  const validity = input.validity;
  if (validity.valueMissing) { return t('fieldRequired'); }
  if (validity.badInput) { return t('badInput'); }
  if (input.type === 'datetime-local' && validity.rangeUnderflow) { return t('endBeforeStart'); }
  if (validity.rangeUnderflow) { return say('atLeast', { n: fmt.number(Number(input.min)) }); }
  if (validity.rangeOverflow) { return say('atMost', { n: fmt.number(Number(input.max)) }); }
  if (validity.stepMismatch) { return t('wholeNumber'); }
  if (validity.typeMismatch || validity.patternMismatch) { return t('httpUrl'); }
  if (validity.tooLong) { return t('tooLong'); }
  return input.validationMessage;
}

/** The form's own checks (required, ranges, links, end not before start) as problem errors. */
function check(target) {
  const errors = [];
  for (const input of target.querySelectorAll('input, select, textarea')) {
    if (!input.name || input.disabled || input.closest('[hidden]')) { continue; }
    if (!input.checkValidity()) { errors.push({ field: input.name, message: messageOf(input) }); }
  }
  const starts = target.querySelector('[name="startsAt"]');
  const ends = target.querySelector('[name="endsAt"]');
  if (starts && ends && !ends.disabled && starts.value && ends.value && ends.value < starts.value
    && !errors.some((error) => error.field === 'endsAt')) {
    errors.push({ field: 'endsAt', message: t('endBeforeStart') });
  }
  return errors;
}

function refuse(target, errors) {
  showProblem(target, { status: 400, problem: { title: t('checkForm'), errors } });
}

// ---------- the record / edit form ----------

function checkedValues(container) {
  return Array.from(container.querySelectorAll('input[type="checkbox"]:checked')).map((input) => input.value);
}

function choice(group, index, value, label, checked, disabled) {
  const id = `${group}-${index}`;
  return el('span', { class: 'choice' },
    el('input', { type: 'checkbox', id, name: group, value, checked: !!checked, disabled: !!disabled }),
    el('label', { for: id }, label));
}

function drawTypeOptions() {
  const select = $('activity-type');
  const chosen = select.value;
  select.replaceChildren(...TYPES.map((type) => el('option', { value: type, 'data-i18n': `type.${type}` }, t(`type.${type}`))));
  if (chosen) { select.value = chosen; }
}

/** The host choices: the accepted parties; the user's own organization first chosen on a new form. */
function drawHostOptions(chosen) {
  const select = $('host');
  const hosts = acceptedParties();
  if (chosen && !hosts.includes(chosen)) { hosts.push(chosen); }
  const kept = hosts.includes(select.value) ? select.value : null;
  const current = chosen || kept || hosts.find(isMyOrganization) || hosts[0] || '';
  select.replaceChildren(...hosts.map((id) => el('option', { value: id }, organizationLabel(id))));
  select.value = current;
}

function drawParticipants(chosen) {
  const host = $('host').value;
  const selected = chosen || checkedValues($('participant-choices'));
  const ids = acceptedParties();
  selected.filter((id) => !ids.includes(id)).forEach((id) => ids.push(id));
  const choices = ids.filter((id) => id !== host)
    .map((id, i) => choice('participantOrganizationIds', i, id, organizationLabel(id), selected.includes(id)));
  $('participant-choices').replaceChildren(...(choices.length ? choices : [el('span', { class: 'muted' }, t('noChoices'))]));
}

function drawDepartments(chosen) {
  const selected = chosen || checkedValues($('department-choices'));
  const organizations = [$('host').value, ...checkedValues($('participant-choices'))];
  const offered = new Map();
  for (const id of organizations) {
    const known = organizationsKnown.get(id);
    for (const department of (known && known.departments) || []) {
      if (!offered.has(department)) { offered.set(department, `${department} (${known.code})`); }
    }
  }
  selected.filter((department) => !offered.has(department)).forEach((department) => offered.set(department, department));
  $('departments').hidden = offered.size === 0;
  $('department-choices').replaceChildren(...Array.from(offered, ([department, label], i) =>
    choice('participatingDepartments', i, department, label, selected.includes(department))));
}

function drawCommitments(chosen) {
  const selected = chosen || checkedValues($('commitment-choices'));
  const commitments = (state.agreement && state.agreement.commitments) || [];
  const choices = commitments.map((commitment, i) => choice('commitmentIds', i, commitment.id,
    `${text(commitment.title)}${commitment.dueOn ? ` (${fmt.date(commitment.dueOn)})` : ''}`, selected.includes(commitment.id)));
  selected.filter((id) => !commitments.some((commitment) => commitment.id === id))
    .forEach((id) => choices.push(choice('commitmentIds', choices.length, id, id, true)));
  $('commitment-choices').replaceChildren(...(choices.length ? choices : [el('span', { class: 'muted' }, t('noChoices'))]));
}

function outcomesShown() {
  return state.editing ? state.editing.view.status === 'COMPLETED' : $('activity-status').value === 'COMPLETED';
}

function drawFormOutcomes(values) {
  const type = $('activity-type').value;
  const kept = values || readOutcomes($('outcome-fields'), $('outcome-fields').dataset.type || type);
  $('outcome-fields').dataset.type = type;
  drawOutcomeFields($('outcome-fields'), 'form', type, kept);
  $('outcomes').hidden = !outcomesShown();
}

function drawFormAgreement() {
  const agreement = state.agreement;
  $('form-agreement').textContent = agreement ? `${agreement.code} – ${text(agreement.title)}` : t('none');
  const blocked = !state.editing && (!agreement || agreement.status !== 'ACTIVE');
  $('activity-submit').disabled = blocked;
  let hint = form().querySelector('.not-active');
  if (!hint) { hint = el('p', { class: 'not-active muted' }); form().querySelector('.form-agreement').after(hint); }
  hint.textContent = blocked && agreement ? t('notActive') : '';
  hint.hidden = !(blocked && agreement);
}

/** Back to recording a new activity under the chosen agreement. */
function resetForm() {
  const target = form();
  state.editing = null;
  target.reset();
  clearProblems(target);
  $('host').replaceChildren();
  $('ends-at').removeAttribute('min');
  for (const name of ['type', 'status', 'startsAt', 'endsAt', 'hostOrganizationId']) {
    target.querySelector(`[name="${name}"]`).disabled = false;
  }
  $('notify-field').hidden = false;
  $('dates-hint').hidden = true;
  $('activity-reload').hidden = true;
  $('form-heading').dataset.i18n = 'recordHeading';
  $('form-heading').textContent = t('recordHeading');
  $('activity-submit').dataset.i18n = 'record';
  $('activity-submit').textContent = t('record');
  drawHostOptions();
  drawParticipants([]);
  drawDepartments([]);
  drawCommitments([]);
  drawFormOutcomes({});
  drawFormAgreement();
}

/** Fills the form with an activity as read (its dates, type and host shown but not edited). */
function fillForm(view) {
  const target = form();
  clearProblems(target);
  target.querySelector('[name="type"]').value = view.type;
  target.querySelector('[name="status"]').value = view.status === 'COMPLETED' ? 'COMPLETED' : 'PLANNED';
  target.querySelector('[name="title.vi"]').value = (view.title && view.title.vi) || '';
  target.querySelector('[name="title.en"]').value = (view.title && view.title.en) || '';
  target.querySelector('[name="startsAt"]').value = String(view.startsAt || '').substring(0, 16);
  target.querySelector('[name="endsAt"]').value = String(view.endsAt || '').substring(0, 16);
  target.querySelector('[name="location.province"]').value = (view.location && view.location.province) || '';
  target.querySelector('[name="location.venue"]').value = (view.location && view.location.venue) || '';
  target.querySelector('[name="description"]').value = view.description || '';
  drawHostOptions(view.hostOrganizationId);
  drawParticipants(view.participantOrganizationIds || []);
  drawDepartments(view.participatingDepartments || []);
  drawCommitments(view.commitmentIds || []);
  drawFormOutcomes(view.outcomes || {});
}

async function startEdit(id) {
  let loaded;
  try { loaded = await api(activityPath(id), { withEtag: true }); }
  catch (error) { notify(error.message, 'error'); return; }
  state.editing = { view: loaded.body, etag: loaded.etag, filled: loaded.body };
  const target = form();
  for (const name of ['type', 'status', 'startsAt', 'endsAt', 'hostOrganizationId']) {
    target.querySelector(`[name="${name}"]`).disabled = true;
  }
  $('notify-field').hidden = true;
  $('dates-hint').hidden = false;
  $('activity-reload').hidden = true;
  $('form-heading').dataset.i18n = 'editHeading';
  $('form-heading').textContent = t('editHeading');
  $('activity-submit').dataset.i18n = 'saveChanges';
  $('activity-submit').textContent = t('saveChanges');
  fillForm(loaded.body);
  drawFormAgreement();
  $('form-heading').scrollIntoView({ block: 'start' });
  target.querySelector('[name="title.vi"]').focus();
}

function textOrNull(target, name) {
  const value = target.querySelector(`[name="${name}"]`).value.trim();
  return value === '' ? null : value;
}

/** The JSON the API takes: nested title, location and outcomes; only the type's outcomes. */
function bodyOf(target) {
  const type = target.querySelector('[name="type"]').value;
  const location = { province: textOrNull(target, 'location.province'), venue: textOrNull(target, 'location.venue') };
  const common = {
    title: { vi: textOrNull(target, 'title.vi'), en: textOrNull(target, 'title.en') },
    location: location.province || location.venue ? location : null,
    participantOrganizationIds: checkedValues($('participant-choices')),
    participatingDepartments: checkedValues($('department-choices')),
    commitmentIds: checkedValues($('commitment-choices')),
    outcomes: outcomesShown() ? readOutcomes($('outcome-fields'), type) : undefined
  };
  if (state.editing) {
    // A patch sends only what the user changed since the form was filled, so that applying it
    // again after a 412 keeps what the other person changed elsewhere (absent keeps a value).
    const changed = { ...common, description: target.querySelector('[name="description"]').value.trim(),
      location: { province: location.province, venue: location.venue } };
    const before = comparable(state.editing.filled);
    const after = comparable(changed);
    const base = comparable(state.editing.view);
    // title and location go as a whole: a part the user left alone takes the version patched
    for (const name of ['title', 'location']) {
      changed[name] = Object.fromEntries(Object.keys(after[name]).map((part) =>
        [part, before[name][part] === after[name][part] ? base[name][part] : after[name][part]]));
    }
    return Object.fromEntries(Object.entries(changed)
      .filter(([name, value]) => value !== undefined && JSON.stringify(before[name]) !== JSON.stringify(after[name])));
  }
  return {
    agreementId: state.agreement.id, type, ...common, description: textOrNull(target, 'description'),
    startsAt: target.querySelector('[name="startsAt"]').value, endsAt: target.querySelector('[name="endsAt"]').value,
    hostOrganizationId: target.querySelector('[name="hostOrganizationId"]').value,
    status: target.querySelector('[name="status"]').value, notifyPartners: $('notify-partners').checked
  };
}

/** What a patch may change, from a read activity or a patch body, in one form for comparing. */
function comparable(view) {
  const sorted = (values) => [...(values || [])].sort();
  const outcomes = {};
  for (const name of ALL_OUTCOMES) {
    const value = view.outcomes && view.outcomes[name];
    if (value == null || (Array.isArray(value) && !value.length)) { continue; }
    outcomes[name] = name === 'documents' ? value.map((doc) => ({ title: doc.title, kind: doc.kind, link: doc.link }))
      : name === 'registeredCapital' ? { amount: Number(value.amount), currency: value.currency } : value;
  }
  return {
    title: { vi: (view.title && view.title.vi) || null, en: (view.title && view.title.en) || null },
    description: view.description || '',
    location: { province: (view.location && view.location.province) || null, venue: (view.location && view.location.venue) || null },
    participantOrganizationIds: sorted(view.participantOrganizationIds),
    participatingDepartments: sorted(view.participatingDepartments),
    commitmentIds: sorted(view.commitmentIds),
    outcomes
  };
}

async function submitForm(event) {
  event.preventDefault();
  const target = form();
  if (!state.editing && !state.agreement) { return; }
  const errors = check(target);
  if (errors.length) { refuse(target, errors); return; }
  clearProblems(target);
  const button = $('activity-submit');
  const body = bodyOf(target);
  if (state.editing && !Object.keys(body).length) { notify(t('noChanges')); resetForm(); return; }
  button.disabled = true;
  try {
    if (state.editing) {
      await send('PATCH', activityPath(state.editing.view.id), body, { etag: state.editing.etag });
    }
    else {
      await send('POST', 'api/v1/activities', body);
    }
    notify(t('saved'));
    resetForm();
    await loadActivities();
  }
  catch (error) {
    if (state.editing) { await showConflictOrProblem(target, error, state.editing); }
    else { showProblem(target, error); }
    if (error.status === 412) { $('activity-reload').hidden = false; }
  }
  finally { button.disabled = !state.editing && (!state.agreement || state.agreement.status !== 'ACTIVE'); }
}

// ---------- 412: what someone else changed ----------

const COMPARED = [
  ['titleVi', (v) => v.title && v.title.vi], ['titleEn', (v) => v.title && v.title.en],
  ['description', (v) => v.description], ['startsAt', (v) => v.startsAt && `${fmt.date(v.startsAt)} ${fmt.localTime(v.startsAt)}`],
  ['endsAt', (v) => v.endsAt && `${fmt.date(v.endsAt)} ${fmt.localTime(v.endsAt)}`],
  ['province', (v) => v.location && v.location.province], ['venue', (v) => v.location && v.location.venue],
  ['host', (v) => v.hostOrganizationId && organizationName(v.hostOrganizationId)],
  ['participants', (v) => (v.participantOrganizationIds || []).map(organizationName).join(', ')],
  ['departments', (v) => (v.participatingDepartments || []).join(', ')],
  ['commitments', (v) => (v.commitmentIds || []).map(commitmentName).join(', ')],
  ['status', (v) => v.status && t(v.status)],
  ...ALL_OUTCOMES.map((name) => [`o.${name}`, (v) => outcomeText(name, v.outcomes && v.outcomes[name])])
];

function commitmentName(id) {
  const commitment = ((state.agreement && state.agreement.commitments) || []).find((one) => one.id === id);
  return commitment ? text(commitment.title) : id;
}

/** The fields whose values differ between two versions, as "label: before → after". */
function differences(before, after) {
  const changes = [];
  for (const [label, valueOf] of COMPARED) {
    const was = valueOf(before) || '';
    const is = valueOf(after) || '';
    if (was !== is) { changes.push(`${t(label)}: ${was || t('none')} → ${is || t('none')}`); }
  }
  return changes.length ? changes : [t('noVisibleChange')];
}

/**
 * On 412 reads the current version, lists what changed since the one loaded and takes the new
 * version as the base, so that applying again writes onto it; any other problem as it came.
 */
async function showConflictOrProblem(target, error, holder) {
  if (error.status !== 412) { showProblem(target, error); return; }
  try {
    const latest = await api(activityPath(holder.view.id), { withEtag: true });
    const changes = differences(holder.view, latest.body);
    holder.view = latest.body;
    holder.etag = latest.etag;
    showProblem(target, error, changes);
  }
  catch (reread) { showProblem(target, reread); }
}

function reloadLatest() {
  if (!state.editing) { return; }
  state.editing.filled = state.editing.view;
  fillForm(state.editing.view);
  $('activity-reload').hidden = true;
  form().querySelector('[name="title.vi"]').focus();
}

// ---------- complete, reschedule, cancel ----------

const DIALOGS = {
  complete: {
    prepare(target, view) { drawOutcomeFields(target.querySelector('.dialog-outcomes'), 'complete', view.type, view.outcomes || {}); },
    body(target, view) { return { outcomes: readOutcomes(target.querySelector('.dialog-outcomes'), view.type) }; },
    done: 'completed'
  },
  reschedule: {
    prepare(target, view) {
      target.querySelector('[name="startsAt"]').value = String(view.startsAt || '').substring(0, 16);
      target.querySelector('[name="endsAt"]').value = String(view.endsAt || '').substring(0, 16);
    },
    body(target) {
      return { startsAt: target.querySelector('[name="startsAt"]').value, endsAt: target.querySelector('[name="endsAt"]').value,
        note: textOrNull(target, 'note') };
    },
    done: 'rescheduled'
  },
  cancel: {
    prepare() {},
    body(target) { const note = textOrNull(target, 'note'); return note ? { note } : null; },
    done: 'cancelled'
  }
};

async function openDialog(kind, id) {
  const dialog = $(`${kind}-dialog`);
  const target = dialog.querySelector('form');
  let loaded;
  try { loaded = await api(activityPath(id), { withEtag: true }); }
  catch (error) { notify(error.message, 'error'); return; }
  target.reset();
  clearProblems(target);
  state.dialog = { kind, view: loaded.body, etag: loaded.etag };
  target.querySelector('.dialog-subject').textContent = `${text(loaded.body.title)} · ${when(loaded.body)}`;
  DIALOGS[kind].prepare(target, loaded.body);
  dialog.showModal();
  const first = target.querySelector('input, textarea, select');
  if (first) { first.focus(); }
}

async function submitDialog(event) {
  event.preventDefault();
  const target = event.currentTarget;
  const holder = state.dialog;
  if (!holder) { return; }
  const errors = check(target);
  if (errors.length) { refuse(target, errors); return; }
  clearProblems(target);
  const submit = target.querySelector('button[type="submit"]');
  submit.disabled = true;
  try {
    await send('POST', `${activityPath(holder.view.id)}/${holder.kind}`, DIALOGS[holder.kind].body(target, holder.view),
      { etag: holder.etag });
    target.closest('dialog').close();
    state.dialog = null;
    notify(t(DIALOGS[holder.kind].done));
    await loadActivities();
  }
  catch (error) { await showConflictOrProblem(target, error, holder); }
  finally { submit.disabled = false; }
}

// ---------- start ----------

function redraw() {
  drawPicker();
  drawAgreementSummary();
  drawList();
  if (form()) {
    drawTypeOptions();
    drawHostOptions();
    drawParticipants();
    drawDepartments();
    drawCommitments();
    drawFormAgreement();
    document.querySelectorAll('[data-key]').forEach((node) => {
      node.textContent = say(node.dataset.key, { n: node.dataset.n || '' });
    });
  }
}

let refreshTimer = null;

/** A change somewhere in the program: refresh the list once the burst of events is over. */
function onLiveChange(change) {
  if (!state.agreement || (change && change.agreementId && change.agreementId !== state.agreement.id)) { return; }
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(loadActivities, 400);
}

function onLiveState(live) {
  const badge = $('live-state');
  badge.dataset.i18n = live === 'live' ? 'connected' : 'reconnecting';
  badge.textContent = t(badge.dataset.i18n);
  badge.className = `badge ${live === 'live' ? 'ok' : 'warn'}`;
}

async function main() {
  await start({ page: 'activities', texts: TEXTS });
  $('activity-list').addEventListener('click', onListClick);
  $('page-previous').addEventListener('click', () => { state.page = Math.max(0, state.page - 1); loadActivities(); });
  $('page-next').addEventListener('click', () => { state.page += 1; loadActivities(); });
  $('agreement-picker').addEventListener('change', (event) => chooseAgreement(event.target.value));
  if (form()) {
    drawTypeOptions();
    form().addEventListener('submit', submitForm);
    $('activity-reset').addEventListener('click', resetForm);
    $('activity-reload').addEventListener('click', reloadLatest);
    $('activity-type').addEventListener('change', () => drawFormOutcomes());
    $('activity-status').addEventListener('change', () => { $('outcomes').hidden = !outcomesShown(); });
    $('host').addEventListener('change', () => { drawParticipants(); drawDepartments(); });
    $('participant-choices').addEventListener('change', () => drawDepartments());
    $('starts-at').addEventListener('change', () => {
      const ends = $('ends-at');
      ends.min = $('starts-at').value;
      if (!ends.value || ends.value < ends.min) { ends.value = $('starts-at').value; }
    });
  }
  for (const kind of Object.keys(DIALOGS)) {
    const dialog = $(`${kind}-dialog`);
    if (!dialog) { continue; }
    dialog.querySelector('form').addEventListener('submit', submitDialog);
    dialog.querySelector('.dialog-close').addEventListener('click', () => dialog.close());
  }
  onLanguageChange(redraw);
  try { await loadAgreements(); }
  catch (error) { notify(error.message, 'error'); }
  const wanted = new URLSearchParams(window.location.search).get('agreement');
  const first = state.agreements.find((agreement) => agreement.id === wanted)
    || state.agreements.find((agreement) => agreement.status === 'ACTIVE') || state.agreements[0];
  drawPicker();
  if (first) {
    $('agreement-picker').value = first.id;
    await chooseAgreement(first.id, { remember: first.id !== wanted });
  }
  else { drawAgreementSummary(); drawList(); if (form()) { resetForm(); } }
  liveUpdates(onLiveChange, onLiveState);
}

main();
