// Organizations: the list, one organization with its departments and contacts (language,
// whether they get the program's e-mail, daily digest), and the forms that register and change
// them. Every change sends If-Match with the version read (agreement-service requires it);
// contacts and departments are sent as whole lists, as the API takes them (docs/api.md).
'use strict';

import { start, t, api, send, text, el, showProblem, showRefusal, clearProblems, me, canEdit, notify, onLanguageChange } from './app.js';

const KINDS = ['INDUSTRIAL_ZONE_AUTHORITY', 'PROVINCIAL_AUTHORITY', 'INVESTMENT_PROMOTION_AGENCY', 'BUSINESS_ASSOCIATION', 'OTHER'];
const PAGE_SIZE = 50;

const TEXTS = {
  vi: {
    newOrganization: 'Đăng ký tổ chức', code: 'Mã', name: 'Tên', nameVi: 'Tên tiếng Việt',
    nameEn: 'Tên tiếng Anh', kind: 'Loại', province: 'Tỉnh, thành phố', departments: 'Phòng ban', contacts: 'Đầu mối liên hệ',
    status: 'Trạng thái', active: 'Đang hoạt động', inactive: 'Ngừng hoạt động', previous: 'Trang trước', next: 'Trang sau',
    pages: 'Các trang', pageOf: 'Trang {0}/{1} · {2} tổ chức', noOrganizations: 'Chưa có tổ chức nào.',
    back: '← Danh sách tổ chức', registerTitle: 'Đăng ký tổ chức', editTitle: 'Sửa thông tin tổ chức',
    departmentsLines: 'Phòng ban (mỗi dòng một phòng ban)', register: 'Đăng ký', deactivate: 'Ngừng hoạt động',
    confirmDeactivate: 'Ngừng hoạt động tổ chức {0}? Tổ chức không thể là bên của thỏa thuận mới hoặc sửa đổi.',
    noDepartments: 'Chưa có phòng ban.', addDepartment: 'Thêm phòng ban', newDepartment: 'Tên phòng ban mới', add: 'Thêm',
    rename: 'Đổi tên', remove: 'Xóa', renameTo: 'Tên mới của «{0}»', confirmRemoveDepartment: 'Xóa phòng ban «{0}»?',
    noContacts: 'Chưa có đầu mối liên hệ.', addContact: 'Thêm đầu mối', contactTitleNew: 'Thêm đầu mối liên hệ',
    contactTitleEdit: 'Sửa đầu mối liên hệ', contactName: 'Tên (phòng ban hoặc người)', email: 'Thư điện tử',
    phone: 'Điện thoại', department: 'Phòng ban', role: 'Vai trò', mailLanguage: 'Ngôn ngữ thư', notify: 'Nhận thư của chương trình',
    notifyYes: 'Có', notifyNo: 'Không', digest: 'Cách nhận thông báo hoạt động', digest_false: 'Từng thư một',
    digest_true: 'Gộp một thư mỗi ngày', lang_vi: 'Tiếng Việt', lang_en: 'Tiếng Anh', noDepartment: '— Không —',
    confirmRemoveContact: 'Xóa đầu mối «{0}»?', emailHidden: 'ẩn', emailsHidden: 'Địa chỉ thư điện tử chỉ hiện với các bên đã chấp thuận cùng một thỏa thuận.',
    kind_INDUSTRIAL_ZONE_AUTHORITY: 'Ban Quản lý các khu công nghiệp', kind_PROVINCIAL_AUTHORITY: 'UBND, Sở của tỉnh, thành phố',
    kind_INVESTMENT_PROMOTION_AGENCY: 'Trung tâm xúc tiến đầu tư', kind_BUSINESS_ASSOCIATION: 'Hiệp hội doanh nghiệp',
    kind_OTHER: 'Khác', choose: '— Chọn —', registered: 'Đã đăng ký tổ chức.', nothingChanged: 'Bạn chưa thay đổi gì.',
    duplicateDepartment: 'Phòng ban này đã có.', notFound: 'Không tìm thấy tổ chức này.', loadFailed: 'Không tải được dữ liệu',
    actions: 'Thao tác', version: 'Phiên bản', f_name: 'Tên', f_kind: 'Loại', f_province: 'Tỉnh, thành phố',
    f_departments: 'Phòng ban', f_contacts: 'Đầu mối liên hệ', f_active: 'Trạng thái'
  },
  en: {
    newOrganization: 'Register an organization', code: 'Code', name: 'Name',
    nameVi: 'Name in Vietnamese', nameEn: 'Name in English', kind: 'Kind', province: 'Province or city',
    departments: 'Departments', contacts: 'Contacts', status: 'Status', active: 'Active', inactive: 'Inactive',
    previous: 'Previous page', next: 'Next page', pages: 'Pages', pageOf: 'Page {0} of {1} · {2} organizations',
    noOrganizations: 'No organizations yet.', back: '← All organizations', registerTitle: 'Register an organization',
    editTitle: 'Change the organization', departmentsLines: 'Departments (one a line)', register: 'Register',
    deactivate: 'Deactivate', confirmDeactivate: 'Deactivate {0}? It can then be no party to a new or amended agreement.',
    noDepartments: 'No departments yet.', addDepartment: 'Add a department', newDepartment: 'New department', add: 'Add',
    rename: 'Rename', remove: 'Remove', renameTo: 'New name of “{0}”', confirmRemoveDepartment: 'Remove the department “{0}”?',
    noContacts: 'No contacts yet.', addContact: 'Add a contact', contactTitleNew: 'New contact', contactTitleEdit: 'Change the contact',
    contactName: 'Name (a department or a person)', email: 'E-mail', phone: 'Phone', department: 'Department', role: 'Role',
    mailLanguage: 'Language of the mail', notify: 'Gets the program\'s e-mail', notifyYes: 'Yes', notifyNo: 'No',
    digest: 'Activity notices', digest_false: 'One mail each', digest_true: 'One mail a day (digest)',
    lang_vi: 'Vietnamese', lang_en: 'English', noDepartment: '— None —', confirmRemoveContact: 'Remove the contact “{0}”?',
    emailHidden: 'hidden', emailsHidden: 'E-mail addresses show only to parties that have accepted a common agreement.',
    kind_INDUSTRIAL_ZONE_AUTHORITY: 'Industrial-zone authority', kind_PROVINCIAL_AUTHORITY: 'Provincial or city authority',
    kind_INVESTMENT_PROMOTION_AGENCY: 'Investment promotion agency', kind_BUSINESS_ASSOCIATION: 'Business association',
    kind_OTHER: 'Other', choose: '— Choose —', registered: 'The organization is registered.',
    nothingChanged: 'You have not changed anything.', duplicateDepartment: 'This department exists already.',
    notFound: 'This organization does not exist.', loadFailed: 'Could not load the data', actions: 'Actions', version: 'Version',
    f_name: 'Name', f_kind: 'Kind', f_province: 'Province', f_departments: 'Departments', f_contacts: 'Contacts',
    f_active: 'Status'
  }
};

const state = { page: 0, listBody: null, organization: null, etag: null };
let uniqueIds = 0;

function say(key, ...values) {
  return values.reduce((result, value, index) => result.replace(`{${index}}`, value), t(key));
}

function byId(id) { return document.getElementById(id); }

function nextId(prefix) { uniqueIds += 1; return `${prefix}-${uniqueIds}`; }

function named(form, name) { return form.querySelector(`[name="${CSS.escape(name)}"]`); }

function value(form, name) {
  const control = named(form, name);
  return control && !control.disabled ? String(control.value).trim() : '';
}

function same(a, b) { return JSON.stringify(a) === JSON.stringify(b); }

function isAdmin() { return !!me() && me().role === 'ADMIN'; }

/** The secretariat changes any organization; an EDITOR only their own (docs/security.md). */
function mayEdit(organization) {
  if (!canEdit() || !organization) { return false; }
  if (isAdmin()) { return true; }
  const mine = me().organizationId;
  return !!mine && (mine === organization.id || mine === organization.code);
}

/** Contacts are sent as a whole list: only possible when every address is shown to this reader. */
function contactsEditable(organization) {
  return mayEdit(organization) && (organization.contacts || []).every((contact) => !!contact.email);
}

function field(name, labelKey, control) {
  control.name = name;
  control.id = control.id || nextId('f');
  return el('div', { class: 'field' }, el('label', { for: control.id, 'data-i18n': labelKey }, t(labelKey)), control);
}

function input(attributes) { return el('input', { type: 'text', ...attributes }); }

function options(values, prefix, selected, emptyKey) {
  const list = emptyKey ? [el('option', { value: '', 'data-i18n': emptyKey }, t(emptyKey))] : [];
  return list.concat(values.map((one) => el('option', { value: String(one), selected: String(one) === String(selected),
    'data-i18n': `${prefix}${one}` }, t(`${prefix}${one}`))));
}

/** A table with column headings (a null heading: no such column) and its rows, or a line saying there are none. */
function table(id, headings, rows, emptyKey) {
  headings = headings.filter((heading) => heading !== null);
  return el('div', { class: 'table-scroll' }, el('table', { id },
    el('thead', {}, el('tr', {}, headings.map((heading) => el('th', { scope: 'col' }, heading)))),
    el('tbody', {}, rows.length ? rows : el('tr', {}, el('td', { colspan: String(headings.length), class: 'muted' }, t(emptyKey))))));
}

/** Points the API's field paths at this form's inputs, cutting the path back until one matches. */
function nameAlias(path) { return path === 'name' ? 'name.vi' : path; }

// ---------------------------------------------------------------- the list

async function showList() {
  byId('list-view').hidden = false;
  byId('detail-view').hidden = true;
  try {
    state.listBody = await api('api/v1/organizations', { query: { page: state.page, size: PAGE_SIZE, sort: 'code' } });
    drawList();
  }
  catch (error) { notify(`${t('loadFailed')}: ${error.message}`, 'error'); }
}

function activeBadge(active) {
  return el('span', { class: `badge ${active ? 'ok' : ''}`.trim() }, t(active ? 'active' : 'inactive'));
}

function drawList() {
  const body = state.listBody;
  if (!body) { return; }
  const rows = (body.content || []).map((organization) => el('tr', { dataset: { id: organization.id } },
    el('td', {}, el('a', { href: `organizations.html?id=${encodeURIComponent(organization.id)}` }, organization.code)),
    el('td', {}, text(organization.name)), el('td', {}, t(`kind_${organization.kind}`)), el('td', {}, organization.province || t('none')),
    el('td', { class: 'number' }, String((organization.departments || []).length)),
    el('td', { class: 'number' }, String((organization.contacts || []).length)), el('td', {}, activeBadge(organization.active))));
  byId('organization-list-holder').replaceChildren(table('organization-list',
    [t('code'), t('name'), t('kind'), t('province'), t('departments'), t('contacts'), t('status')], rows, 'noOrganizations'));
  const page = body.page || { number: 0, totalPages: 1, totalElements: rows.length };
  byId('list-pages').textContent = say('pageOf', page.number + 1, Math.max(page.totalPages, 1), page.totalElements);
  byId('previous-page').disabled = page.number <= 0;
  byId('next-page').disabled = page.number + 1 >= page.totalPages;
}

// ---------------------------------------------------------------- one organization

async function loadOrganization(id) {
  const answer = await api(`api/v1/organizations/${encodeURIComponent(id)}`, { withEtag: true });
  return { organization: answer.body, etag: answer.etag || `"${answer.body.version}"` };
}

async function showDetail(id) {
  byId('list-view').hidden = true;
  byId('detail-view').hidden = false;
  try {
    Object.assign(state, await loadOrganization(id));
    drawDetail();
  }
  catch (error) { notify(error.status === 404 ? t('notFound') : `${t('loadFailed')}: ${error.message}`, 'error'); }
}

function adopt(answer) {
  state.organization = answer.body;
  state.etag = answer.etag || `"${answer.body.version}"`;
  drawDetail();
}

function drawDetail() {
  const organization = state.organization;
  if (!organization) { return; }
  const editable = mayEdit(organization);
  byId('organization-heading').textContent = `${text(organization.name)} (${organization.code})`;
  const facts = [[t('code'), organization.code], [t('nameVi'), organization.name.vi], [t('nameEn'), organization.name.en || t('none')],
    [t('kind'), t(`kind_${organization.kind}`)], [t('province'), organization.province || t('none')],
    [t('status'), activeBadge(organization.active)], [t('version'), String(organization.version)]];
  byId('organization-facts').replaceChildren(...facts.flatMap(([term, description]) => [el('dt', {}, term), el('dd', {}, description)]));
  const actions = byId('organization-actions');
  actions.replaceChildren();
  if (editable) {
    actions.append(el('button', { type: 'button', id: 'edit-organization', 'data-edit': true, onclick: openEdit }, t('edit')));
    if (isAdmin() && organization.active) {
      actions.append(el('button', { type: 'button', id: 'deactivate-organization', class: 'danger', 'data-edit': true, onclick: deactivate }, t('deactivate')));
    }
  }
  drawDepartments(organization, editable);
  drawContacts(organization);
}

function drawDepartments(organization, editable) {
  const departments = organization.departments || [];
  const rows = departments.map((department, index) => el('tr', {},
    el('td', {}, department),
    editable ? el('td', {}, [
      el('button', { type: 'button', 'data-edit': true, 'aria-label': `${t('rename')}: ${department}`, onclick: () => openRename(index) }, t('rename')),
      ' ',
      el('button', { type: 'button', class: 'danger', 'data-edit': true, 'aria-label': `${t('remove')}: ${department}`,
        onclick: () => removeDepartment(index) }, t('remove'))]) : null));
  byId('department-holder').replaceChildren(table('department-list', [t('department'), editable ? t('actions') : null], rows, 'noDepartments'));
  const form = byId('department-form');
  if (form) {
    form.hidden = !editable;
    // Named like the API's path of the new entry, so a problem with it lands here.
    if (form.dataset.mode !== 'rename') {
      form.querySelector('input').name = `departments[${departments.length}]`;
      form.querySelector('label').textContent = t('newDepartment');
      form.querySelector('button[type="submit"]').textContent = t('add');
    }
  }
}

function drawContacts(organization) {
  const contacts = organization.contacts || [];
  const editable = contactsEditable(organization);
  const rows = contacts.map((contact, index) => el('tr', {},
    el('td', {}, contact.name), el('td', {}, contact.email || el('span', { class: 'muted' }, t('emailHidden'))),
    el('td', {}, contact.phone || t('none')), el('td', {}, contact.department || t('none')), el('td', {}, contact.role || t('none')),
    el('td', {}, t(`lang_${contact.language}`)), el('td', {}, t(contact.notify ? 'notifyYes' : 'notifyNo')),
    el('td', {}, t(`digest_${!!contact.digest}`)),
    editable ? el('td', {}, [
      el('button', { type: 'button', 'data-edit': true, 'aria-label': `${t('edit')}: ${contact.name}`, onclick: () => openContact(index) }, t('edit')),
      ' ',
      el('button', { type: 'button', class: 'danger', 'data-edit': true, 'aria-label': `${t('remove')}: ${contact.name}`,
        onclick: () => removeContact(index) }, t('remove'))]) : null));
  byId('contact-holder').replaceChildren(...[table('contact-list', [t('contactName'), t('email'), t('phone'), t('department'), t('role'),
    t('mailLanguage'), t('notify'), t('digest'), editable ? t('actions') : null], rows, 'noContacts'),
    contacts.some((contact) => !contact.email) ? el('p', { class: 'muted' }, t('emailsHidden')) : null].filter(Boolean));
  const add = byId('add-contact');
  if (add) { add.hidden = !editable; }
}

// ---------------------------------------------------------------- conflicts (412)

function describe(key, organization) {
  const shown = organization[key];
  if (key === 'name') { return text(shown); }
  if (key === 'kind') { return t(`kind_${shown}`); }
  if (key === 'active') { return t(shown ? 'active' : 'inactive'); }
  if (key === 'departments') { return (shown || []).join(', '); }
  if (key === 'contacts') { return (shown || []).map((contact) => contact.name).join(', '); }
  return shown == null ? t('none') : String(shown);
}

/** What changed between the version this page read and the current one, field by field. */
async function changesSince(loaded) {
  try {
    const current = await loadOrganization(loaded.id);
    const changes = ['name', 'kind', 'province', 'departments', 'contacts', 'active']
      .filter((key) => !same(loaded[key], current.organization[key]))
      .map((key) => `${t(`f_${key}`)}: ${describe(key, loaded)} → ${describe(key, current.organization)}`);
    return { changes, current };
  }
  catch (error) { return { changes: [], current: null }; }
}

async function showFailure(form, error, alias, onReload) {
  if (!form) {
    // A removal has no form of its own: its refusal goes to the status line.
    const changes = error.status === 412 ? (await changesSince(state.organization)).changes : [];
    notify(error.status === 412 ? `${t('conflict')} ${changes.join('; ')}` : error.message, 'error');
    return;
  }
  return showRefusal(form, error, { alias, changesSince: () => changesSince(state.organization), onReload: (current) => {
    Object.assign(state, current);
    drawDetail();
    if (onReload) { onReload(); }
  } });
}

/** PATCHes the organization with If-Match; problems go to the form. */
async function patch(form, changes, alias, onReload) {
  const button = form && form.querySelector('button[type="submit"]');
  if (button) { button.disabled = true; }
  try {
    const answer = await send('PATCH', `api/v1/organizations/${encodeURIComponent(state.organization.id)}`, changes, { etag: state.etag });
    notify(t('saved'));
    adopt(answer);
    return true;
  }
  catch (error) { await showFailure(form, error, alias, onReload); return false; }
  finally { if (button) { button.disabled = false; } }
}

// ---------------------------------------------------------------- register and edit

function buildOrganizationForm(form, organization) {
  const creating = !organization;
  const current = organization || { name: {}, departments: [] };
  const code = input({ required: true, maxlength: '32', pattern: '[A-Z0-9][A-Z0-9._\\-]*', autocapitalize: 'characters',
    spellcheck: 'false', value: current.code, disabled: !creating });
  form.querySelector('.organization-fields').replaceChildren(...[
    el('div', { class: 'fields' },
      field('code', 'code', code),
      field('name.vi', 'nameVi', input({ required: true, maxlength: '300', value: current.name.vi })),
      field('name.en', 'nameEn', input({ maxlength: '300', value: current.name.en })),
      field('kind', 'kind', el('select', { required: true }, options(KINDS, 'kind_', current.kind, 'choose'))),
      field('province', 'province', input({ maxlength: '100', value: current.province }))),
    creating ? field('departments', 'departmentsLines', el('textarea', { rows: '4' })) : null].filter(Boolean));
  form.querySelector('.organization-title').textContent = t(creating ? 'registerTitle' : 'editTitle');
  form.querySelector('button[type="submit"]').textContent = t(creating ? 'register' : 'save');
  form.editing = !creating;
  clearProblems(form);
  form.hidden = false;
  named(form, creating ? 'code' : 'name.vi').focus();
}

function openCreate() {
  buildOrganizationForm(byId('organization-form'), null);
}

function openEdit() {
  const form = byId('organization-form');
  byId('organization-actions').after(form);
  buildOrganizationForm(form, state.organization);
}

async function submitOrganization(event) {
  event.preventDefault();
  const form = event.currentTarget;
  clearProblems(form);
  const nameEn = value(form, 'name.en');
  const fields = { name: { vi: value(form, 'name.vi'), ...(nameEn ? { en: nameEn } : {}) }, kind: value(form, 'kind'),
    province: value(form, 'province') || undefined };
  if (!form.editing) {
    const departments = value(form, 'departments').split('\n').map((line) => line.trim()).filter(Boolean);
    const body = { code: value(form, 'code'), ...fields, departments };
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      const answer = await send('POST', 'api/v1/organizations', body);
      notify(t('registered'));
      window.location.assign(`organizations.html?id=${encodeURIComponent(answer.body.id)}`);
    }
    catch (error) { showProblem(form, error, undefined, nameAlias); }
    finally { button.disabled = false; }
    return;
  }
  const loaded = state.organization;
  const before = { name: { vi: loaded.name.vi, ...(loaded.name.en ? { en: loaded.name.en } : {}) }, kind: loaded.kind,
    province: loaded.province || undefined };
  const changes = {};
  Object.entries(fields).forEach(([key, now]) => { if (now !== undefined && !same(now, before[key])) { changes[key] = now; } });
  if (!Object.keys(changes).length) { showProblem(form, { status: 422, problem: { title: t('nothingChanged') } }); return; }
  if (await patch(form, changes, nameAlias, openEdit)) { form.hidden = true; }
}

async function deactivate() {
  const organization = state.organization;
  if (!window.confirm(say('confirmDeactivate', organization.code))) { return; }
  try {
    const answer = await send('POST', `api/v1/organizations/${encodeURIComponent(organization.id)}/deactivate`, undefined, { etag: state.etag });
    notify(t('saved'));
    adopt(answer);
  }
  catch (error) { await showFailure(null, error); }
}

// ---------------------------------------------------------------- departments

/** A department renamed is renamed in the contacts that name it too, in the same change. */
function departmentChange(departments, renamed) {
  const organization = state.organization;
  const changes = { departments };
  if (renamed && contactsEditable(organization) && organization.contacts.some((contact) => contact.department === renamed.from)) {
    changes.contacts = organization.contacts.map((contact) => contactInput(contact.department === renamed.from
      ? { ...contact, department: renamed.to } : contact));
  }
  return changes;
}

function openRename(index) {
  const form = byId('department-form');
  const department = state.organization.departments[index];
  const control = form.querySelector('input');
  control.name = `departments[${index}]`;
  control.value = department;
  form.dataset.mode = 'rename';
  form.dataset.index = String(index);
  form.querySelector('label').textContent = say('renameTo', department);
  form.querySelector('button[type="submit"]').textContent = t('rename');
  form.querySelector('[data-cancel]').hidden = false;
  clearProblems(form);
  control.focus();
}

function resetDepartmentForm(form) {
  form.reset();
  form.dataset.mode = 'add';
  form.querySelector('label').textContent = t('newDepartment');
  form.querySelector('button[type="submit"]').textContent = t('add');
  form.querySelector('[data-cancel]').hidden = true;
  form.querySelector('input').name = `departments[${(state.organization.departments || []).length}]`;
}

async function submitDepartment(event) {
  event.preventDefault();
  const form = event.currentTarget;
  clearProblems(form);
  const name = form.querySelector('input').value.trim();
  const departments = (state.organization.departments || []).slice();
  const renaming = form.dataset.mode === 'rename';
  const index = renaming ? Number(form.dataset.index) : departments.length;
  const clash = departments.findIndex((department, at) => at !== index && department.toLowerCase() === name.toLowerCase());
  if (clash >= 0) {
    showProblem(form, { status: 400, problem: { title: t('duplicateDepartment'),
      errors: [{ field: form.querySelector('input').name, message: t('duplicateDepartment') }] } });
    return;
  }
  const from = departments[index];
  departments[index] = name;
  if (renaming && from === name) { showProblem(form, { status: 422, problem: { title: t('nothingChanged') } }); return; }
  const changes = departmentChange(departments, renaming ? { from, to: name } : null);
  if (await patch(form, changes, null, () => resetDepartmentForm(form))) { resetDepartmentForm(form); }
}

async function removeDepartment(index) {
  const department = state.organization.departments[index];
  if (!window.confirm(say('confirmRemoveDepartment', department))) { return; }
  const departments = state.organization.departments.filter((unused, at) => at !== index);
  if (await patch(null, { departments })) { resetDepartmentForm(byId('department-form')); }
}

// ---------------------------------------------------------------- contacts

/** A contact as the API takes it back (the view's fields, absent ones left out). */
function contactInput(contact) {
  const sent = { name: contact.name, email: contact.email, language: contact.language || 'vi', notify: !!contact.notify, digest: !!contact.digest };
  ['phone', 'department', 'role'].forEach((key) => { if (contact[key]) { sent[key] = contact[key]; } });
  return sent;
}

function openContact(index) {
  const form = byId('contact-form');
  const organization = state.organization;
  const contact = index == null ? { language: 'vi', notify: true, digest: false } : organization.contacts[index];
  form.dataset.index = index == null ? '' : String(index);
  const departments = (organization.departments || []).slice();
  if (contact.department && !departments.includes(contact.department)) { departments.push(contact.department); }
  const notifyId = nextId('notify');
  form.querySelector('.contact-fields').replaceChildren(el('div', { class: 'fields' },
    field('name', 'contactName', input({ required: true, maxlength: '200', value: contact.name })),
    field('email', 'email', input({ type: 'email', required: true, maxlength: '254', autocomplete: 'off', value: contact.email })),
    field('phone', 'phone', input({ type: 'tel', maxlength: '32', value: contact.phone })),
    field('department', 'department', el('select', {}, el('option', { value: '', 'data-i18n': 'noDepartment' }, t('noDepartment')),
      departments.map((department) => el('option', { value: department, selected: department === contact.department }, department)))),
    field('role', 'role', input({ maxlength: '200', value: contact.role })),
    field('language', 'mailLanguage', el('select', { required: true }, options(['vi', 'en'], 'lang_', contact.language || 'vi'))),
    field('digest', 'digest', el('select', {}, options([false, true], 'digest_', !!contact.digest))),
    el('div', { class: 'field choice' },
      el('input', { type: 'checkbox', id: notifyId, name: 'notify', checked: contact.notify !== false }),
      el('label', { for: notifyId, 'data-i18n': 'notify' }, t('notify')))));
  form.querySelector('.contact-title').textContent = t(index == null ? 'contactTitleNew' : 'contactTitleEdit');
  clearProblems(form);
  form.hidden = false;
  named(form, 'name').focus();
}

async function submitContact(event) {
  event.preventDefault();
  const form = event.currentTarget;
  clearProblems(form);
  const contacts = state.organization.contacts.map(contactInput);
  const index = form.dataset.index === '' ? contacts.length : Number(form.dataset.index);
  const edited = { name: value(form, 'name'), email: value(form, 'email').toLowerCase(), language: value(form, 'language'),
    notify: named(form, 'notify').checked, digest: value(form, 'digest') === 'true' };
  ['phone', 'department', 'role'].forEach((key) => { const given = value(form, key); if (given) { edited[key] = given; } });
  if (index < contacts.length && same(edited, contacts[index])) {
    showProblem(form, { status: 422, problem: { title: t('nothingChanged') } });
    return;
  }
  contacts[index] = edited;
  // `contacts[<this one>].email` is this form's `email`; another contact's problem stays in the box.
  const alias = (path) => path.replace(new RegExp(`^contacts\\[${index}\\]\\.`), '');
  if (await patch(form, { contacts }, alias, () => { form.hidden = true; })) { form.hidden = true; }
}

async function removeContact(index) {
  const contact = state.organization.contacts[index];
  if (!window.confirm(say('confirmRemoveContact', contact.name))) { return; }
  const contacts = state.organization.contacts.filter((unused, at) => at !== index).map(contactInput);
  if (await patch(null, { contacts })) { byId('contact-form').hidden = true; }
}

// ---------------------------------------------------------------- start

function on(id, type, listener) {
  const node = byId(id);
  if (node) { node.addEventListener(type, listener); }
}

function wire() {
  on('previous-page', 'click', () => { state.page = Math.max(0, state.page - 1); showList(); });
  on('next-page', 'click', () => { state.page += 1; showList(); });
  on('new-organization', 'click', openCreate);
  on('organization-form', 'submit', submitOrganization);
  on('department-form', 'submit', submitDepartment);
  on('contact-form', 'submit', submitContact);
  on('add-contact', 'click', () => openContact(null));
  document.querySelectorAll('[data-cancel]').forEach((button) => button.addEventListener('click', () => {
    const form = byId(button.dataset.cancel);
    clearProblems(form);
    if (form.id === 'department-form') { resetDepartmentForm(form); } else { form.hidden = true; }
  }));
}

async function main() {
  await start({ page: 'organizations', texts: TEXTS });
  if (!canEdit()) { document.querySelectorAll('[data-edit]').forEach((node) => node.remove()); }
  // Registering an organization is the secretariat's (docs/security.md).
  if (!isAdmin()) { const button = byId('new-organization'); if (button) { button.remove(); } }
  wire();
  onLanguageChange(() => { drawList(); drawDetail(); });
  const id = new URLSearchParams(window.location.search).get('id');
  if (id) { await showDetail(id); } else { await showList(); }
}

main();
