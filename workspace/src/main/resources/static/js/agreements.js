// Agreements: the list, one agreement (parties and their consent, lifecycle, commitments with
// their targets, review policy and host rotation, history), and the forms that create, amend
// and extend it. Everything goes to agreement-service's API as it is (docs/api.md); the page
// checks what it can before sending and shows the API's problem details next to the fields.
'use strict';

import { start, t, api, send, text, fmt, el, showProblem, showRefusal, clearProblems, me, canEdit, notify, onLanguageChange } from './app.js';

const AREAS = ['INVESTMENT_PROMOTION', 'TRADE_PROMOTION', 'ADMINISTRATIVE_REFORM', 'QUALITY_MANAGEMENT',
  'INFORMATION_AND_WEBSITE', 'LEGAL_AND_POLICY', 'INSPECTION', 'PLANNING_AND_CONSTRUCTION', 'ENVIRONMENT',
  'LABOUR_AND_TRAINING', 'RAW_MATERIAL_SOURCING', 'INFRASTRUCTURE_INVESTMENT', 'OTHER'];
const ACTIVITY_TYPES = ['INVESTMENT_PROMOTION_CONFERENCE', 'TRADE_PROMOTION', 'INFORMATION_EXCHANGE', 'DOCUMENT_SHARING',
  'WEBSITE_PROMOTION', 'EXPERIENCE_EXCHANGE', 'TRAINING', 'SITE_VISIT', 'JOINT_MEETING', 'SPORTS_EVENT', 'ANNUAL_REVIEW',
  'OTHER'];
const OUTCOMES = ['investorsAttending', 'enterprisesAttending', 'investmentLeads', 'mousSigned', 'projectsRegistered',
  'registeredCapital', 'documents', 'participants'];
const STATUSES = ['DRAFT', 'ACTIVE', 'SUSPENDED', 'TERMINATED', 'EXPIRED'];
const ROLES = ['LEAD', 'PARTNER', 'OBSERVER'];
const COMMITMENT_STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE', 'DROPPED'];
/** The lifecycle actions each status allows (the service's Transition; expiry is the service's own). */
const ACTIONS = { DRAFT: ['activate'], ACTIVE: ['suspend', 'terminate'], SUSPENDED: ['resume', 'terminate'],
  EXPIRED: ['renew'], TERMINATED: [] };
const CLOSED = ['TERMINATED', 'EXPIRED'];
const PAGE_SIZE = 50;

const TEXTS = {
  vi: {
    heading: 'Thỏa thuận hợp tác', search: 'Tìm kiếm', q: 'Từ khóa', status: 'Trạng thái', area: 'Lĩnh vực',
    party: 'Bên tham gia', all: 'Tất cả', filter: 'Lọc', newAgreement: 'Tạo thỏa thuận', code: 'Mã', title: 'Tiêu đề',
    titleVi: 'Tiêu đề tiếng Việt', titleEn: 'Tiêu đề tiếng Anh', parties: 'Các bên', period: 'Thời hạn',
    previous: 'Trang trước', next: 'Trang sau', pages: 'Các trang', pageOf: 'Trang {0}/{1} · {2} thỏa thuận', noAgreements: 'Không có thỏa thuận nào.',
    back: '← Danh sách thỏa thuận', signedOn: 'Ngày ký', startsOn: 'Ngày bắt đầu', endsOn: 'Ngày kết thúc',
    timeZone: 'Múi giờ', areas: 'Lĩnh vực hợp tác', organization: 'Tổ chức', role: 'Vai trò', consent: 'Chấp thuận',
    answer: 'Trả lời', accept: 'Chấp thuận', decline: 'Từ chối', addParty: 'Thêm bên', removeParty: 'Bỏ bên này',
    choose: '— Chọn —', inactive: '(ngừng hoạt động)', openEnded: 'không thời hạn',
    awaitingAcceptance: 'Đang chờ chấp thuận của: ', lifecycle: 'Trạng thái và thao tác', amend: 'Sửa đổi',
    action_activate: 'Kích hoạt', action_suspend: 'Tạm dừng', action_resume: 'Tiếp tục', action_terminate: 'Chấm dứt',
    action_renew: 'Gia hạn kỳ mới', action_accept: 'Chấp thuận tham gia', action_decline: 'Từ chối tham gia',
    commitments: 'Cam kết', addCommitment: 'Thêm cam kết', editCommitment: 'Sửa cam kết', noCommitments: 'Chưa có cam kết.',
    responsible: 'Đơn vị chịu trách nhiệm', target: 'Chỉ tiêu', dueOn: 'Hạn hoàn thành', since: 'Hiệu lực từ',
    commitmentStatus: 'Tình trạng', actions: 'Thao tác', reviewPolicy: 'Sơ kết hằng năm và luân phiên chủ trì',
    reviewOn: 'Sơ kết hằng năm vào ngày {0}', rotation: 'Thứ tự luân phiên chủ trì', lastHost: 'Đơn vị chủ trì lần gần nhất',
    reminders: 'Nhắc trước (ngày)', reminderLeadDays: 'Nhắc trước bao nhiêu ngày (cách nhau bằng dấu phẩy)',
    reviewMonth: 'Tháng sơ kết', reviewDay: 'Ngày sơ kết', reviewTimeZone: 'Múi giờ của lịch sơ kết',
    moveUp: 'Lên', moveDown: 'Xuống', noLastHost: '— Chưa có —',
    history: 'Lịch sử thay đổi', version: 'Phiên bản', recordedAt: 'Ghi lúc', effectiveOn: 'Ngày có hiệu lực',
    actor: 'Người thực hiện', change: 'Thay đổi', changedFields: 'Nội dung', note: 'Ghi chú', noHistory: 'Chưa có lịch sử.',
    createTitle: 'Tạo thỏa thuận (dự thảo)', amendTitle: 'Sửa đổi thỏa thuận',
    amendNote: 'Lý do sửa đổi', amendEffective: 'Ngày sửa đổi có hiệu lực (để trống: hôm nay)',
    create: 'Tạo dự thảo', saveAmendment: 'Lưu sửa đổi', saveCommitment: 'Lưu cam kết', confirm: 'Xác nhận',
    transitionEffective: 'Ngày có hiệu lực (để trống: hôm nay)', renewEndsOn: 'Kết thúc kỳ mới (để trống: dài như kỳ trước)',
    answerNote: 'Ghi chú (không bắt buộc)', transitionNote: 'Ghi chú (không bắt buộc)',
    commitmentTitleVi: 'Tên cam kết tiếng Việt', commitmentTitleEn: 'Tên cam kết tiếng Anh',
    commitmentEffective: 'Có hiệu lực từ (để trống: hôm nay)', noResponsible: '— Không chỉ định —',
    targetLegend: 'Chỉ tiêu hằng năm (không bắt buộc)', metric: 'Tên chỉ tiêu', metricHint: 'Ví dụ: HOI_NGHI_XTDT; để trống thì tự đặt',
    measure: 'Cách tính', measure_none: 'Đếm các hoạt động gắn với cam kết', measure_ACTIVITIES: 'Đếm hoạt động theo loại',
    measure_OUTCOME_SUM: 'Cộng một kết quả của các hoạt động', perYear: 'Chỉ tiêu mỗi năm', activityTypes: 'Loại hoạt động được tính',
    outcome: 'Kết quả được cộng', currency: 'Đơn vị tiền tệ', includeAreaActivities: 'Tính mọi hoạt động của các loại này trong lĩnh vực (không chỉ hoạt động gắn với cam kết)',
    yearTargets: 'Chỉ tiêu riêng cho từng năm', year: 'Năm', value: 'Giá trị', addYear: 'Thêm năm', removeYear: 'Bỏ năm này',
    perYearShort: '{0}/năm', activitiesOf: 'hoạt động: {0}', anyActivity: 'hoạt động gắn với cam kết', sumOf: 'tổng {0}',
    includesArea: 'tính cả hoạt động cùng loại ngoài cam kết', yearsDiffer: 'riêng: {0}',
    checkForm: 'Vui lòng kiểm tra lại các trường được đánh dấu.', needTwoParties: 'Cần ít nhất hai bên.',
    duplicateParty: 'Tổ chức này đã là một bên.', needArea: 'Chọn ít nhất một lĩnh vực.',
    needRotation: 'Chọn ít nhất một đơn vị chủ trì luân phiên.', startsBeforeSigned: 'Không thể bắt đầu trước ngày ký.',
    endsBeforeStart: 'Ngày kết thúc phải sau ngày bắt đầu.', leadDaysFormat: 'Nhập các số nguyên dương khác nhau, cách nhau bằng dấu phẩy.',
    noSuchDay: 'Tháng này không có ngày đó.', endsOnKept: 'Sửa đổi không bỏ được ngày kết thúc; hãy nhập một ngày.',
    nothingChanged: 'Bạn chưa thay đổi gì.', needTypes: 'Chọn ít nhất một loại hoạt động.', needOutcome: 'Chọn kết quả được cộng.',
    needCurrency: 'Chọn VND hoặc USD.', needValue: 'Nhập chỉ tiêu mỗi năm.', created: 'Đã tạo dự thảo thỏa thuận.',
    changedBy: '{0} lúc {1}: {2}', notFound: 'Không tìm thấy thỏa thuận này.', loadFailed: 'Không tải được dữ liệu',
    f_title: 'Tiêu đề', f_parties: 'Các bên', f_signedOn: 'Ngày ký', f_startsOn: 'Ngày bắt đầu', f_endsOn: 'Ngày kết thúc',
    f_timeZone: 'Múi giờ', f_areas: 'Lĩnh vực', f_reviewPolicy: 'Sơ kết và luân phiên', f_status: 'Trạng thái',
    f_commitments: 'Cam kết', f_consent: 'Chấp thuận của {0}', f_commitment: 'Cam kết «{0}»', f_area: 'lĩnh vực',
    f_responsibleOrganizationId: 'đơn vị chịu trách nhiệm', f_target: 'chỉ tiêu', f_dueOn: 'hạn', f_since: 'hiệu lực từ',
    f_version: 'phiên bản',
    area_INVESTMENT_PROMOTION: 'Xúc tiến đầu tư', area_TRADE_PROMOTION: 'Xúc tiến thương mại',
    area_ADMINISTRATIVE_REFORM: 'Cải cách hành chính', area_QUALITY_MANAGEMENT: 'Quản lý chất lượng',
    area_INFORMATION_AND_WEBSITE: 'Thông tin và trang điện tử', area_LEGAL_AND_POLICY: 'Pháp lý và chính sách',
    area_INSPECTION: 'Thanh tra, kiểm tra', area_PLANNING_AND_CONSTRUCTION: 'Quy hoạch và xây dựng',
    area_ENVIRONMENT: 'Môi trường', area_LABOUR_AND_TRAINING: 'Lao động và đào tạo',
    area_RAW_MATERIAL_SOURCING: 'Vùng nguyên liệu', area_INFRASTRUCTURE_INVESTMENT: 'Đầu tư hạ tầng', area_OTHER: 'Khác',
    type_INVESTMENT_PROMOTION_CONFERENCE: 'Hội nghị xúc tiến đầu tư', type_TRADE_PROMOTION: 'Xúc tiến thương mại',
    type_INFORMATION_EXCHANGE: 'Trao đổi thông tin', type_DOCUMENT_SHARING: 'Chia sẻ tài liệu, biểu mẫu',
    type_WEBSITE_PROMOTION: 'Quảng bá trên trang web', type_EXPERIENCE_EXCHANGE: 'Trao đổi kinh nghiệm',
    type_TRAINING: 'Đào tạo', type_SITE_VISIT: 'Khảo sát thực tế', type_JOINT_MEETING: 'Hội nghị giao ban',
    type_SPORTS_EVENT: 'Hội thao', type_ANNUAL_REVIEW: 'Sơ kết hằng năm', type_OTHER: 'Hoạt động khác',
    outcome_investorsAttending: 'Nhà đầu tư tham dự', outcome_enterprisesAttending: 'Doanh nghiệp tham dự',
    outcome_investmentLeads: 'Cơ hội đầu tư', outcome_mousSigned: 'MoU đã ký', outcome_projectsRegistered: 'Dự án đăng ký',
    outcome_registeredCapital: 'Vốn đăng ký', outcome_documents: 'Tài liệu', outcome_participants: 'Số người tham gia',
    status_DRAFT: 'Dự thảo', status_ACTIVE: 'Đang hiệu lực', status_SUSPENDED: 'Tạm dừng', status_TERMINATED: 'Chấm dứt',
    status_EXPIRED: 'Hết hạn', role_LEAD: 'Chủ trì', role_PARTNER: 'Đối tác', role_OBSERVER: 'Quan sát',
    consent_PENDING: 'Chờ chấp thuận', consent_ACCEPTED: 'Đã chấp thuận', consent_DECLINED: 'Từ chối',
    commitment_OPEN: 'Chưa thực hiện', commitment_IN_PROGRESS: 'Đang thực hiện', commitment_DONE: 'Hoàn thành',
    commitment_DROPPED: 'Bỏ',
    change_CREATED: 'Tạo', change_AMENDED: 'Sửa đổi', change_COMMITMENT_ADDED: 'Thêm cam kết',
    change_COMMITMENT_UPDATED: 'Sửa cam kết', change_ACTIVATE: 'Kích hoạt', change_SUSPEND: 'Tạm dừng',
    change_RESUME: 'Tiếp tục', change_TERMINATE: 'Chấm dứt', change_EXPIRE: 'Hết hạn', change_RENEW: 'Gia hạn',
    change_PARTY_ACCEPTED: 'Chấp thuận tham gia', change_PARTY_DECLINED: 'Từ chối tham gia',
    month: 'Tháng {0}'
  },
  en: {
    heading: 'Cooperation agreements', search: 'Search', q: 'Words', status: 'Status', area: 'Area',
    party: 'Party', all: 'All', filter: 'Filter', newAgreement: 'New agreement', code: 'Code', title: 'Title',
    titleVi: 'Title in Vietnamese', titleEn: 'Title in English', parties: 'Parties', period: 'Period',
    previous: 'Previous page', next: 'Next page', pages: 'Pages', pageOf: 'Page {0} of {1} · {2} agreements', noAgreements: 'No agreements.',
    back: '← All agreements', signedOn: 'Signed on', startsOn: 'Starts on', endsOn: 'Ends on',
    timeZone: 'Time zone', areas: 'Areas of cooperation', organization: 'Organization', role: 'Role', consent: 'Consent',
    answer: 'Answer', accept: 'Accept', decline: 'Decline', addParty: 'Add a party', removeParty: 'Remove this party',
    choose: '— Choose —', inactive: '(inactive)', openEnded: 'open-ended',
    awaitingAcceptance: 'Awaiting acceptance by: ', lifecycle: 'Status and actions', amend: 'Amend',
    action_activate: 'Activate', action_suspend: 'Suspend', action_resume: 'Resume', action_terminate: 'Terminate',
    action_renew: 'Renew for the next period', action_accept: 'Accept to take part', action_decline: 'Decline to take part',
    commitments: 'Commitments', addCommitment: 'Add a commitment', editCommitment: 'Change the commitment',
    noCommitments: 'No commitments yet.', actions: 'Actions', responsible: 'Responsible organization', target: 'Target', dueOn: 'Due on',
    since: 'In force since', commitmentStatus: 'Progress', reviewPolicy: 'Annual review and host rotation',
    reviewOn: 'Annual review on {0}', rotation: 'Hosts in turn', lastHost: 'Last host',
    reminders: 'Reminders (days before)', reminderLeadDays: 'Remind how many days before (separated by commas)',
    reviewMonth: 'Review month', reviewDay: 'Review day', reviewTimeZone: 'Time zone of the review dates',
    moveUp: 'Up', moveDown: 'Down', noLastHost: '— None yet —',
    history: 'History', version: 'Version', recordedAt: 'Recorded', effectiveOn: 'Effective on', actor: 'By',
    change: 'Change', changedFields: 'What', note: 'Note', noHistory: 'No history yet.',
    createTitle: 'New agreement (draft)', amendTitle: 'Amend the agreement',
    amendNote: 'Why (note)', amendEffective: 'Takes effect on (empty: today)',
    create: 'Create the draft', saveAmendment: 'Save the amendment', saveCommitment: 'Save the commitment', confirm: 'Confirm',
    transitionEffective: 'Effective on (empty: today)', renewEndsOn: 'The new period ends on (empty: as long as the last)',
    answerNote: 'Note (optional)', transitionNote: 'Note (optional)',
    commitmentTitleVi: 'Commitment in Vietnamese', commitmentTitleEn: 'Commitment in English',
    commitmentEffective: 'In force from (empty: today)', noResponsible: '— Nobody in particular —',
    targetLegend: 'Yearly target (optional)', metric: 'Target name', metricHint: 'E.g. IP_CONFERENCES; empty: named for you',
    measure: 'Counted as', measure_none: 'Activities linked to the commitment', measure_ACTIVITIES: 'Activities of some types',
    measure_OUTCOME_SUM: 'The sum of one outcome of the activities', perYear: 'Target per year',
    activityTypes: 'Activity types counted', outcome: 'Outcome summed', currency: 'Currency',
    includeAreaActivities: 'Count every activity of these types in the area (not only those linked to the commitment)',
    yearTargets: 'Years with their own target', year: 'Year', value: 'Value', addYear: 'Add a year', removeYear: 'Remove this year',
    perYearShort: '{0} a year', activitiesOf: 'activities: {0}', anyActivity: 'activities linked to it', sumOf: 'sum of {0}',
    includesArea: 'counts the area\'s activities of these types too', yearsDiffer: 'own targets: {0}',
    checkForm: 'Please check the marked fields.', needTwoParties: 'At least two parties are needed.',
    duplicateParty: 'This organization is already a party.', needArea: 'Choose at least one area.',
    needRotation: 'Choose at least one host for the rotation.', startsBeforeSigned: 'It cannot start before it is signed.',
    endsBeforeStart: 'The end must be after the start.', leadDaysFormat: 'Enter distinct positive whole numbers separated by commas.',
    noSuchDay: 'That month has no such day.', endsOnKept: 'An amendment cannot remove the end date; enter a date.',
    nothingChanged: 'You have not changed anything.', needTypes: 'Choose at least one activity type.',
    needOutcome: 'Choose the outcome to sum.', needCurrency: 'Choose VND or USD.', needValue: 'Enter the target per year.',
    created: 'The draft agreement is created.', changedBy: '{0} at {1}: {2}', notFound: 'This agreement does not exist.',
    loadFailed: 'Could not load the data',
    f_title: 'Title', f_parties: 'Parties', f_signedOn: 'Signed on', f_startsOn: 'Starts on', f_endsOn: 'Ends on',
    f_timeZone: 'Time zone', f_areas: 'Areas', f_reviewPolicy: 'Review and rotation', f_status: 'Status',
    f_commitments: 'Commitments', f_consent: 'Consent of {0}', f_commitment: 'Commitment “{0}”', f_area: 'area',
    f_responsibleOrganizationId: 'responsible organization', f_target: 'target', f_dueOn: 'due date', f_since: 'in force since',
    f_version: 'version',
    area_INVESTMENT_PROMOTION: 'Investment promotion', area_TRADE_PROMOTION: 'Trade promotion',
    area_ADMINISTRATIVE_REFORM: 'Administrative reform', area_QUALITY_MANAGEMENT: 'Quality management',
    area_INFORMATION_AND_WEBSITE: 'Information and website', area_LEGAL_AND_POLICY: 'Legal and policy',
    area_INSPECTION: 'Inspection', area_PLANNING_AND_CONSTRUCTION: 'Planning and construction',
    area_ENVIRONMENT: 'Environment', area_LABOUR_AND_TRAINING: 'Labour and training',
    area_RAW_MATERIAL_SOURCING: 'Raw material sourcing', area_INFRASTRUCTURE_INVESTMENT: 'Infrastructure investment',
    area_OTHER: 'Other',
    type_INVESTMENT_PROMOTION_CONFERENCE: 'Investment promotion conference', type_TRADE_PROMOTION: 'Trade promotion',
    type_INFORMATION_EXCHANGE: 'Information exchange', type_DOCUMENT_SHARING: 'Document sharing',
    type_WEBSITE_PROMOTION: 'Website promotion', type_EXPERIENCE_EXCHANGE: 'Experience exchange', type_TRAINING: 'Training',
    type_SITE_VISIT: 'Site visit', type_JOINT_MEETING: 'Joint meeting', type_SPORTS_EVENT: 'Sports event',
    type_ANNUAL_REVIEW: 'Annual review', type_OTHER: 'Other activity',
    outcome_investorsAttending: 'Investors attending', outcome_enterprisesAttending: 'Enterprises attending',
    outcome_investmentLeads: 'Investment leads', outcome_mousSigned: 'MoUs signed', outcome_projectsRegistered: 'Projects registered',
    outcome_registeredCapital: 'Registered capital', outcome_documents: 'Documents', outcome_participants: 'Participants',
    status_DRAFT: 'Draft', status_ACTIVE: 'Active', status_SUSPENDED: 'Suspended', status_TERMINATED: 'Terminated',
    status_EXPIRED: 'Expired', role_LEAD: 'Lead', role_PARTNER: 'Partner', role_OBSERVER: 'Observer',
    consent_PENDING: 'Awaiting acceptance', consent_ACCEPTED: 'Accepted', consent_DECLINED: 'Declined',
    commitment_OPEN: 'Open', commitment_IN_PROGRESS: 'In progress', commitment_DONE: 'Done', commitment_DROPPED: 'Dropped',
    change_CREATED: 'Created', change_AMENDED: 'Amended', change_COMMITMENT_ADDED: 'Commitment added',
    change_COMMITMENT_UPDATED: 'Commitment changed', change_ACTIVATE: 'Activated', change_SUSPEND: 'Suspended',
    change_RESUME: 'Resumed', change_TERMINATE: 'Terminated', change_EXPIRE: 'Expired', change_RENEW: 'Renewed',
    change_PARTY_ACCEPTED: 'Party accepted', change_PARTY_DECLINED: 'Party declined',
    month: 'Month {0}'
  }
};

const STATUS_BADGE = { ACTIVE: 'ok', SUSPENDED: 'warn', TERMINATED: 'error' };
const CONSENT_BADGE = { ACCEPTED: 'ok', PENDING: 'warn', DECLINED: 'error' };

const state = {
  organizations: [], byId: new Map(), page: 0,
  agreement: null, etag: null, history: [], listBody: null
};
let uniqueIds = 0;

/** A text with {0}, {1}… filled in. */
function say(key, ...values) {
  return values.reduce((result, value, index) => result.replace(`{${index}}`, value), t(key));
}

function byId(id) { return document.getElementById(id); }

function nextId(prefix) { uniqueIds += 1; return `${prefix}-${uniqueIds}`; }

// ---------------------------------------------------------------- organizations

async function loadOrganizations() {
  const all = [];
  for (let page = 0, pages = 1; page < pages && page < 20; page++) {
    const body = await api('api/v1/organizations', { query: { page, size: 200, sort: 'code' } });
    all.push(...(body.content || []));
    pages = (body.page && body.page.totalPages) || 1;
  }
  state.organizations = all;
  state.byId = new Map(all.map((organization) => [organization.id, organization]));
}

function orgCode(id) { const organization = state.byId.get(id); return organization ? organization.code : id; }

function orgName(id) {
  const organization = state.byId.get(id);
  return organization ? `${text(organization.name)} (${organization.code})` : id;
}

/** The signed-in user's organization (the API's `me` names it by code or id). */
function myOrganization() {
  const user = me();
  if (!user || !user.organizationId) { return null; }
  return state.organizations.find((o) => o.id === user.organizationId || o.code === user.organizationId) || null;
}

function isAdmin() { return !!me() && me().role === 'ADMIN'; }

/** Who may change an agreement: the secretariat, or an EDITOR of one of its parties (docs/security.md). */
function mayChange(agreement) {
  if (!canEdit()) { return false; }
  if (isAdmin()) { return true; }
  const mine = myOrganization();
  return !!mine && agreement.parties.some((party) => party.organizationId === mine.id);
}

/** Who may answer for a party: the secretariat, or an EDITOR of that organization. */
function mayAnswerFor(organizationId) {
  if (!canEdit()) { return false; }
  if (isAdmin()) { return true; }
  const mine = myOrganization();
  return !!mine && mine.id === organizationId;
}

/** The answers the service takes from a party in the agreement's state (docs/api.md, Party consent). */
function answersAllowed(agreement, party) {
  if (agreement.status === 'DRAFT') {
    return ['accept', 'decline'].filter((answer) => (answer === 'accept' ? party.consent !== 'ACCEPTED' : party.consent !== 'DECLINED'));
  }
  if ((agreement.status === 'ACTIVE' || agreement.status === 'SUSPENDED') && party.consent !== 'ACCEPTED') {
    return party.consent === 'PENDING' ? ['accept', 'decline'] : ['accept'];
  }
  return [];
}

function organizationOptions(selected, withEmpty) {
  const options = withEmpty ? [el('option', { value: '' }, t('choose'))] : [];
  for (const organization of state.organizations) {
    if (!organization.active && organization.id !== selected) { continue; }
    options.push(el('option', { value: organization.id, selected: organization.id === selected },
      `${organization.code} – ${text(organization.name)}${organization.active ? '' : ' ' + t('inactive')}`));
  }
  return options;
}

// ---------------------------------------------------------------- small pieces

function badge(kind, label) { return el('span', { class: `badge ${kind || ''}`.trim() }, label); }

function statusBadge(status) { return badge(STATUS_BADGE[status], t(`status_${status}`)); }

function consentBadge(consent) { return badge(CONSENT_BADGE[consent], t(`consent_${consent}`)); }

function period(agreement) {
  return `${fmt.date(agreement.startsOn)} – ${agreement.endsOn ? fmt.date(agreement.endsOn) : t('openEnded')}`;
}

/** A yearly day as both languages write it here: 06/11. */
function dayMonth(month, day) {
  return `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}`;
}

function describeTarget(target) {
  if (!target) { return t('none'); }
  const money = target.outcome === 'registeredCapital';
  const amount = (value) => (money ? fmt.money(value, target.currency) : fmt.number(value));
  const yearly = target.valuePerYear != null ? target.valuePerYear : target.perYear;
  const parts = [say('perYearShort', amount(yearly))];
  const types = (target.activityTypes || []).map((type) => t(`type_${type}`)).join(', ');
  if (target.measure === 'OUTCOME_SUM') { parts.push(say('sumOf', t(`outcome_${target.outcome}`))); }
  if (types) { parts.push(say('activitiesOf', types)); }
  if (!target.measure) { parts.push(t('anyActivity')); }
  if (target.includeAreaActivities) { parts.push(t('includesArea')); }
  if (target.years && target.years.length) {
    parts.push(say('yearsDiffer', target.years.map((year) => `${year.year}: ${amount(year.value)}`).join('; ')));
  }
  return `${target.metric} · ${parts.join(' · ')}`;
}

/** A history or conflict field path (`parties[<id>].consent`, `commitments[<id>].target`) said in words. */
function fieldLabel(path, agreement) {
  const party = /^parties\[(.+)\]\.consent$/.exec(path);
  if (party) { return say('f_consent', orgCode(party[1])); }
  const commitment = /^commitments\[([^\]]+)\](?:\.(\w+))?$/.exec(path);
  if (commitment) {
    const found = agreement && (agreement.commitments || []).find((c) => c.id === commitment[1]);
    const label = say('f_commitment', found ? text(found.title) : commitment[1]);
    return commitment[2] ? `${label}: ${t(`f_${commitment[2]}`)}` : label;
  }
  return t(`f_${path}`);
}

/** A table with column headings (a null heading: no such column) and its rows, or a line saying there are none. */
function table(id, headings, rows, emptyKey) {
  headings = headings.filter((heading) => heading !== null);
  const head = el('thead', {}, el('tr', {}, headings.map((heading) => el('th', { scope: 'col' }, heading))));
  const body = el('tbody', {}, rows.length ? rows
    : el('tr', {}, el('td', { colspan: String(headings.length), class: 'muted' }, t(emptyKey))));
  return el('div', { class: 'table-scroll' }, el('table', { id }, head, body));
}

/** A labelled field: the control gets the API's field name and an id its label points at. */
function field(name, labelKey, control, hintKey) {
  control.name = name;
  control.id = control.id || nextId('f');
  const hint = hintKey ? el('span', { class: 'muted', id: `${control.id}-hint`, 'data-i18n': hintKey }, t(hintKey)) : null;
  if (hint) { control.setAttribute('aria-describedby', hint.id); }
  return el('div', { class: 'field' }, el('label', { for: control.id, 'data-i18n': labelKey }, t(labelKey)), control, hint);
}

function input(attributes) { return el('input', { type: 'text', ...attributes }); }

function select(options, attributes) { return el('select', attributes || {}, options); }

function enumOptions(values, prefix, selected, emptyKey) {
  const options = emptyKey ? [el('option', { value: '', 'data-i18n': emptyKey }, t(emptyKey))] : [];
  return options.concat(values.map((value) => el('option', { value, selected: value === selected, 'data-i18n': `${prefix}${value}` },
    t(`${prefix}${value}`))));
}

function checkboxGroup(name, legendKey, values, prefix, checked) {
  return el('fieldset', { name, class: 'choices' }, el('legend', { 'data-i18n': legendKey }, t(legendKey)),
    values.map((value) => {
      const id = nextId('c');
      return el('span', { class: 'choice' },
        el('input', { type: 'checkbox', id, value, checked: checked.includes(value), dataset: { group: name } }),
        el('label', { for: id, 'data-i18n': `${prefix}${value}` }, t(`${prefix}${value}`)));
    }));
}

function checkedValues(form, group) {
  return Array.from(form.querySelectorAll(`input[type="checkbox"][data-group="${CSS.escape(group)}"]`))
    .filter((box) => box.checked).map((box) => box.value);
}

function named(form, name) { return form.querySelector(`[name="${CSS.escape(name)}"]`); }

function value(form, name) {
  const control = named(form, name);
  return control && !control.disabled && control.value != null ? String(control.value).trim() : '';
}

/**
 * Points each problem field at an input of the form: an alias first, then the path cut back
 * segment by segment (`parties[0].organizationId` exists; `areas[0]` → the `areas` group;
 * `reviewPolicy.hostRotation[1]` → the rotation).
 */
/** A problem found in the page, shown like the API's. */
function localProblem(errors) {
  return { status: 400, problem: { title: t('checkForm'), errors } };
}

// ---------------------------------------------------------------- the list

async function showList() {
  byId('list-view').hidden = false;
  byId('detail-view').hidden = true;
  const filter = byId('agreement-filter');
  fillFilterChoices(filter);
  const query = { q: value(filter, 'q'), status: value(filter, 'status'), area: value(filter, 'area'),
    party: value(filter, 'party'), page: state.page, size: PAGE_SIZE, sort: 'code' };
  try {
    state.listBody = await api('api/v1/agreements', { query });
    drawList();
  }
  catch (error) { notify(`${t('loadFailed')}: ${error.message}`, 'error'); }
}

function fillFilterChoices(filter) {
  const status = named(filter, 'status');
  if (status.options.length <= 1) { status.append(...enumOptions(STATUSES, 'status_')); }
  const area = named(filter, 'area');
  if (area.options.length <= 1) { area.append(...enumOptions(AREAS, 'area_')); }
  const party = named(filter, 'party');
  if (party.options.length <= 1) {
    party.append(...state.organizations.map((o) => el('option', { value: o.id }, `${o.code} – ${text(o.name)}`)));
  }
}

function drawList() {
  const body = state.listBody;
  if (!body) { return; }
  const rows = (body.content || []).map((agreement) => el('tr', { dataset: { id: agreement.id } },
    el('td', {}, el('a', { href: `agreements.html?id=${encodeURIComponent(agreement.id)}` }, agreement.code)),
    el('td', {}, text(agreement.title)),
    el('td', {}, statusBadge(agreement.status)),
    el('td', {}, el('ul', { class: 'party-badges' }, agreement.parties.map((party) => el('li', {},
      el('abbr', { title: orgName(party.organizationId) }, orgCode(party.organizationId)), ' ', consentBadge(party.consent))))),
    el('td', {}, period(agreement))));
  const holder = byId('agreement-list-holder');
  holder.replaceChildren(table('agreement-list', [t('code'), t('title'), t('status'), t('parties'), t('period')], rows, 'noAgreements'));
  const page = body.page || { number: 0, totalPages: 1, totalElements: rows.length };
  byId('list-pages').textContent = say('pageOf', page.number + 1, fmt.pages(page), fmt.total(page));
  byId('previous-page').disabled = page.number <= 0;
  // a capped total (a search that matched more than the bound) is a lower bound: more pages may follow it
  byId('next-page').disabled = !page.totalCapped && page.number + 1 >= page.totalPages;
}

// ---------------------------------------------------------------- one agreement

async function loadAgreement(id) {
  const path = `api/v1/agreements/${encodeURIComponent(id)}`;
  const [answer, history] = await Promise.all([api(path, { withEtag: true }), api(`${path}/history`)]);
  return { agreement: answer.body, etag: answer.etag || `"${answer.body.version}"`, history: history || [] };
}

async function showDetail(id) {
  byId('list-view').hidden = true;
  byId('detail-view').hidden = false;
  try {
    const loaded = await loadAgreement(id);
    Object.assign(state, loaded);
    drawDetail();
  }
  catch (error) {
    notify(error.status === 404 ? t('notFound') : `${t('loadFailed')}: ${error.message}`, 'error');
  }
}

/** Takes the agreement a change answered with (and its ETag), and re-reads the history. */
async function adopt(answer) {
  state.agreement = answer.body;
  state.etag = answer.etag || `"${answer.body.version}"`;
  try { state.history = await api(`api/v1/agreements/${encodeURIComponent(state.agreement.id)}/history`); }
  catch (error) { /* the agreement is shown; the history catches up on the next load */ }
  drawDetail();
}

function drawDetail() {
  const agreement = state.agreement;
  if (!agreement) { return; }
  const may = mayChange(agreement);
  byId('agreement-heading').textContent = `${agreement.code} – ${text(agreement.title)}`;
  const facts = [
    [t('status'), statusBadge(agreement.status)], [t('code'), agreement.code], [t('titleVi'), agreement.title.vi],
    [t('titleEn'), agreement.title.en || t('none')], [t('signedOn'), fmt.date(agreement.signedOn)],
    [t('period'), period(agreement)], [t('timeZone'), agreement.timeZone],
    [t('areas'), (agreement.areas || []).map((area) => t(`area_${area}`)).join(', ')]];
  byId('agreement-facts').replaceChildren(...facts.flatMap(([term, description]) => [el('dt', {}, term), el('dd', {}, description)]));
  drawParties(agreement);
  drawActions(agreement, may);
  drawCommitments(agreement, may);
  drawReviewPolicy(agreement);
  drawHistory(agreement);
}

function drawParties(agreement) {
  const rows = agreement.parties.map((party) => {
    const answers = answersAllowed(agreement, party).filter(() => mayAnswerFor(party.organizationId));
    return el('tr', { dataset: { organizationId: party.organizationId } },
      el('td', {}, orgName(party.organizationId)), el('td', {}, t(`role_${party.role}`)), el('td', {}, consentBadge(party.consent)),
      el('td', {}, answers.map((answer) => el('button', { type: 'button', 'data-edit': true, class: answer === 'decline' ? 'danger' : 'primary',
        dataset: { answer }, 'aria-label': `${t(answer)}: ${orgCode(party.organizationId)}`,
        onclick: () => openAction(answer, party.organizationId) }, t(answer)))));
  });
  const awaiting = agreement.awaitingAcceptance || [];
  byId('party-holder').replaceChildren(...[table('party-list', [t('organization'), t('role'), t('consent'), t('answer')], rows, 'none'),
    awaiting.length ? el('p', { class: 'muted' }, t('awaitingAcceptance'), awaiting.map(orgCode).join(', ')) : null].filter(Boolean));
}

function drawActions(agreement, may) {
  const holder = byId('lifecycle-actions');
  holder.replaceChildren();
  if (!may) { return; }
  for (const action of ACTIONS[agreement.status] || []) {
    holder.append(el('button', { type: 'button', 'data-edit': true, class: action === 'terminate' ? 'danger' : 'primary',
      dataset: { action }, onclick: () => openAction(action) }, t(`action_${action}`)));
  }
  if (!CLOSED.includes(agreement.status)) {
    holder.append(el('button', { type: 'button', 'data-edit': true, id: 'amend-button', onclick: openAmend }, t('amend')));
  }
}

function drawCommitments(agreement, may) {
  const open = may && !CLOSED.includes(agreement.status);
  const rows = (agreement.commitments || []).map((commitment) => el('tr', { dataset: { id: commitment.id } },
    el('td', {}, text(commitment.title)), el('td', {}, t(`area_${commitment.area}`)),
    el('td', {}, commitment.responsibleOrganizationId ? orgCode(commitment.responsibleOrganizationId) : t('none')),
    el('td', {}, describeTarget(commitment.target)), el('td', {}, fmt.date(commitment.dueOn)),
    el('td', {}, fmt.date(commitment.since)), el('td', {}, t(`commitment_${commitment.status}`)),
    open ? el('td', {}, el('button', { type: 'button', 'data-edit': true, 'aria-label': `${t('edit')}: ${text(commitment.title)}`,
      onclick: () => openCommitment(commitment) }, t('edit'))) : null));
  byId('commitment-holder').replaceChildren(table('commitment-list',
    [t('title'), t('area'), t('responsible'), t('target'), t('dueOn'), t('since'), t('commitmentStatus'), open ? t('actions') : null], rows, 'noCommitments'));
  const add = byId('add-commitment');
  if (add) { add.hidden = !open; }
}

function drawReviewPolicy(agreement) {
  const policy = agreement.reviewPolicy;
  const holder = byId('review-policy');
  if (!policy) { holder.replaceChildren(el('p', {}, t('none'))); return; }
  holder.replaceChildren(
    el('p', {}, say('reviewOn', dayMonth(policy.month, policy.day)), ` (${policy.timeZone || agreement.timeZone})`),
    el('h4', {}, t('rotation')),
    el('ol', { class: 'rotation-order' }, (policy.hostRotation || []).map((id) => el('li', {}, orgName(id),
      id === policy.lastHostOrganizationId ? [' ', badge('', t('lastHost'))] : null))),
    el('p', {}, `${t('reminders')}: ${(policy.reminderLeadDays || []).join(', ')}`));
}

function drawHistory(agreement) {
  const rows = state.history.slice().reverse().map((entry) => el('tr', {},
    el('td', { class: 'number' }, String(entry.version)), el('td', {}, fmt.dateTime(entry.at)), el('td', {}, fmt.date(entry.effectiveOn)),
    el('td', {}, entry.actor || t('none')), el('td', {}, t(`change_${entry.change}`)),
    el('td', {}, (entry.changedFields || []).map((path) => fieldLabel(path, agreement)).join('; ')),
    el('td', { class: 'note' }, entry.note || ''), el('td', {}, t(`status_${entry.status}`))));
  byId('history-holder').replaceChildren(table('history-list',
    [t('version'), t('recordedAt'), t('effectiveOn'), t('actor'), t('change'), t('changedFields'), t('note'), t('status')], rows, 'noHistory'));
}

// ---------------------------------------------------------------- conflicts (412)

function termsOf(agreement) {
  return {
    title: { vi: agreement.title.vi, ...(agreement.title.en ? { en: agreement.title.en } : {}) },
    parties: agreement.parties.map((party) => ({ organizationId: party.organizationId, role: party.role })),
    signedOn: agreement.signedOn, startsOn: agreement.startsOn, endsOn: agreement.endsOn || undefined,
    timeZone: agreement.timeZone, areas: agreement.areas.slice(),
    reviewPolicy: agreement.reviewPolicy ? policyOf(agreement.reviewPolicy) : undefined
  };
}

function policyOf(policy) {
  return { month: policy.month, day: policy.day, hostRotation: policy.hostRotation.slice(),
    lastHostOrganizationId: policy.lastHostOrganizationId || undefined, reminderLeadDays: (policy.reminderLeadDays || []).slice(),
    timeZone: policy.timeZone || undefined };
}

function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }

/**
 * What someone else changed between the version this page read and the current one: each
 * field that differs, and who recorded the versions in between (from the history).
 */
async function changesSince(loaded) {
  try {
    const current = await loadAgreement(loaded.id);
    const before = termsOf(loaded);
    const after = termsOf(current.agreement);
    const changes = Object.keys(after).filter((key) => !same(before[key], after[key])).map((key) => describeChange(key, before[key], after[key]));
    if (loaded.status !== current.agreement.status) {
      changes.push(`${t('f_status')}: ${t(`status_${loaded.status}`)} → ${t(`status_${current.agreement.status}`)}`);
    }
    loaded.parties.forEach((party) => {
      const now = current.agreement.parties.find((p) => p.organizationId === party.organizationId);
      if (now && now.consent !== party.consent) {
        changes.push(`${say('f_consent', orgCode(party.organizationId))}: ${t(`consent_${party.consent}`)} → ${t(`consent_${now.consent}`)}`);
      }
    });
    if (!same(loaded.commitments, current.agreement.commitments)) { changes.push(t('f_commitments')); }
    current.history.filter((entry) => entry.version > loaded.version).forEach((entry) => {
      changes.push(say('changedBy', entry.actor || t('none'), fmt.dateTime(entry.at), t(`change_${entry.change}`)));
    });
    return { changes, current };
  }
  catch (error) { return { changes: [], current: null }; }
}

function describeChange(key, before, after) {
  const shown = (value) => {
    if (value == null) { return t('none'); }
    if (key === 'title') { return text(value); }
    if (/On$/.test(key)) { return fmt.date(value); }
    if (key === 'areas') { return value.map((area) => t(`area_${area}`)).join(', '); }
    if (key === 'parties') { return value.map((party) => `${orgCode(party.organizationId)} (${t(`role_${party.role}`)})`).join(', '); }
    if (key === 'reviewPolicy') { return `${dayMonth(value.month, value.day)}, ${value.hostRotation.map(orgCode).join(' → ')}`; }
    return String(value);
  };
  return `${t(`f_${key}`)}: ${shown(before)} → ${shown(after)}`;
}

/** Shows a failed change in its form; on 412 with what changed meanwhile and a way to load it. */
function showFailure(form, error, alias, onReload) {
  return showRefusal(form, error, { alias, changesSince: () => changesSince(state.agreement), onReload: (current) => {
    Object.assign(state, current);
    drawDetail();
    if (onReload) { onReload(); }
  } });
}

// ---------------------------------------------------------------- the terms (create and amend)

/** Builds the fields create and amend share into the form's .terms container. */
function buildTerms(form, terms, create) {
  const holder = form.querySelector('.terms');
  const titleVi = input({ required: true, maxlength: '300', value: terms.title ? terms.title.vi : null });
  const titleEn = input({ maxlength: '300', value: terms.title ? terms.title.en : null });
  const parts = [];
  if (create) {
    parts.push(el('div', { class: 'fields' }, field('code', 'code', input({ required: true, maxlength: '40',
      pattern: '[A-Z0-9][A-Z0-9._\\-]*', autocapitalize: 'characters', spellcheck: 'false' }))));
  }
  parts.push(el('div', { class: 'fields' }, field('title.vi', 'titleVi', titleVi), field('title.en', 'titleEn', titleEn)));
  parts.push(el('div', { class: 'fields' },
    field('signedOn', 'signedOn', input({ type: 'date', required: true, value: terms.signedOn })),
    field('startsOn', 'startsOn', input({ type: 'date', required: true, value: terms.startsOn })),
    field('endsOn', 'endsOn', input({ type: 'date', value: terms.endsOn })),
    field('timeZone', 'timeZone', input({ maxlength: '64', placeholder: 'Asia/Ho_Chi_Minh', value: terms.timeZone }))));
  const partyRows = el('div', { class: 'party-rows' });
  parts.push(el('fieldset', { name: 'parties' }, el('legend', { 'data-i18n': 'parties' }, t('parties')), partyRows,
    el('button', { type: 'button', class: 'add-party', 'data-i18n': 'addParty', onclick: () => { addPartyRow(form, {}); refreshRotation(form); } }, t('addParty'))));
  parts.push(checkboxGroup('areas', 'areas', AREAS, 'area_', terms.areas || []));
  const policy = terms.reviewPolicy || { hostRotation: [], reminderLeadDays: [30, 7, 1] };
  const days = [el('option', { value: '', 'data-i18n': 'choose' }, t('choose'))].concat(Array.from({ length: 12 },
    (unused, index) => el('option', { value: String(index + 1), selected: index + 1 === policy.month }, say('month', index + 1))));
  parts.push(el('fieldset', {}, el('legend', { 'data-i18n': 'reviewPolicy' }, t('reviewPolicy')),
    el('div', { class: 'fields' },
      field('reviewPolicy.month', 'reviewMonth', select(days, { required: true })),
      field('reviewPolicy.day', 'reviewDay', input({ type: 'number', min: '1', max: '31', step: '1', required: true, value: policy.day })),
      field('reviewPolicy.reminderLeadDays', 'reminderLeadDays', input({ inputmode: 'numeric',
        value: (policy.reminderLeadDays || []).join(', ') })),
      field('reviewPolicy.timeZone', 'reviewTimeZone', input({ maxlength: '64', placeholder: 'Asia/Ho_Chi_Minh', value: policy.timeZone }))),
    el('fieldset', { name: 'reviewPolicy.hostRotation' }, el('legend', { 'data-i18n': 'rotation' }, t('rotation')),
      el('ul', { class: 'rotation-editor' })),
    el('div', { class: 'fields' }, field('reviewPolicy.lastHostOrganizationId', 'lastHost', select([])))));
  holder.replaceChildren(...parts);
  form.rotation = (policy.hostRotation || []).slice();
  form.lastHost = policy.lastHostOrganizationId || '';
  // A new agreement's parties all join the rotation as they are chosen; an amendment starts from the stored one.
  form.knownParties = new Set(create ? [] : (terms.parties || []).map((party) => party.organizationId));
  (terms.parties && terms.parties.length ? terms.parties : [{}, {}]).forEach((party) => addPartyRow(form, party));
  named(form, 'reviewPolicy.lastHostOrganizationId').addEventListener('change', (event) => { form.lastHost = event.target.value; });
  refreshRotation(form);
}

function addPartyRow(form, party) {
  const rows = form.querySelector('.party-rows');
  const organization = select(organizationOptions(party.organizationId, true), { required: true, class: 'party-organization' });
  const role = select(enumOptions(ROLES, 'role_', party.role || (rows.children.length ? 'PARTNER' : 'LEAD')), { required: true, class: 'party-role' });
  const row = el('div', { class: 'party-row' },
    field('parties[].organizationId', 'organization', organization), field('parties[].role', 'role', role),
    el('button', { type: 'button', class: 'remove-party danger', 'data-i18n': 'removeParty', onclick: () => {
      row.remove(); numberPartyRows(form); refreshRotation(form);
    } }, t('removeParty')));
  organization.addEventListener('change', () => refreshRotation(form));
  rows.append(row);
  numberPartyRows(form);
}

/** Names the rows' inputs parties[0].organizationId… so the API's field paths find them. */
function numberPartyRows(form) {
  form.querySelectorAll('.party-row').forEach((row, index) => {
    row.querySelector('.party-organization').name = `parties[${index}].organizationId`;
    row.querySelector('.party-role').name = `parties[${index}].role`;
  });
}

function partyIds(form) {
  return Array.from(form.querySelectorAll('.party-organization')).map((s) => s.value).filter((id, index, all) => id && all.indexOf(id) === index);
}

/**
 * Redraws the rotation from the parties: those in it in their order, then the others;
 * a party newly chosen joins the rotation at its end (what most programs do).
 */
function refreshRotation(form) {
  const parties = partyIds(form);
  parties.filter((id) => !form.knownParties.has(id)).forEach((id) => { form.knownParties.add(id); form.rotation.push(id); });
  form.rotation = form.rotation.filter((id) => parties.includes(id));
  const list = form.querySelector('.rotation-editor');
  const move = (id, step) => {
    const at = form.rotation.indexOf(id);
    const to = at + step;
    if (at < 0 || to < 0 || to >= form.rotation.length) { return; }
    [form.rotation[at], form.rotation[to]] = [form.rotation[to], form.rotation[at]];
    refreshRotation(form);
  };
  const order = form.rotation.concat(parties.filter((id) => !form.rotation.includes(id)));
  list.replaceChildren(...order.map((id) => {
    const position = form.rotation.indexOf(id);
    const boxId = nextId('rotation');
    return el('li', { class: position < 0 ? 'out' : null },
      el('input', { type: 'checkbox', id: boxId, checked: position >= 0, onchange: (event) => {
        form.rotation = event.target.checked ? form.rotation.concat(id) : form.rotation.filter((other) => other !== id);
        refreshRotation(form);
      } }),
      el('label', { for: boxId }, position >= 0 ? `${position + 1}. ${orgName(id)}` : orgName(id)),
      el('button', { type: 'button', 'aria-label': `${t('moveUp')}: ${orgCode(id)}`, disabled: position <= 0, onclick: () => move(id, -1) }, t('moveUp')),
      el('button', { type: 'button', 'aria-label': `${t('moveDown')}: ${orgCode(id)}`, disabled: position < 0 || position >= form.rotation.length - 1,
        onclick: () => move(id, 1) }, t('moveDown')));
  }));
  const last = named(form, 'reviewPolicy.lastHostOrganizationId');
  if (!form.rotation.includes(form.lastHost)) { form.lastHost = ''; }
  last.replaceChildren(el('option', { value: '' }, t('noLastHost')),
    ...form.rotation.map((id) => el('option', { value: id, selected: id === form.lastHost }, orgName(id))));
}

/** The terms as the form holds them, in the API's shape, and what the page finds wrong with them. */
function readTerms(form, create) {
  const errors = [];
  const parties = Array.from(form.querySelectorAll('.party-row')).map((row) => ({
    organizationId: row.querySelector('.party-organization').value, role: row.querySelector('.party-role').value }));
  const seen = new Set();
  parties.forEach((party, index) => {
    if (party.organizationId && seen.has(party.organizationId)) {
      errors.push({ field: `parties[${index}].organizationId`, message: t('duplicateParty') });
    }
    seen.add(party.organizationId);
  });
  if (parties.length < 2) { errors.push({ field: 'parties', message: t('needTwoParties') }); }
  const areas = checkedValues(form, 'areas');
  if (!areas.length) { errors.push({ field: 'areas', message: t('needArea') }); }
  const signedOn = value(form, 'signedOn');
  const startsOn = value(form, 'startsOn');
  const endsOn = value(form, 'endsOn');
  if (signedOn && startsOn && startsOn < signedOn) { errors.push({ field: 'startsOn', message: t('startsBeforeSigned') }); }
  if (endsOn && startsOn && endsOn <= startsOn) { errors.push({ field: 'endsOn', message: t('endsBeforeStart') }); }
  const month = Number(value(form, 'reviewPolicy.month'));
  const day = Number(value(form, 'reviewPolicy.day'));
  const longest = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (day > longest) { errors.push({ field: 'reviewPolicy.day', message: t('noSuchDay') }); }
  const leadText = value(form, 'reviewPolicy.reminderLeadDays');
  const leadDays = leadText ? leadText.split(/[,;\s]+/).filter(Boolean).map(Number) : [];
  if (leadDays.some((days) => !Number.isInteger(days) || days <= 0 || days > 366) || new Set(leadDays).size !== leadDays.length) {
    errors.push({ field: 'reviewPolicy.reminderLeadDays', message: t('leadDaysFormat') });
  }
  if (!form.rotation.length) { errors.push({ field: 'reviewPolicy.hostRotation', message: t('needRotation') }); }
  const titleEn = value(form, 'title.en');
  const terms = {
    title: { vi: value(form, 'title.vi'), ...(titleEn ? { en: titleEn } : {}) },
    parties, signedOn, startsOn, endsOn: endsOn || undefined, timeZone: value(form, 'timeZone') || undefined, areas,
    reviewPolicy: { month, day, hostRotation: form.rotation.slice(), lastHostOrganizationId: form.lastHost || undefined,
      reminderLeadDays: leadDays.length ? leadDays : undefined, timeZone: value(form, 'reviewPolicy.timeZone') || undefined }
  };
  if (create) { terms.code = value(form, 'code'); }
  return { terms, errors };
}

function openCreate() {
  const form = byId('agreement-form');
  const mine = myOrganization();
  buildTerms(form, { parties: mine && !isAdmin() ? [{ organizationId: mine.id, role: 'LEAD' }, {}] : [], areas: [] }, true);
  clearProblems(form);
  form.hidden = false;
  named(form, 'code').focus();
}

async function submitCreate(event) {
  event.preventDefault();
  const form = event.currentTarget;
  clearProblems(form);
  const { terms, errors } = readTerms(form, true);
  if (errors.length) { showProblem(form, localProblem(errors)); return; }
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  try {
    const answer = await send('POST', 'api/v1/agreements', terms);
    notify(t('created'));
    window.location.assign(`agreements.html?id=${encodeURIComponent(answer.body.id)}`);
  }
  catch (error) { showProblem(form, error, undefined, titleAlias); }
  finally { button.disabled = false; }
}

function titleAlias(path) { return path === 'title' ? 'title.vi' : path; }

function openAmend() {
  const form = byId('amend-form');
  const agreement = state.agreement;
  buildTerms(form, termsOf(agreement), false);
  form.dataset.version = String(agreement.version);
  form.baseline = termsOf(agreement);
  named(form, 'note').value = '';
  named(form, 'effectiveOn').value = '';
  clearProblems(form);
  form.hidden = false;
  named(form, 'title.vi').focus();
}

async function submitAmend(event) {
  event.preventDefault();
  const form = event.currentTarget;
  clearProblems(form);
  const { terms, errors } = readTerms(form, false);
  if (form.baseline.endsOn && !terms.endsOn) { errors.push({ field: 'endsOn', message: t('endsOnKept') }); }
  if (errors.length) { showProblem(form, localProblem(errors)); return; }
  // Only what changed is sent: the amendment's changedFields then say exactly what the person changed.
  const changes = {};
  for (const [key, now] of Object.entries(terms)) {
    if (now !== undefined && !same(normalizeForCompare(key, now), normalizeForCompare(key, form.baseline[key]))) { changes[key] = now; }
  }
  if (!Object.keys(changes).length) { showProblem(form, { status: 422, problem: { title: t('nothingChanged') } }); return; }
  changes.note = value(form, 'note');
  const effectiveOn = value(form, 'effectiveOn');
  if (effectiveOn) { changes.effectiveOn = effectiveOn; }
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  try {
    const answer = await send('PATCH', `api/v1/agreements/${encodeURIComponent(state.agreement.id)}`, changes, { etag: state.etag });
    form.hidden = true;
    notify(t('saved'));
    await adopt(answer);
  }
  catch (error) { await showFailure(form, error, titleAlias, openAmend); }
  finally { button.disabled = false; }
}

/** Areas are a set; the review policy's lead days and zone fall back to defaults when left out: compare them so. */
function normalizeForCompare(key, terms) {
  if (key === 'areas' && terms) { return terms.slice().sort(); }
  if (key !== 'reviewPolicy' || !terms) { return terms; }
  return { ...terms, reminderLeadDays: terms.reminderLeadDays || [30, 7, 1],
    timeZone: terms.timeZone || (state.agreement && state.agreement.timeZone) };
}

// ---------------------------------------------------------------- lifecycle and answers

let pendingAction = null;

function openAction(action, organizationId) {
  const dialog = byId('action-dialog');
  const form = byId('action-form');
  pendingAction = { action, organizationId };
  clearProblems(form);
  form.reset();
  const answering = action === 'accept' || action === 'decline';
  byId('action-heading').textContent = answering ? `${t(`action_${action}`)}: ${orgName(organizationId)}` : t(`action_${action}`);
  form.querySelector('.effective-field').hidden = answering;
  named(form, 'effectiveOn').disabled = answering;
  form.querySelector('.renew-field').hidden = action !== 'renew';
  named(form, 'endsOn').disabled = action !== 'renew';
  const confirm = form.querySelector('button[type="submit"]');
  confirm.textContent = t(answering ? action : `action_${action}`);
  confirm.className = action === 'terminate' || action === 'decline' ? 'danger' : 'primary';
  if (typeof dialog.showModal === 'function') { dialog.showModal(); } else { dialog.setAttribute('open', ''); }
}

function closeAction() {
  const dialog = byId('action-dialog');
  if (typeof dialog.close === 'function') { dialog.close(); } else { dialog.removeAttribute('open'); }
  pendingAction = null;
}

async function submitAction(event) {
  event.preventDefault();
  const form = event.currentTarget;
  if (!pendingAction) { return; }
  clearProblems(form);
  const { action, organizationId } = pendingAction;
  const id = encodeURIComponent(state.agreement.id);
  const path = organizationId ? `api/v1/agreements/${id}/parties/${encodeURIComponent(organizationId)}/${action}`
    : `api/v1/agreements/${id}/${action}`;
  const body = {};
  ['effectiveOn', 'endsOn', 'note'].forEach((name) => { const given = value(form, name); if (given) { body[name] = given; } });
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  try {
    const answer = await send('POST', path, Object.keys(body).length ? body : undefined, { etag: state.etag });
    closeAction();
    notify(t('saved'));
    await adopt(answer);
  }
  catch (error) {
    await showFailure(form, error, null, closeAction);
    const awaiting = error.problem && error.problem.awaitingAcceptance;
    const box = form.querySelector('.form-problem');
    if (Array.isArray(awaiting) && box) { box.append(el('p', {}, t('awaitingAcceptance'), awaiting.map(orgName).join(', '))); }
  }
  finally { button.disabled = false; }
}

// ---------------------------------------------------------------- commitments

function buildCommitmentFields(form, commitment) {
  const target = commitment.target || {};
  const holder = form.querySelector('.commitment-fields');
  const parties = state.agreement.parties.map((party) => party.organizationId);
  const responsible = select([el('option', { value: '' }, t('noResponsible')),
    ...parties.map((id) => el('option', { value: id, selected: id === commitment.responsibleOrganizationId }, orgName(id)))]);
  const editing = !!commitment.id;
  const yearly = target.valuePerYear != null ? target.valuePerYear : (target.perYear || null);
  holder.replaceChildren(
    el('div', { class: 'fields' },
      field('title.vi', 'commitmentTitleVi', input({ required: true, maxlength: '300', value: commitment.title ? commitment.title.vi : null })),
      field('title.en', 'commitmentTitleEn', input({ maxlength: '300', value: commitment.title ? commitment.title.en : null }))),
    el('div', { class: 'fields' },
      field('area', 'area', select(enumOptions(AREAS, 'area_', commitment.area || (state.agreement.areas || [])[0]), { required: true })),
      field('responsibleOrganizationId', 'responsible', responsible),
      field('dueOn', 'dueOn', input({ type: 'date', value: commitment.dueOn })),
      editing ? field('status', 'commitmentStatus', select(enumOptions(COMMITMENT_STATUSES, 'commitment_', commitment.status)))
        : field('effectiveOn', 'commitmentEffective', input({ type: 'date' }))),
    el('fieldset', { class: 'target' }, el('legend', { 'data-i18n': 'targetLegend' }, t('targetLegend')),
      el('div', { class: 'fields' },
        field('target.measure', 'measure', select(enumOptions(['ACTIVITIES', 'OUTCOME_SUM'], 'measure_', target.measure, 'measure_none'))),
        field('target.perYear', 'perYear', input({ type: 'number', min: '0', step: 'any', class: 'target-value', value: yearly })),
        field('target.outcome', 'outcome', select(enumOptions(OUTCOMES, 'outcome_', target.outcome, 'choose'))),
        field('target.currency', 'currency', select([el('option', { value: '' }, t('choose')),
          ...['VND', 'USD'].map((code) => el('option', { value: code, selected: code === target.currency }, code))])),
        field('target.metric', 'metric', input({ maxlength: '64', value: target.metric }), 'metricHint')),
      checkboxGroup('target.activityTypes', 'activityTypes', ACTIVITY_TYPES, 'type_', target.activityTypes || []),
      el('div', { class: 'field choice' },
        el('input', { type: 'checkbox', id: nextId('c'), name: 'target.includeAreaActivities', checked: !!target.includeAreaActivities }),
        el('label', { 'data-i18n': 'includeAreaActivities' }, t('includeAreaActivities'))),
      el('fieldset', { class: 'year-targets' }, el('legend', { 'data-i18n': 'yearTargets' }, t('yearTargets')),
        el('div', { class: 'year-rows' }),
        el('button', { type: 'button', 'data-i18n': 'addYear', onclick: () => addYearRow(form, {}) }, t('addYear')))));
  const include = named(form, 'target.includeAreaActivities');
  include.nextElementSibling.setAttribute('for', include.id);
  (target.years || []).forEach((year) => addYearRow(form, year));
  ['target.measure', 'target.outcome'].forEach((name) => named(form, name).addEventListener('change', () => shapeTarget(form)));
  shapeTarget(form);
}

function addYearRow(form, year) {
  const rows = form.querySelector('.year-rows');
  const row = el('div', { class: 'year-row' },
    field('target.years[].year', 'year', input({ type: 'number', min: '1990', max: '2200', step: '1', required: true, class: 'year-year', value: year.year })),
    field('target.years[].value', 'value', input({ type: 'number', min: '0', step: 'any', required: true, class: 'year-value', value: year.value })),
    el('button', { type: 'button', class: 'danger', 'data-i18n': 'removeYear', onclick: () => { row.remove(); numberYearRows(form); } }, t('removeYear')));
  rows.append(row);
  numberYearRows(form);
}

function numberYearRows(form) {
  form.querySelectorAll('.year-row').forEach((row, index) => {
    row.querySelector('.year-year').name = `target.years[${index}].year`;
    row.querySelector('.year-value').name = `target.years[${index}].value`;
  });
}

/**
 * Shows what the measure needs: an outcome for a sum (and a currency for capital), activity
 * types for a count by type. A count keeps the yearly value as `perYear` (a whole number, what
 * the dashboard's legacy targets read); a sum sends `valuePerYear`.
 */
function shapeTarget(form) {
  const measure = value(form, 'target.measure');
  const outcome = named(form, 'target.outcome');
  const currency = named(form, 'target.currency');
  const sum = measure === 'OUTCOME_SUM';
  toggle(outcome, sum);
  toggle(currency, sum && outcome.value === 'registeredCapital');
  toggle(form.querySelector('fieldset[name="target.activityTypes"]'), !!measure);
  toggle(named(form, 'target.includeAreaActivities'), !!measure);
  const yearly = form.querySelector('.target-value');
  yearly.name = sum ? 'target.valuePerYear' : 'target.perYear';
  yearly.step = sum ? 'any' : '1';
  yearly.min = sum ? '0' : '1';
  if (sum) { yearly.removeAttribute('max'); } else { yearly.max = '1000'; }
}

function toggle(control, shown) {
  const holder = control.closest('.field') || control;
  holder.hidden = !shown;
  control.disabled = !shown;
  if (control.tagName === 'FIELDSET') { control.querySelectorAll('input').forEach((box) => { box.disabled = !shown; }); }
}

function readCommitment(form) {
  const errors = [];
  const titleEn = value(form, 'title.en');
  const commitment = {
    title: { vi: value(form, 'title.vi'), ...(titleEn ? { en: titleEn } : {}) },
    area: value(form, 'area'), responsibleOrganizationId: value(form, 'responsibleOrganizationId') || undefined,
    dueOn: value(form, 'dueOn') || undefined
  };
  if (named(form, 'status')) { commitment.status = value(form, 'status'); }
  else if (value(form, 'effectiveOn')) { commitment.effectiveOn = value(form, 'effectiveOn'); }
  const measure = value(form, 'target.measure');
  const yearlyInput = form.querySelector('.target-value');
  const yearly = yearlyInput.value === '' ? null : Number(yearlyInput.value);
  const types = measure ? checkedValues(form, 'target.activityTypes') : [];
  const years = Array.from(form.querySelectorAll('.year-row')).map((row) => ({
    year: Number(row.querySelector('.year-year').value), value: Number(row.querySelector('.year-value').value) }));
  const metric = value(form, 'target.metric');
  if (!measure && yearly == null && !metric && !years.length) { return { commitment, errors }; }
  const target = { metric: metric || defaultMetric(measure, value(form, 'target.outcome'), types) };
  if (yearly == null) { errors.push({ field: yearlyInput.name, message: t('needValue') }); }
  else if (measure === 'OUTCOME_SUM') { target.valuePerYear = yearly; }
  else { target.perYear = yearly; }
  if (measure) {
    target.measure = measure;
    if (types.length) { target.activityTypes = types; }
    if (named(form, 'target.includeAreaActivities').checked) {
      target.includeAreaActivities = true;
      if (!types.length) { errors.push({ field: 'target.activityTypes', message: t('needTypes') }); }
    }
  }
  if (measure === 'OUTCOME_SUM') {
    target.outcome = value(form, 'target.outcome');
    if (!target.outcome) { errors.push({ field: 'target.outcome', message: t('needOutcome') }); }
    if (target.outcome === 'registeredCapital') {
      target.currency = value(form, 'target.currency');
      if (!target.currency) { errors.push({ field: 'target.currency', message: t('needCurrency') }); }
    }
  }
  if (years.length) { target.years = years; }
  commitment.target = target;
  return { commitment, errors };
}

/** A target needs a name (`metric`): one is made from what it counts when none is typed. */
function defaultMetric(measure, outcome, types) {
  if (measure === 'OUTCOME_SUM' && outcome) { return outcome.replace(/([A-Z])/g, '_$1').toUpperCase(); }
  if (types.length === 1) { return types[0]; }
  return 'ACTIVITIES';
}

function openCommitment(commitment) {
  const form = byId('commitment-form');
  form.commitment = commitment || null;
  buildCommitmentFields(form, commitment || {});
  byId('commitment-heading').textContent = t(commitment ? 'editCommitment' : 'addCommitment');
  clearProblems(form);
  form.hidden = false;
  named(form, 'title.vi').focus();
}

/** The API's paths for a commitment (`commitments[3].target.perYear`, `target.perYear`) → this form's inputs. */
function commitmentAlias(form) {
  return (path) => {
    const inner = path.replace(/^commitments\[\d+\]\./, '');
    if (inner === 'title') { return 'title.vi'; }
    if (inner === 'target.perYear' || inner === 'target.valuePerYear') { return form.querySelector('.target-value').name; }
    return inner;
  };
}

async function submitCommitment(event) {
  event.preventDefault();
  const form = event.currentTarget;
  clearProblems(form);
  const { commitment, errors } = readCommitment(form);
  if (errors.length) { showProblem(form, localProblem(errors)); return; }
  const id = encodeURIComponent(state.agreement.id);
  const editing = form.commitment;
  let method = 'POST';
  let path = `api/v1/agreements/${id}/commitments`;
  let body = commitment;
  if (editing) {
    method = 'PATCH';
    path = `${path}/${encodeURIComponent(editing.id)}`;
    // Only the fields that changed: the history then names exactly those.
    body = {};
    for (const [key, now] of Object.entries(commitment)) {
      if (now !== undefined && !same(now, comparable(key, editing[key]))) { body[key] = now; }
    }
    if (!Object.keys(body).length) { showProblem(form, { status: 422, problem: { title: t('nothingChanged') } }); return; }
  }
  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  try {
    const answer = await send(method, path, body, { etag: state.etag });
    form.hidden = true;
    notify(t('saved'));
    await adopt(answer);
  }
  catch (error) { await showFailure(form, error, commitmentAlias(form), () => { form.hidden = true; }); }
  finally { button.disabled = false; }
}

/** A stored commitment field in the shape the form sends it, for comparison. */
function comparable(key, stored) {
  if (stored == null) { return undefined; }
  if (key === 'title') { return { vi: stored.vi, ...(stored.en ? { en: stored.en } : {}) }; }
  if (key !== 'target') { return stored; }
  const target = { metric: stored.metric };
  if (stored.measure === 'OUTCOME_SUM') { target.valuePerYear = stored.valuePerYear != null ? stored.valuePerYear : stored.perYear; }
  else { target.perYear = stored.valuePerYear != null ? stored.valuePerYear : stored.perYear; }
  if (stored.measure) {
    target.measure = stored.measure;
    if (stored.activityTypes && stored.activityTypes.length) { target.activityTypes = stored.activityTypes; }
    if (stored.includeAreaActivities) { target.includeAreaActivities = true; }
  }
  if (stored.measure === 'OUTCOME_SUM') {
    target.outcome = stored.outcome;
    if (stored.outcome === 'registeredCapital') { target.currency = stored.currency; }
  }
  if (stored.years && stored.years.length) { target.years = stored.years.map((year) => ({ year: year.year, value: Number(year.value) })); }
  return target;
}

// ---------------------------------------------------------------- start

/** Adds a listener when the element is there (a VIEWER's page has no edit controls). */
function on(id, type, listener) {
  const node = byId(id);
  if (node) { node.addEventListener(type, listener); }
}

function wire() {
  on('agreement-filter', 'submit', (event) => { event.preventDefault(); state.page = 0; showList(); });
  on('previous-page', 'click', () => { state.page = Math.max(0, state.page - 1); showList(); });
  on('next-page', 'click', () => { state.page += 1; showList(); });
  on('new-agreement', 'click', openCreate);
  on('agreement-form', 'submit', submitCreate);
  on('amend-form', 'submit', submitAmend);
  on('commitment-form', 'submit', submitCommitment);
  on('action-form', 'submit', submitAction);
  on('add-commitment', 'click', () => openCommitment(null));
  document.querySelectorAll('[data-cancel]').forEach((button) => button.addEventListener('click', () => {
    const target = byId(button.dataset.cancel);
    if (target.tagName === 'DIALOG') { closeAction(); } else { target.hidden = true; clearProblems(target); }
  }));
}

async function main() {
  await start({ page: 'agreements', texts: TEXTS });
  // Without a known user (or as a VIEWER) no edit control is drawn: the services refuse anyway.
  if (!canEdit()) { document.querySelectorAll('[data-edit]').forEach((node) => node.remove()); }
  wire();
  try { await loadOrganizations(); }
  catch (error) { notify(`${t('loadFailed')}: ${error.message}`, 'error'); }
  onLanguageChange(() => { drawList(); drawDetail(); });
  const id = new URLSearchParams(window.location.search).get('id');
  if (id) { await showDetail(id); } else { await showList(); }
}

main();
